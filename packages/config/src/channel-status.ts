/**
 * `GET /v1/admin/widgets/:id/telegram-status` and `…/viber-status`: how a chat widget's
 * messenger channel is doing.
 */

/** What the Studio shows of a messenger channel. */
export interface ChannelStatus {
  /** `off`: no bot stored, or the channel is not on. Viber: always `webhook` when on. */
  mode: 'polling' | 'webhook' | 'off';
  /** A platform process reads the bot now and the messenger answered it since the last error. */
  connected: boolean;
  /** ISO instants; null: never. */
  lastUpdateAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** What the Studio shows of a Telegram channel. */
export type TelegramStatus = ChannelStatus;
