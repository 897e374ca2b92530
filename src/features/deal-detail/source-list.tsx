import { formatPartialDate, safeExternalUrl, type Source } from '../../domain';

/** Sources with their quotes; only http(s) addresses become links, anything else stays plain text. */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ol className="source-list">
      {sources.map((source) => {
        const href = safeExternalUrl(source.url);
        return (
          <li key={source.id} id={`source-${source.id}`}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer">
                {source.title}
              </a>
            ) : (
              <span className="source-title">{source.title}</span>
            )}
            <span className="muted">
              {' '}
              — {source.publisher}
              {source.date ? `, ${formatPartialDate(source.date)}` : ''}
            </span>
            {source.url && !href ? <div className="muted">Address (not linked): {source.url}</div> : null}
            {source.quote ? <blockquote>“{source.quote}”</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
