import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { renderApp } from '../test/render-app';
import { FilterChips } from './filter-chips';
import { RejectedRecordsNotice } from './rejected-records-notice';
import { outsideIsolates } from '../test/outside-isolates';

configure({ asyncUtilTimeout: 4000 });

const RLO = '\u202e';
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

describe('data inside the app’s sentences', () => {
  it('isolates a link’s hostile status in the “Ignored …” notice', async () => {
    renderApp(`/deals?status=${encodeURIComponent(`${RLO}drafted`)}`);
    const notice = await screen.findByText(/^Ignored/);
    expect(outsideIsolates(notice)).toBe('Ignored status=[value] ("[value]" is not a known status).');
    expect(notice.querySelector('bdi')!.textContent).toBe(`${RLO}drafted\u202c`);
  });

  it('isolates a system and a search in the chips, and names them without controls', () => {
    render(<FilterChips filter={{ q: `${RLO}drone`, system: [`${RLO}MQ-9B`] }} onChange={() => undefined} />);
    const chips = screen.getAllByRole('button', { name: /^Remove filter/ });
    expect(chips.map((c) => outsideIsolates(c))).toEqual(['Search: “[value]”×', 'System: [value]×']);
    expect(chips[1]).toHaveAccessibleName('Remove filter System: MQ-9B');
    for (const chip of chips) expect(outsideIsolates(chip)).not.toMatch(BIDI);
  });

  it('isolates the ids and reasons of rejected records', () => {
    render(
      <RejectedRecordsNotice rejected={[{ index: 0, id: `${RLO}bad`, reason: `title: ${RLO}too long` }]} />,
    );
    const item = screen.getByRole('listitem');
    expect(outsideIsolates(item)).toBe('[value]: [value]');
    expect(item.querySelector('code bdi')!.textContent).toBe(`${RLO}bad\u202c`);
  });
});
