/**
 * The demo site: plain HTML pages that embed the widgets exactly as a site owner would. The
 * embed code is never copied into a page: each `<!-- frontdesk:snippet KEY FORMAT -->` is
 * replaced at serve time with the text of @frontdesk/loader's `snippet()` for the platform at
 * `platformUrl`, and `<!-- frontdesk:nav -->` with the one shared header (`parts/nav.html`), so
 * no page keeps a copy of either; the header links the messenger sandbox (`sandboxUrl`), where a
 * visitor plays the customer of the shop's messengers. `?widget=KEY` puts another widget into a
 * page's snippets (tests use it); `?snippets=none` serves the page without them (the benchmark's
 * "without"). `strict-csp.html` is served with a strict Content-Security-Policy and a fresh nonce
 * per request, which its snippet carries.
 *
 *   node demo/serve.mjs        PORT (8090), PLATFORM_URL (http://127.0.0.1:8080), SANDBOX_URL (none)
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snippet } from '../packages/loader/dist/index.js';

const ROOT = new URL('./', import.meta.url);
const PAGE = /^\/(?:[a-z0-9-]+\.(?:html|css|js))?$/;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
const PLACEHOLDER = /<!-- frontdesk:snippet ([\w-]+) (button|link|label) -->/g;
const NAV = '<!-- frontdesk:nav -->';
/** Where the header's link to the messenger sandbox goes (nothing without a sandbox). */
const SANDBOX_LINK = '<!-- frontdesk:sandbox -->';
/** Pages served under a strict policy: scripts only from the site or with the nonce, no inline style. */
const STRICT = new Set(['/strict-csp.html']);

/**
 * The demo site's HTTP server (not yet listening), embedding widgets of the platform at
 * `platformUrl`; its header links the messenger sandbox at `sandboxUrl` when there is one.
 */
export function createDemoSite({ platformUrl, sandboxUrl }) {
  const platform = new URL(platformUrl).origin;
  const sandboxLink = sandboxUrl
    ? `<a href="${new URL(sandboxUrl).href}">Песочница мессенджеров</a>`
    : '';
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://demo');
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    // The site has no icon: say so without an error in the console of every first page.
    if (path === '/favicon.ico') return response.writeHead(204).end();
    if (request.method !== 'GET' || !PAGE.test(path)) return notFound(response);
    let body;
    try {
      body = await readFile(new URL(`.${path}`, ROOT), 'utf8');
    } catch {
      return notFound(response);
    }
    const headers = { 'content-type': TYPES[extname(path)], 'cache-control': 'no-store' };
    if (path.endsWith('.html')) {
      const override = url.searchParams.get('widget');
      const bare = url.searchParams.get('snippets') === 'none';
      const nonce = STRICT.has(path) ? randomBytes(16).toString('base64') : undefined;
      // Read per request, like the pages: an edit shows on the next reload.
      const nav = (await readFile(new URL('parts/nav.html', ROOT), 'utf8'))
        .trim()
        .replace(SANDBOX_LINK, () => sandboxLink);
      body = body.replace(NAV, () => nav);
      try {
        body = body.replace(PLACEHOLDER, (_, key, format) =>
          bare
            ? ''
            : snippet({
                baseUrl: platform,
                widget: override ?? key,
                format,
                ...(nonce ? { nonce } : {}),
              }),
        );
      } catch (error) {
        // snippet() refuses what cannot be a widget key.
        return response
          .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`${error.message}\n`);
      }
      if (nonce) {
        headers['content-security-policy'] = [
          "default-src 'self'",
          `script-src 'self' 'nonce-${nonce}'`,
          "style-src 'self'",
          `connect-src ${platform}`,
          "base-uri 'none'",
          "object-src 'none'",
        ].join('; ');
      }
    }
    response.writeHead(200, headers).end(body);
  });
}

function notFound(response) {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8090);
  const platformUrl = process.env.PLATFORM_URL ?? 'http://127.0.0.1:8080';
  createDemoSite({ platformUrl, sandboxUrl: process.env.SANDBOX_URL }).listen(
    port,
    process.env.HOST ?? '127.0.0.1',
    () => {
      // biome-ignore lint/suspicious/noConsole: the command says where the site is.
      console.log(
        `Demo site at http://${process.env.HOST ?? '127.0.0.1'}:${port} (widgets from ${platformUrl})`,
      );
    },
  );
}
