/** What every Bot API method gets, and how one adds a description to its answer. */
import type { Params } from '../params';
import type { BotState, TelegramState } from '../telegram-state';
import type { WebhookDeliveries } from '../webhook-delivery';

/** One call of a method by a bot. */
export interface MethodCall {
  telegram: TelegramState;
  /** The bot whose token the call carries. */
  state: BotState;
  params: Params;
  /** Aborted when the caller hangs up (a long poll then stops waiting). */
  signal: AbortSignal;
  webhooks: WebhookDeliveries;
  /** The ports setWebhook accepts (Telegram's cloud: 443, 80, 88, 8443); undefined: any. */
  webhookPorts?: readonly number[];
}

/** A Bot API method: its result (`ok: true, result`), or a thrown BotApiError. */
export type Method = (call: MethodCall) => unknown;

/** A result Telegram answers with a description too (setWebhook's "Webhook was set"). */
export class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

/** `value` held within [min, max], as Telegram clamps limit and timeout. */
export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
