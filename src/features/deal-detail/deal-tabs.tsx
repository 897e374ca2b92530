import { Suspense, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from '../../components/routing';
import { Skeleton } from '../../components/skeleton';
import { DEAL_TABS, readUrlPart, writeUrlState, type DealTab } from '../../domain';
import './deal-tabs.css';

const TAB_LABELS: Record<DealTab, string> = { overview: 'Overview', history: 'History' };

/**
 * Overview / History as ARIA tabs (WAI-ARIA APG, automatic activation): one tab stop, arrow keys,
 * Home and End move between tabs; the chosen tab is `?tab=history` in the URL, so a link or a reload
 * opens it. Only the chosen panel's content is rendered: the history is fetched when first shown.
 */
export function DealTabs({ overview, history }: { overview: ReactNode; history: ReactNode }) {
  const [params, setParams] = useSearchParams();
  const current = readUrlPart('tab', params).value;
  const tabs = useRef<Partial<Record<DealTab, HTMLButtonElement | null>>>({});

  const choose = (tab: DealTab, focus: boolean) => {
    setParams((p) => writeUrlState({ tab }, p), { flushSync: true });
    if (focus) tabs.current[tab]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = DEAL_TABS.indexOf(current);
    const last = DEAL_TABS.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % DEAL_TABS.length
        : event.key === 'ArrowLeft'
          ? (index + last) % DEAL_TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    choose(DEAL_TABS[next] ?? current, true);
  };

  return (
    <>
      <div role="tablist" aria-label="Deal views" className="deal-tabs">
        {DEAL_TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              tabs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={`deal-tab-${tab}`}
            aria-controls={`deal-panel-${tab}`}
            aria-selected={tab === current}
            tabIndex={tab === current ? 0 : -1}
            className="deal-tabs__tab"
            onClick={() => choose(tab, false)}
            onKeyDown={onKeyDown}
          >
            {TAB_LABELS[tab]}
          </button>
        ))}
      </div>
      {DEAL_TABS.map((tab) => (
        <div
          key={tab}
          role="tabpanel"
          id={`deal-panel-${tab}`}
          aria-labelledby={`deal-tab-${tab}`}
          hidden={tab !== current}
          className="deal-tabs__panel"
        >
          {tab !== current ? null : tab === 'overview' ? (
            overview
          ) : (
            <Suspense fallback={<Skeleton label="Loading the history…" height={240} />}>{history}</Suspense>
          )}
        </div>
      ))}
    </>
  );
}
