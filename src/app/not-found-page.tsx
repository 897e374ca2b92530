import { useLocation } from '../components/routing';
import { ContextLink } from '../components/context-link';
import { DataText } from '../components/data-text';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <section className="page">
      <h1>Page not found</h1>
      <p>
        There is no page at{' '}
        <code>
          <DataText>{pathname}</DataText>
        </code>
        . Go to the <ContextLink to="/">dashboard</ContextLink> or the{' '}
        <ContextLink to="/deals">list of deals</ContextLink>.
      </p>
    </section>
  );
}
