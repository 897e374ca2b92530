import type { RouteObject } from 'react-router';
import { DashboardPage } from '../features/dashboard/dashboard-page';
import { DealPage } from '../features/deal-detail/deal-page';
import { DealsPage } from '../features/deal-table/deals-page';
import { PresentPage } from '../features/dashboard/present-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';
import { RouteError } from './route-error';

export type ApiMode = 'mock' | 'remote' | 'unavailable';

export function routes(apiMode: ApiMode): RouteObject[] {
  return [
    // The slide show has no navigation chrome of its own.
    { path: '/present', element: <PresentPage />, errorElement: <RouteError /> },
    {
      path: '/',
      element: <Layout apiMode={apiMode} />,
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'deals', element: <DealsPage /> },
            { path: 'deals/:id', element: <DealPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ];
}
