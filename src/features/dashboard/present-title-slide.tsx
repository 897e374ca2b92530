import { useState } from 'react';
import { useShrinkToFit } from './present-shrink';

/** The first slide: what the show is about, under which filters, and how fresh and how real the data is. */
export function TitleSlide({
  title,
  filters,
  dataAsOf,
  deals,
  synthetic,
}: {
  title: string;
  filters: string;
  dataAsOf: string;
  deals: string;
  synthetic: boolean;
}) {
  const [card, setCard] = useState<HTMLElement | null>(null);
  useShrinkToFit(card);
  return (
    <div className="card present__title" ref={setCard}>
      <h1 className="present__title-name">{title}</h1>
      <p className="present__title-filters">{filters}</p>
      <p className="present__title-meta">
        {deals} · {dataAsOf}
      </p>
      {synthetic ? (
        <p className="present__title-synthetic">SYNTHETIC DATA: generated records, not real deals</p>
      ) : null}
      <p className="present__title-hint">
        →, space or a click on the slide to step · Home / End · Esc to leave
      </p>
    </div>
  );
}
