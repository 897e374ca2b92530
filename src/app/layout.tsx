import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { metaQueries } from '../api';
import { useApiContext } from '../components/api-context';
import { ContextLink, ContextNavLink } from '../components/context-link';
import { DatasetBanner, DatasetLabel, useImportedGroups } from '../components/dataset-banner';
import { formatCount } from '../domain';
import { DropAnywhere } from '../features/import/drop-anywhere';
import type { ApiMode } from './routes';

export function Layout({ apiMode, children }: { apiMode: ApiMode; children: ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <ContextLink to="/" className="brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>Defence Procurement Tracker</span>
        </ContextLink>
        <nav aria-label="Main">
          <ContextNavLink to="/" end>
            Dashboard
          </ContextNavLink>
          <ContextNavLink to="/deals">Deals</ContextNavLink>
          <ContextNavLink to="/import">Import</ContextNavLink>
          <ContextNavLink to="/deleted">Deleted</ContextNavLink>
          <ContextNavLink to="/data">Data</ContextNavLink>
        </nav>
        <DatasetLabel />
      </header>
      {apiMode === 'unavailable' ? (
        <p className="banner banner--scenario" role="alert">
          This browser does not allow the built-in demo API (service workers are off or the page is not served
          over http://localhost or https). Open the app at http://localhost or set VITE_API_BASE_URL to a real
          server.
        </p>
      ) : null}
      <DatasetBanner />
      <main id="main" className="main">
        {children}
      </main>
      <Footer />
      <DropAnywhere />
    </div>
  );
}

/**
 * Says where the data comes from: a generated set must not be credited to published reports, nor
 * imported records to this project's compilation (their rights holder is named, as on every export).
 */
function Footer() {
  const { data: meta } = useQuery(metaQueries.meta(useApiContext()));
  // Per register and rights, whatever the import day (the banner gives days): "762 records imported
  // from SIPRI data (c) SIPRI".
  const registers = new Map<string, number>();
  for (const g of useImportedGroups()) {
    const source = `${g.publisher} data${g.rights ? ` ${g.rights}` : ''}`;
    registers.set(source, (registers.get(source) ?? 0) + g.count);
  }
  const imported = [...registers]
    .map(([source, n]) => `${formatCount(n)} record${n === 1 ? '' : 's'} imported from ${source}`)
    .join('; ');
  return (
    <footer className="footer">
      {meta?.synthetic ? (
        <>
          Synthetic data, generated for demonstration and performance tests: these are not real deals, and no
          figure in them comes from a published report.
        </>
      ) : (
        <>
          Every figure carries its source. Data: India–US defence deals compiled from published reports
          {imported ? `, and ${imported}` : ''}; see each deal&apos;s sources.
        </>
      )}
    </footer>
  );
}
