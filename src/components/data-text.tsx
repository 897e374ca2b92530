import { cleanText, splitIsolates } from '../domain/text/text-safety';

/**
 * A data value inside the app's own words: a `<bdi>`, so right-to-left text or a stray override in
 * it (U+202E) cannot reorder the sentence around it. The value's controls are stripped and its bidi
 * controls balanced as well, for renderers that would let an unterminated override out of the element.
 */
export function DataText({ children }: { children: string }) {
  return <bdi>{cleanText(children)}</bdi>;
}

/**
 * A sentence built as a string with `isolate`d values (a chart subtitle from `describeFilter`): each
 * FSI…PDI value becomes a `<bdi>` and the app's words stay plain text; a bidi control outside an
 * isolate is dropped.
 */
export function IsolatedText({ text }: { text: string }) {
  return (
    <>{splitIsolates(text).map((part, i) => (part.isolated ? <bdi key={i}>{part.text}</bdi> : part.text))}</>
  );
}
