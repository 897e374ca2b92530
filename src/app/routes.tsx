import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { useLocation } from '../components/routing';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { PageBoundary } from './page-boundary';

export type ApiMode = 'mock' | 'remote' | 'unavailable';

// The dashboard is the first page; the table, deal pages and slides load when first opened, which keeps
// TanStack Table and Virtual, the CSV writer and the slide code out of the first download.
const DealsPage = lazy(async () => ({
  default: (await import('../features/deal-table/deals-page')).DealsPage,
}));
const DealPage = lazy(async () => ({
  default: (await import('../features/deal-detail/deal-page')).DealPage,
}));
const NewDealPage = lazy(async () => ({
  default: (await import('../features/deal-edit/deal-form-page')).NewDealPage,
}));
const EditDealPage = lazy(async () => ({
  default: (await import('../features/deal-edit/deal-form-page')).EditDealPage,
}));
const DealHistoryTab = lazy(async () => ({
  default: (await import('../features/deal-history/deal-history-tab')).DealHistoryTab,
}));
const DeletedPage = lazy(async () => ({
  default: (await import('../features/data-admin/deleted-page')).DeletedPage,
}));
const DataPage = lazy(async () => ({
  default: (await import('../features/data-admin/data-page')).DataPage,
}));
// The deal page's History tab: a feature of its own, passed in because features do not import each other.
const renderHistory = (id: string) => <DealHistoryTab id={id} />;
const MoneyActions = lazy(async () => ({
  default: (await import('../features/deal-edit/money-actions')).MoneyActions,
}));
// The Money section's "Add a reported figure" and headline choice, from the deal-edit feature; its own
// Suspense, so the deal shows while that code loads.
const renderMoneyActions = (id: string) => (
  <Suspense fallback={null}>
    <MoneyActions id={id} />
  </Suspense>
);
const ImportPage = lazy(async () => ({
  default: (await import('../features/import/import-page')).ImportPage,
}));
const PresentPage = lazy(async () => ({
  default: (await import('../features/dashboard/present-page')).PresentPage,
}));

export function AppRoutes({ apiMode }: { apiMode: ApiMode }) {
  const { pathname } = useLocation();
  return (
    <PageBoundary resetKey={pathname}>
      <Switch>
        {/* The slide show has no navigation chrome of its own. */}
        <Route path="/present">
          <PresentPage />
        </Route>
        <Route>
          <Layout apiMode={apiMode}>
            <PageBoundary resetKey={pathname}>
              <Switch>
                <Route path="/">
                  <DashboardPage />
                </Route>
                <Route path="/deals">
                  <DealsPage />
                </Route>
                {/* Before /deals/:id, so "new" is never read as a deal's id. */}
                <Route path="/deals/new">
                  <NewDealPage />
                </Route>
                <Route path="/deals/:id/edit">
                  <EditDealPage />
                </Route>
                <Route path="/deals/:id">
                  <DealPage renderHistory={renderHistory} renderMoneyActions={renderMoneyActions} />
                </Route>
                <Route path="/deleted">
                  <DeletedPage />
                </Route>
                <Route path="/data">
                  <DataPage />
                </Route>
                <Route path="/import">
                  <ImportPage />
                </Route>
                <Route>
                  <NotFoundPage />
                </Route>
              </Switch>
            </PageBoundary>
          </Layout>
        </Route>
      </Switch>
    </PageBoundary>
  );
}
