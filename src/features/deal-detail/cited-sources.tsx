import { DataText } from '../../components/data-text';
import { safeExternalUrl, type Source } from '../../domain';

/** "Publisher: Title", linked only when its address is http(s); any other address stays unlinked text. */
export function SourceName({ source }: { source: Source }) {
  const href = safeExternalUrl(source.url);
  const name = (
    <>
      <DataText>{source.publisher}</DataText>: <DataText>{source.title}</DataText>
    </>
  );
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" className="source-name">
      {name}
    </a>
  ) : (
    <span className="source-name">{name}</span>
  );
}

/** The verbatim quote behind a citation, shown when asked for, so a table row stays one line of names. */
function QuoteToggle({ source }: { source: Source }) {
  if (!source.quote) return null;
  return (
    <details className="citation__quote">
      <summary>
        Quote
        <span className="sr-only">
          {' '}
          from <DataText>{source.publisher}</DataText>
        </span>
      </summary>
      <blockquote>
        “<DataText>{source.quote}</DataText>”
      </blockquote>
    </details>
  );
}

/**
 * The sources a figure, count or milestone cites, by publisher and title, each with its quote on
 * demand. `ids` refer to `sources` (the deal's list); an id the list lacks is shown as the id, so a
 * broken reference is visible rather than dropped.
 */
export function CitedSources({
  ids,
  sources,
  label = 'Sources',
}: {
  ids: readonly string[];
  sources: readonly Source[];
  /** Shown before the list; null where a column header already says it. */
  label?: string | null;
}) {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return (
    <div className="citations">
      {label === null ? null : <span className="citations__label">{label}:</span>}
      <ul className="citations__list">
        {ids.map((id) => {
          const source = byId.get(id);
          return (
            <li key={id}>
              {source ? (
                <>
                  <SourceName source={source} />
                  <QuoteToggle source={source} />
                </>
              ) : (
                <code>
                  <DataText>{id}</DataText>
                </code>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
