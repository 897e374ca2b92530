import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { scrollToRow, useFixedRows } from './fixed-rows';

// jsdom's boxes are 300 px high (src/test/setup-ui.ts): 7.5 rows of 40 px in view.
function box(top = 0) {
  const element = document.createElement('div');
  element.scrollTop = top;
  document.body.append(element);
  return { current: element };
}

describe('useFixedRows', () => {
  it('draws the rows in view and four either side, and follows a scroll', () => {
    const ref = box();
    const { result } = renderHook(() => useFixedRows(ref, 100_000, 40, 4));
    expect(result.current).toEqual({ first: 0, last: 11, total: 4_000_000 });
    act(() => {
      ref.current.scrollTop = 4000;
      ref.current.dispatchEvent(new Event('scroll'));
    });
    expect(result.current).toMatchObject({ first: 96, last: 111 });
  });

  it('shows the last rows, not none, when the rows shrink under a scrolled box', () => {
    const ref = box(4000);
    const { result } = renderHook(() => useFixedRows(ref, 20, 40, 4));
    expect(result.current).toMatchObject({ first: 15, last: 19 });
  });

  it('draws nothing when there are no rows', () => {
    const { result } = renderHook(() => useFixedRows(box(), 0, 40, 4));
    expect(result.current.last).toBeLessThan(result.current.first);
  });
});

describe('scrollToRow', () => {
  it('scrolls the least distance that shows the row whole', () => {
    const { current: element } = box(400);
    scrollToRow(element, 5, 40);
    expect(element.scrollTop).toBe(200);
    scrollToRow(element, 20, 40);
    expect(element.scrollTop).toBe(540);
    scrollToRow(element, 18, 40);
    expect(element.scrollTop).toBe(540);
  });
});
