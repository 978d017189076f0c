/**
 * Answers of the admin API that the Studio reads as the platform writes them: one declaration for
 * both sides.
 */

/** What `POST /v1/admin/widgets/:id/site-check` found on a page of the site. */
export interface SiteCheck {
  /** The page read, after redirects. */
  url: string;
  /** Its origin: what a browser on it sends as Origin. */
  origin: string;
  /** The platform's loader script (`/v1/loader.js` of this platform) is on the page. */
  loader: boolean;
  /** This widget's `init` (or its link attribute) is on the page. */
  widget: boolean;
  /** The origin may run the widget. */
  originAllowed: boolean;
  /** Only the first megabyte was read. */
  truncated: boolean;
}

/** A messenger bot as its API describes it (`POST /v1/admin/bot-check`). */
export interface BotInfo {
  /** Display name. */
  name: string;
  /** Telegram: the bot's username; Viber: the chat URI. */
  handle: string;
}
