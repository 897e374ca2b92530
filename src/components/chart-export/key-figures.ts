/** One figure of the dashboard's key-figures strip, as text for a briefing page. */
export interface KeyFigure {
  label: string;
  value: string;
  note: string;
}

// Text of an element with its child elements kept apart ("$3.99 billion and ₹… crore", not
// "billionand"), since textContent joins a value and its extra line with nothing between them.
function spacedText(element: Element): string {
  const parts: string[] = [];
  for (const node of element.childNodes) {
    const text = node.nodeType === Node.ELEMENT_NODE ? spacedText(node as Element) : node.textContent;
    if (text?.trim()) parts.push(text.trim());
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

/**
 * The figures as the page shows them, read from its `<dl aria-label="Key figures">`: each term with
 * the first description as its value and the rest as its note. Read from the page rather than
 * recomputed, so the briefing says exactly what the screen said.
 */
export function readKeyFigures(scope: ParentNode): KeyFigure[] {
  const list = scope.querySelector('dl[aria-label="Key figures"]');
  if (!list) return [];
  const figures: KeyFigure[] = [];
  for (const term of list.querySelectorAll('dt')) {
    const details: string[] = [];
    for (let next = term.nextElementSibling; next && next.tagName === 'DD'; next = next.nextElementSibling) {
      details.push(spacedText(next));
    }
    figures.push({ label: spacedText(term), value: details[0] ?? '', note: details.slice(1).join(' ') });
  }
  return figures;
}
