import { DataText } from '../components/data-text';

/** What the error boundary of every page shows: a crash in one view says what broke and offers a way back. */
export function RouteError({ error }: { error: unknown }) {
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <section className="page" role="alert">
      <h1>Something went wrong on this page</h1>
      <p>
        The page stopped because of an error in the app: <DataText>{detail}</DataText>
      </p>
      <p>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        or <a href="/">go to the dashboard</a>.
      </p>
    </section>
  );
}
