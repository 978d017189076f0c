/**
 * Callbacks as Viber sends them: each JSON body POSTed to the bot's https webhook, signed in
 * `X-Viber-Content-Signature` (the hex HMAC-SHA256 of the body, keyed with the bot's auth
 * token), the server's certificate checked against the sandbox's CA. One bot's callbacks go one
 * at a time, in order; anything but a 2xx is kept as the webhook's last error and retried, the
 * wait doubling up to a ceiling. Nothing is delivered while the API is down.
 */
import { createHmac } from 'node:crypto';
import type { Agent } from 'node:https';
import { type PostLoopOptions, startPostLoop } from '../post-loop';
import { postFailure, postJson, webhookAgent } from '../webhook-post';
import type { ViberEvent } from './viber-model';
import { type ViberBotState, viberJson } from './viber-state';

/** How callbacks are delivered. */
export interface CallbackOptions extends PostLoopOptions {
  emit(event: ViberEvent): void;
}

/** The signature Viber puts on `body` for the bot with `token`. */
export function viberSignature(body: string, token: string): string {
  return createHmac('sha256', token).update(body).digest('hex');
}

/** Posts one callback body to `url`; the failure, or undefined for a 2xx. */
async function postCallback(
  url: string,
  token: string,
  body: Record<string, unknown>,
  agent: Agent,
  options: Pick<CallbackOptions, 'timeoutMs'> & { signal?: AbortSignal },
): Promise<string | undefined> {
  const text = viberJson(body);
  return postFailure(
    await postJson(url, text, {
      agent,
      timeoutMs: options.timeoutMs,
      headers: { 'x-viber-content-signature': viberSignature(text, token) },
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
}

/** The delivery loops of every bot with a webhook. */
export class ViberCallbacks {
  private readonly stops = new Map<ViberBotState, () => void>();

  constructor(private readonly options: CallbackOptions) {}

  /**
   * set_webhook's check: the `webhook` callback posted once, now, to `url`.
   * @returns the failure, or undefined when the server answered 200.
   */
  async check(state: ViberBotState, url: string, body: Record<string, unknown>) {
    const agent = await webhookAgent(this.options.caFile);
    if (typeof agent === 'string') return agent;
    try {
      return await postCallback(url, state.bot.token, body, agent, this.options);
    } finally {
      agent.destroy();
    }
  }

  /** Delivers the bot's callbacks to its webhook as it is now, ending any earlier loop. */
  restart(state: ViberBotState): void {
    this.stop(state);
    if (state.webhook) this.stops.set(state, this.run(state, state.webhook.url));
  }

  stop(state: ViberBotState): void {
    this.stops.get(state)?.();
    this.stops.delete(state);
  }

  /** Wakes every loop (the API is back up). */
  wakeAll(): void {
    for (const state of this.stops.keys()) state.kick?.();
  }

  close(): void {
    for (const state of [...this.stops.keys()]) this.stop(state);
  }

  private run(state: ViberBotState, url: string): () => void {
    return startPostLoop(this.options, {
      next: () => {
        const next = state.pending[0];
        if (!next) return undefined;
        const body = viberJson(next.body);
        return {
          url,
          body,
          headers: { 'x-viber-content-signature': viberSignature(body, state.bot.token) },
        };
      },
      delivered: () => {
        const done = state.pending.shift();
        if (done) {
          const { event, messageToken } = done;
          this.options.emit({
            type: 'callback-delivered',
            bot: state.bot.uri,
            event,
            messageToken,
          });
        }
      },
      failed: (message) => {
        if (state.webhook) state.webhook.lastError = message;
        const next = state.pending[0];
        this.options.emit({
          type: 'callback-error',
          bot: state.bot.uri,
          event: next?.event ?? '',
          messageToken: next?.messageToken ?? '',
          message,
        });
      },
      onKick: (kick) => {
        state.kick = kick;
      },
    });
  }
}
