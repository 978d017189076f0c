/** What an order tells the platform about the page it came from. */

/** UTM tags of the page's URL. */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

/** The page an order was placed on. */
export interface PageInfo {
  url: string;
  title: string;
  referrer: string;
  utm: Utm;
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** The current page: its address, title, referrer and `utm_*` parameters. */
export function pageInfo(where: Location = location, doc: Document = document): PageInfo {
  const params = new URLSearchParams(where.search);
  const utm: Utm = {};
  for (const key of UTM_KEYS) {
    const value = params.get(`utm_${key}`);
    if (value) utm[key] = value;
  }
  return { url: where.href, title: doc.title, referrer: doc.referrer, utm };
}
