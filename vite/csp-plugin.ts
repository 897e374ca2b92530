/**
 * The production build's Content-Security-Policy, written into the built index.html as a
 * `<meta http-equiv>` so that the self-contained demo carries it wherever it is served. A server
 * should also send it as a header (docs/deploying.md): `frame-ancestors` is ignored in a meta tag.
 *
 * Not applied to `vite dev`, whose React refresh preamble is an inline script.
 */
import type { Plugin } from 'vite';

export interface CspOptions {
  /** VITE_API_BASE_URL: the real API's origin joins `connect-src`. */
  apiBaseUrl?: string;
}

/** The directives, in order. `frameAncestors` adds the one a meta tag cannot carry. */
export function contentSecurityPolicy({ apiBaseUrl }: CspOptions, { header = false } = {}): string {
  const api = apiBaseUrl ? new URL(apiBaseUrl).origin : undefined;
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // Only the bundle's own files: Vite emits `<script type="module" src>`, never inline script.
    ['script-src', "'self'"],
    // Stylesheets only from the bundle. Style attributes are allowed: chart export inlines each
    // element's computed style into the SVG it clones (compose-svg.ts), a value per element that
    // hashes cannot list; CSSOM writes (React's `style` prop, Recharts) need no permission at all.
    // A style attribute cannot run script; an injected one could at worst restyle the page.
    ['style-src', "'self'"],
    ['style-src-attr', "'unsafe-inline'"],
    // data: for the inline favicon and chart images, blob: for the PNG export's canvas source.
    ['img-src', "'self'", 'data:', 'blob:'],
    // The briefing PDF fetches its fonts from the app's own origin.
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...(api && api !== 'null' ? [api] : [])],
    // The embedded demo API is a service worker at /mockServiceWorker.js.
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ...(header ? [['frame-ancestors', "'none'"] as [string, string]] : []),
  ];
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Fails the build if the page would need 'unsafe-inline' for script: an inline or event-handler script. */
export function assertNoInlineScript(html: string): void {
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (!/\ssrc=/i.test(tag)) throw new Error(`index.html has an inline script (${tag}); the CSP forbids it`);
  }
  const handler = html.match(/<[^>]+\son[a-z]+\s*=/i);
  if (handler) throw new Error(`index.html has an inline event handler (${handler[0]}); the CSP forbids it`);
}

export function cspPlugin(): Plugin {
  const options: CspOptions = {};
  return {
    name: 'content-security-policy',
    apply: 'build',
    configResolved(config) {
      // The same VITE_API_BASE_URL the app is built with (environment or .env files).
      const apiBaseUrl: unknown = config.env.VITE_API_BASE_URL;
      if (typeof apiBaseUrl === 'string' && apiBaseUrl) options.apiBaseUrl = apiBaseUrl;
    },
    transformIndexHtml: {
      // After Vite has written its own tags, so those are checked too.
      order: 'post',
      handler(html) {
        assertNoInlineScript(html);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options)}" />`;
        // Right after the charset, before anything the policy governs.
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html))
          throw new Error('index.html has no <meta charset>, after which the CSP goes');
        return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
      },
    },
  };
}
