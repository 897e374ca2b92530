import type { RouteObject } from 'react-router';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

export type ApiMode = 'mock' | 'remote' | 'unavailable';

// The dashboard is the first page; the table, deal pages and slides load when first opened, which keeps
// TanStack Table and Virtual, the CSV writer and the slide code out of the first download.
const deals = async () => ({ Component: (await import('../features/deal-table/deals-page')).DealsPage });
const deal = async () => ({ Component: (await import('../features/deal-detail/deal-page')).DealPage });
const present = async () => ({ Component: (await import('../features/dashboard/present-page')).PresentPage });

export function routes(apiMode: ApiMode): RouteObject[] {
  return [
    // The slide show has no navigation chrome of its own.
    { path: '/present', lazy: present, errorElement: <RouteError /> },
    {
      path: '/',
      element: <Layout apiMode={apiMode} />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'deals', lazy: deals },
            { path: 'deals/:id', lazy: deal },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
