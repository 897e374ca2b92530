/**
 * Installed in every benchmark page before its own scripts (Playwright `addInitScript`), so both the
 * tracker and the AG Grid peer are timed by the same code. Times are `performance.now()` values:
 * milliseconds since navigation start.
 *
 * "Painted" means: the condition holds after a frame, and then three frames pass without a DOM change
 * (Recharts and AG Grid may finish in a second pass); the time is the end of the last frame that
 * changed the DOM. A frame's end is taken as a message posted from its requestAnimationFrame callback,
 * which runs after that frame is painted.
 */
export interface ProbeOptions {
  /** A JavaScript expression, true once the page's first view is painted. */
  loaded: string;
}

export interface BenchProbe {
  /** Resolves with the time the first view was painted. */
  loaded: Promise<number>;
  /**
   * Waits for the next `event` (capture phase, on window), then until `until` (an expression) holds and
   * the page settles; `pending` resolves with the time from the event to that paint.
   */
  arm(event: string, until: string): void;
  pending: Promise<number> | undefined;
  /** Times the 2× PNG export: from the next click to the moment a file is handed to the browser. */
  armDownload(): void;
  /** Scrolls `selector` by `distance` px over `frames` frames and returns each frame's duration. */
  scroll(selector: string, distance: number, frames: number): Promise<number[]>;
}

export function installProbe(options: ProbeOptions): void {
  let mutations = 0;
  new MutationObserver(() => {
    mutations += 1;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  const frameEnd = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );

  const holds = (expression: string): boolean => {
    try {
      // The conditions are the benchmark's own expressions, sent from bench/measure.ts.
      // eslint-disable-next-line @typescript-eslint/no-implied-eval, @typescript-eslint/no-unsafe-call
      return Boolean(new Function(`return (${expression});`)());
    } catch {
      return false;
    }
  };

  async function painted(expression: string, timeoutMs = 120_000): Promise<number> {
    const begun = performance.now();
    let end = await frameEnd();
    while (!holds(expression)) {
      if (performance.now() - begun > timeoutMs) throw new Error(`timed out waiting for ${expression}`);
      end = await frameEnd();
    }
    let seen = mutations;
    for (let quiet = 0; quiet < 3;) {
      const t = await frameEnd();
      if (mutations !== seen) {
        seen = mutations;
        end = t;
        quiet = 0;
      } else quiet += 1;
    }
    return end;
  }

  const probe: BenchProbe = {
    loaded: new Promise<number>((resolve, reject) => {
      const start = () => void painted(options.loaded).then(resolve, reject);
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
      else start();
    }),
    pending: undefined,
    arm(event, until) {
      probe.pending = new Promise<number>((resolve, reject) => {
        addEventListener(
          event,
          (e) => void painted(until).then((end) => resolve(end - e.timeStamp), reject),
          { capture: true, once: true },
        );
      });
    },
    armDownload() {
      probe.pending = new Promise<number>((resolve) => {
        addEventListener(
          'click',
          (e) => {
            // Restored and called with `this` below.
            // eslint-disable-next-line @typescript-eslint/unbound-method
            const click = HTMLAnchorElement.prototype.click;
            HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
              if (this.download) {
                HTMLAnchorElement.prototype.click = click;
                resolve(performance.now() - e.timeStamp);
                return;
              }
              click.call(this);
            };
          },
          { capture: true, once: true },
        );
      });
    },
    async scroll(selector, distance, frames) {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`nothing to scroll: ${selector}`);
      const durations: number[] = [];
      let last = await new Promise<number>((r) => requestAnimationFrame(r));
      for (let i = 1; i <= frames; i += 1) {
        element.scrollTop = (distance * i) / frames;
        const now = await new Promise<number>((r) => requestAnimationFrame(r));
        durations.push(now - last);
        last = now;
      }
      return durations;
    },
  };
  (window as unknown as { __bench: BenchProbe }).__bench = probe;
}
