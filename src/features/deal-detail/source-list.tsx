import { DataText } from '../../components/data-text';
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
                <DataText>{source.title}</DataText>
              </a>
            ) : (
              <span className="source-title">
                <DataText>{source.title}</DataText>
              </span>
            )}
            <span className="muted">
              {' '}
              — <DataText>{source.publisher}</DataText>
              {source.date ? `, ${formatPartialDate(source.date)}` : ''}
            </span>
            {source.url && !href ? (
              <div className="muted">
                Address (not linked): <DataText>{source.url}</DataText>
              </div>
            ) : null}
            {source.quote ? (
              <blockquote>
                “<DataText>{source.quote}</DataText>”
              </blockquote>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
