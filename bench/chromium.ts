import { chromium, type Browser } from 'playwright-core';
import CHROMIUM_ARGS from '../.ci/chromium-args.json' with { type: 'json' };

/** Debian's Chromium, headless, with the flags this machine's closed network needs; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
