/**
 * What a widget tells the platform about the page the visitor is on: its address, title,
 * referrer and `utm_*` tags, each cut to what the platform's public endpoints accept (an order
 * from a page with a very long URL is still an order).
 */

import type { Utm } from '@frontdesk/config';

export type { Utm } from '@frontdesk/config';

/** The page a visitor is on. */
export interface PageInfo {
  url: string;
  title: string;
  referrer: string;
  utm: Utm;
}

/**
 * The platform's limits (`VisitorPageSchema` of its visitor input and of the chat protocol): the
 * smaller where the two differ (the title: 300 in the chat, 500 on orders).
 */
export const PAGE_LIMITS = { url: 2000, title: 300, referrer: 2000, utm: 200 } as const;

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** The current page (see the module comment), within {@link PAGE_LIMITS}. */
export function pageInfo(where: Location = location, doc: Document = document): PageInfo {
  const params = new URLSearchParams(where.search);
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`);
    if (value) utm[key] = value.slice(0, PAGE_LIMITS.utm);
  }
  return {
    url: where.href.slice(0, PAGE_LIMITS.url),
    title: doc.title.slice(0, PAGE_LIMITS.title),
    referrer: doc.referrer.slice(0, PAGE_LIMITS.referrer),
    utm,
  };
}
