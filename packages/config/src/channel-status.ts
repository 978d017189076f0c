/** `GET /v1/admin/widgets/:id/telegram-status`: how a chat widget's Telegram channel is doing. */

/** What the Studio shows of a Telegram channel. */
export interface TelegramStatus {
  /** `off`: no bot stored, or the channel is not on. */
  mode: 'polling' | 'webhook' | 'off';
  /** A platform process reads the bot now and Telegram answered it since the last error. */
  connected: boolean;
  /** ISO instants; null: never. */
  lastUpdateAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}
