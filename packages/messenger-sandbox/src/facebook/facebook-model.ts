/** What the Facebook sandbox holds: the app, its pages, the people who write to them. */

/** The platform's app: its webhook (set in the App Dashboard) and secret (the signatures' key). */
export interface FacebookApp {
  id: string;
  secret: string;
  /** The callback URL and verify token the Dashboard has, once verified. */
  callbackUrl?: string;
  verifyToken?: string;
}

/** A page made through the control API. */
export interface FacebookPage {
  /** The page id: `entry[].id` of its events. */
  id: string;
  name: string;
  /** The m.me name: `m.me/<username>`. */
  username: string;
  /** Its Page access token (what "authorise as the page admin" would give). */
  token: string;
  /** Whether the app has the Human Agent permission (the HUMAN_AGENT tag, 7 days). */
  humanAgent: boolean;
}

/** A person writing to a page; `psid` is their page-scoped id. */
export interface FacebookPerson {
  psid: string;
  name: string;
}

/** A message of a thread, either way. */
export interface FacebookChatMessage {
  sender: 'customer' | 'page';
  mid: string;
  text: string;
  /** Epoch milliseconds. */
  timestamp: number;
  quickReplies?: { title: string; payload: string }[];
  /** A person's file's URL (an image's, a file's), as the attachment carried it. */
  media?: string;
  /** The tag the page sent it with, if any. */
  tag?: string;
}

/** What happens, for the page's event stream and for tests. */
export type FacebookEvent =
  | { type: 'message'; page: string; psid: string; entry: FacebookChatMessage }
  | { type: 'typing'; page: string; psid: string }
  | { type: 'webhook-delivered'; page: string; mid: string }
  | { type: 'webhook-error'; page: string; message: string };
