/**
 * The element's text with each <bdi> written as "[value]": the app's own words, which no data value
 * may reorder, as a test can compare them.
 */
export function outsideIsolates(element: Element): string {
  return [...element.childNodes]
    .map((node) =>
      node.nodeType === Node.TEXT_NODE
        ? node.textContent
        : (node as Element).tagName === 'BDI'
          ? '[value]'
          : outsideIsolates(node as Element),
    )
    .join('');
}
