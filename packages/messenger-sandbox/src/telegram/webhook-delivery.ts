/**
 * Webhook delivery as Telegram does it: each pending update, in order, POSTed as JSON to the
 * https URL with X-Telegram-Bot-Api-Secret-Token; the server's certificate is checked against the
 * sandbox's CA file (or Node's CAs without one). Anything but a 2xx answer is kept as the
 * webhook's last error and retried, the wait doubling up to a ceiling, until a 2xx confirms the
 * update. Nothing is delivered while the API is down.
 */
import type { Agent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from '@grammyjs/types';
import { type Clock, unixTime } from '../clock';
import { postFailure, postJson, webhookAgent } from '../webhook-post';
import type { TelegramEvent } from './model';
import type { BotState, Webhook } from './telegram-state';

/** How deliveries are made. */
export interface WebhookDeliveryOptions {
  clock: Clock;
  /** PEM file of the CA the webhook's certificate must chain to; read again after a failure. */
  caFile?: string;
  /** The first wait after a failure and the longest, in milliseconds. */
  retry: { firstMs: number; maxMs: number };
  /** How long one delivery may take. */
  timeoutMs: number;
  /** Whether the API is down: deliveries wait for {@link WebhookDeliveries.wakeAll}. */
  isDown(): boolean;
  /** Tells each delivery's outcome. */
  emit(event: TelegramEvent): void;
}

/** One webhook's delivery loop. */
class Delivery {
  private stopped = false;
  private wake: (() => void) | undefined;
  private agent: Agent | undefined;
  private readonly abort = new AbortController();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly state: BotState,
    private readonly webhook: Webhook,
    private readonly options: WebhookDeliveryOptions,
  ) {
    this.unsubscribe = state.queue.onPush(() => this.kick());
  }

  kick(): void {
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe();
    this.abort.abort();
    this.kick();
    this.agent?.destroy();
  }

  async run(): Promise<void> {
    let wait = this.options.retry.firstMs;
    while (!this.stopped) {
      const [update] = this.options.isDown() ? [] : this.state.queue.peek(1);
      if (!update) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        this.wake = undefined;
        continue;
      }
      const failure = await this.post(update);
      if (this.stopped) return;
      const bot = this.state.bot.username;
      const updateId = update.update_id;
      if (failure === undefined) {
        this.state.queue.delivered(updateId);
        wait = this.options.retry.firstMs;
        this.options.emit({ type: 'webhook-delivered', bot, updateId });
        continue;
      }
      this.webhook.lastErrorDate = unixTime(this.options.clock);
      this.webhook.lastErrorMessage = failure;
      this.options.emit({ type: 'webhook-error', bot, updateId, message: failure });
      // A fresh connection, and the CA file read again, for the next attempt.
      this.agent?.destroy();
      this.agent = undefined;
      await sleep(wait, undefined, { signal: this.abort.signal }).catch(() => undefined);
      wait = Math.min(wait * 2, this.options.retry.maxMs);
    }
  }

  /** POSTs `update`; resolves to the failure, or undefined for a 2xx. */
  private async post(update: Update): Promise<string | undefined> {
    if (!this.agent) {
      const agent = await webhookAgent(this.options.caFile, this.webhook.maxConnections);
      if (typeof agent === 'string') return agent;
      this.agent = agent;
    }
    const { secretToken } = this.webhook;
    const result = await postJson(this.webhook.url, JSON.stringify(update), {
      agent: this.agent,
      signal: this.abort.signal,
      timeoutMs: this.options.timeoutMs,
      headers: secretToken ? { 'x-telegram-bot-api-secret-token': secretToken } : {},
    });
    return postFailure(result);
  }
}

/** The delivery loops of every bot with a webhook. */
export class WebhookDeliveries {
  private readonly running = new Map<BotState, Delivery>();

  constructor(private readonly options: WebhookDeliveryOptions) {}

  /** Starts delivering to the bot's webhook as it is now, ending any earlier loop. */
  restart(state: BotState): void {
    this.stop(state);
    if (!state.webhook) return;
    const delivery = new Delivery(state, state.webhook, this.options);
    this.running.set(state, delivery);
    void delivery.run();
  }

  /** Ends the bot's deliveries (the request in flight is aborted). */
  stop(state: BotState): void {
    this.running.get(state)?.stop();
    this.running.delete(state);
  }

  /** Wakes every idle loop (the API is back up). */
  wakeAll(): void {
    for (const delivery of this.running.values()) delivery.kick();
  }

  /** Ends every loop. */
  close(): void {
    for (const state of [...this.running.keys()]) this.stop(state);
  }
}
