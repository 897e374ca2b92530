/**
 * The main thread's work per interaction, from a Chrome performance trace (CDP `Tracing`): from the
 * input event to the end of the last script task of 1 ms or more before the paint the probe saw (the
 * render and commit; the probe's own per-frame callbacks are far shorter). Shared by `npm run bench`
 * (the work columns of the results) and `npm run bench:trace` (one interaction, phase by phase).
 */
import type { CDPSession } from 'playwright-core';

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** The thread's CPU time, where the event records it. */
  tdur?: number;
  args?: { name?: string; data?: { type?: string }; elementCount?: number };
}

/** The user-timing mark the benchmark's save sets as it dispatches, where no input event is traced. */
export const SAVE_MARK = 'bench:save';

/** A frame at 60 Hz, the unit input-to-paint is counted in. */
export const FRAME_MS = 1000 / 60;

/** Frames from the input to the paint that shows its result: one at least, as no paint takes less. */
export const framesOf = (latencyMs: number): number => Math.max(1, Math.ceil(latencyMs / FRAME_MS));

/** Runs `run` under a trace of the renderer's timeline, script execution and user-timing marks. */
export async function traced<T>(
  cdp: CDPSession,
  run: () => Promise<T>,
): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  const result = await run();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return { result, events };
}

/** The renderer main thread's complete events (`ph: 'X'`) and its marks. */
export function mainThread(events: TraceEvent[]): { own: TraceEvent[]; marks: TraceEvent[] } {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid);
  return { own: mine.filter((e) => e.ph === 'X'), marks: mine.filter((e) => e.name === SAVE_MARK) };
}

/**
 * Per interaction, its start in the trace (µs): the dispatch of the input event of `type`, or, for
 * the benchmark's save, its mark.
 */
export function interactionStarts(events: TraceEvent[], type: string): number[] {
  const { own, marks } = mainThread(events);
  if (type === 'bench-save') return marks.map((e) => e.ts).sort((a, b) => a - b);
  return own
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === type)
    .map((e) => e.ts)
    .sort((a, b) => a - b);
}

/**
 * The main thread's work of each interaction (ms), given the probe's input-to-paint samples in order:
 * from its start to the end of the last script task of at least 1 ms before its paint.
 */
export function workPerInteraction(events: TraceEvent[], type: string, samples: number[]): number[] {
  const { own } = mainThread(events);
  const scripts = own.filter((e) => e.name === 'FunctionCall' && (e.dur ?? 0) >= 1000);
  return interactionStarts(events, type)
    .slice(0, samples.length)
    .map((start, i) => {
      const end = start + samples[i]! * 1000;
      const last = scripts
        .filter((e) => e.ts >= start - 2000 && e.ts < end)
        .reduce((reach, e) => Math.max(reach, e.ts + (e.dur ?? 0)), start);
      return (last - start) / 1000;
    });
}

/** Time covered by events, in ms: nested events of one name (Paint inside Paint) count once. */
export function coveredMs(events: TraceEvent[]): number {
  let covered = 0;
  let reach = -Infinity;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    const end = e.ts + (e.dur ?? 0);
    if (end <= reach) continue;
    covered += end - Math.max(e.ts, reach);
    reach = end;
  }
  return covered / 1000;
}
