import { act, fireEvent, render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_MS, ToastProvider, useToast, type ToastInput } from './toast';

const shown: { show?: (toast: ToastInput) => number } = {};
const show = (toast: ToastInput) => shown.show?.(toast);
function Shower() {
  const { show } = useToast();
  useEffect(() => {
    shown.show = show;
  }, [show]);
  return null;
}
function renderToasts() {
  render(
    <ToastProvider>
      <Shower />
    </ToastProvider>,
  );
  return screen.getByRole('status', { name: 'Notifications' });
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const undo = (onAction = vi.fn()) => ({ label: 'Undo', onAction });

describe('notices', () => {
  it('speak through one polite live region that is there before any notice', () => {
    const region = renderToasts();
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    void act(() => void show({ lead: 'Saved', value: 'P-8I', tail: '.' }));
    expect(region).toHaveTextContent('Saved “P-8I”.');
  });

  it('with an action stay about 10 s, one without it 5 s', () => {
    const region = renderToasts();
    void act(() => void show({ lead: 'Saved', value: 'A', tail: '.', action: undo() }));
    void act(() => void show({ lead: 'Undone.' }));
    void act(() => vi.advanceTimersByTime(TOAST_MS.plain + 10));
    expect(region).toHaveTextContent('Saved “A”.');
    expect(region).not.toHaveTextContent('Undone.');
    void act(() => vi.advanceTimersByTime(TOAST_MS.action - TOAST_MS.plain));
    expect(region).toBeEmptyDOMElement();
  });

  it('wait while the pointer is over them or focus is in them, and count on from where they were', () => {
    const region = renderToasts();
    void act(() => void show({ lead: 'Saved', value: 'A', tail: '.', action: undo() }));
    const button = screen.getByRole('button', { name: 'Undo' });
    void act(() => vi.advanceTimersByTime(8000));
    fireEvent.pointerEnter(button.parentElement!);
    void act(() => vi.advanceTimersByTime(60_000));
    expect(region).toHaveTextContent('Saved “A”.');
    fireEvent.pointerLeave(button.parentElement!);
    void act(() => button.focus());
    void act(() => vi.advanceTimersByTime(60_000));
    expect(region).toHaveTextContent('Saved “A”.');
    void act(() => button.blur());
    void act(() => vi.advanceTimersByTime(1000));
    expect(region).toHaveTextContent('Saved “A”.');
    void act(() => vi.advanceTimersByTime(1100));
    expect(region).toBeEmptyDOMElement();
  });

  it('run their action once and close, close on Dismiss and on Escape', () => {
    const region = renderToasts();
    const onAction = vi.fn();
    void act(() => void show({ lead: 'Saved', value: 'A', tail: '.', action: undo(onAction) }));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(region).toBeEmptyDOMElement();
    void act(() => void show({ lead: 'One' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notification' }));
    expect(region).toBeEmptyDOMElement();
    void act(() => void show({ lead: 'Two', action: undo() }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Undo' }), { key: 'Escape' });
    expect(region).toBeEmptyDOMElement();
  });

  it('run the newest Undo on Ctrl+Z or Cmd+Z outside a text field, not inside one', () => {
    const region = renderToasts();
    const older = vi.fn();
    const newer = vi.fn();
    void act(() => void show({ lead: 'Saved', value: 'A', tail: '.', action: undo(older) }));
    void act(() => void show({ lead: 'Saved', value: 'B', tail: '.', action: undo(newer) }));
    const field = document.body.appendChild(document.createElement('input'));
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    expect(newer).not.toHaveBeenCalled();
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(newer).toHaveBeenCalledTimes(1);
    expect(region).not.toHaveTextContent('Saved “B”.');
    fireEvent.keyDown(document.body, { key: 'Z', metaKey: true });
    expect(older).toHaveBeenCalledTimes(1);
    expect(region).toBeEmptyDOMElement();
    field.remove();
  });

  it('show a hostile title as text, isolated, and keep at most three', () => {
    const region = renderToasts();
    const title = '<img src=x onerror="window.__pwned=1">\u202Egnp.exe';
    void act(() => void show({ lead: 'Saved', value: title, tail: '.' }));
    expect(region.querySelector('img')).toBeNull();
    expect(region.querySelector('bdi')).toHaveTextContent('<img src=x onerror="window.__pwned=1">');
    for (const n of [1, 2, 3]) act(() => void show({ lead: `Notice ${n}` }));
    expect(region.children).toHaveLength(3);
    expect(region).not.toHaveTextContent('Saved');
  });

  it('carry a second action that runs without closing the notice, beside the Undo', () => {
    const region = renderToasts();
    const onReport = vi.fn();
    const onUndo = vi.fn();
    void act(
      () =>
        void show({
          lead: 'Imported 3 deals, updated 0, skipped 1.',
          action: undo(onUndo),
          secondaryAction: { label: 'Download the report', onAction: onReport },
        }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Download the report' }));
    expect(onReport).toHaveBeenCalledTimes(1);
    expect(region).toHaveTextContent('Imported 3 deals');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(region).toBeEmptyDOMElement();
  });
});
