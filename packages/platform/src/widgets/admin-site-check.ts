/**
 * `POST /v1/admin/widgets/:id/site-check` `{ url }`: the Studio's "test on my site". The platform
 * loads the page (page-fetch.ts, with its fences against server-side request forgery) and says
 * whether the widget's embed code is on it and whether the page's origin may run the widget —
 * never what else the page holds.
 */

import type { SiteCheck } from '@frontdesk/config';
import { normalizeOrigin } from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';
import { ownWidget } from './admin-widgets';
import { fetchPage, PageFetchError } from './page-fetch';
import { mayUseWidget } from './widget-origin';

/** A page address as a site owner types it (`example.com/contacts`), with the scheme its site has. */
function pageUrl(input: string): URL | null {
  const origin = normalizeOrigin(input);
  if (!origin) return null;
  const text = input.trim();
  try {
    return new URL(/^https?:\/\//i.test(text) ? text : `${new URL(origin).protocol}//${text}`);
  } catch {
    return null;
  }
}

const CheckBody = v.object({
  url: v.pipe(
    v.string(),
    v.maxLength(2000),
    v.transform(pageUrl),
    v.check((url) => url !== null, 'Give the address of a page of your site, like example.com.'),
  ),
});
/**
 * Whether `html` loads the loader at `loaderUrl` and starts widget `key`: the snippet's
 * `init` (JSON or hand-written), the script tag's `data-widget`, or a link's attribute.
 */
export function embedOnPage(
  html: string,
  loaderUrl: string,
  key: string,
): { loader: boolean; widget: boolean } {
  // Keys are letters, digits, "_" and "-": nothing in one is special in a regular expression.
  const widget = new RegExp(
    `\\bwidget["']?\\s*:\\s*["']${key}["']|data-(?:widget|frontdesk-open)\\s*=\\s*["']?${key}(?![\\w-])`,
  );
  return { loader: html.includes(loaderUrl), widget: widget.test(html) };
}

/** Registers the check (admins and marketers). */
export function registerAdminSiteCheck(app: PlatformApp, ctx: AppContext): void {
  app.post(
    '/v1/admin/widgets/:id/site-check',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(CheckBody) } },
    async (request): Promise<SiteCheck> => {
      const { user } = await requireUser(ctx, request, ['admin', 'marketer']);
      const widget = await ownWidget(ctx, user.accountId, request.params.id);
      const start = request.body.url as URL;
      let page: Awaited<ReturnType<typeof fetchPage>>;
      try {
        page = await fetchPage(start, {
          allowPrivate: ctx.env.siteCheckPrivate,
          userAgent: `FrontdeskSiteCheck/1 (+${ctx.env.publicUrl})`,
        });
      } catch (error) {
        if (!(error instanceof PageFetchError)) throw error;
        const status = error.code === 'unreachable' ? 502 : 400;
        throw new ApiError(status, error.code, error.message, 'url');
      }
      if (page.status < 200 || page.status > 299) {
        throw new ApiError(502, 'page_error', `${page.url.href} answered ${page.status}.`, 'url');
      }
      const origin = page.url.origin;
      return {
        url: page.url.href,
        origin,
        ...embedOnPage(page.body, new URL('/v1/loader.js', ctx.env.publicUrl).href, widget.key),
        originAllowed: mayUseWidget(ctx, origin, widget),
        truncated: page.truncated,
      };
    },
  );
}
