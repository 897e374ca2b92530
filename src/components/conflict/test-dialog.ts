import { beforeAll } from 'vitest';

/**
 * jsdom has `<dialog>` but not its modal methods: open and close it as the attribute, and fire
 * `close` as the browser does. Chromium's own (focus trap, Escape) is exercised in e2e.
 */
export function polyfillDialog(): void {
  beforeAll(() => {
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });
}
