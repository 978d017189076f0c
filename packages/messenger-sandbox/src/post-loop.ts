/**
 * A webhook's delivery loop, as the messengers run them: the next waiting body POSTed (one at a
 * time, in order) over https with the CA checked, until a 2xx confirms it; a failure is told and
 * retried after a wait doubling up to a ceiling, on a fresh connection (the CA file read again).
 * Nothing goes while the API is down. Viber's callbacks and Facebook's events use it.
 */
import type { Agent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { postFailure, postJson, webhookAgent } from './webhook-post';

/** How a loop delivers. */
export interface PostLoopOptions {
  caFile?: string;
  retry: { firstMs: number; maxMs: number };
  timeoutMs: number;
  isDown(): boolean;
}

/** What one loop delivers: the next body with its URL and headers, and what became of it. */
export interface PostLoopSource {
  next(): { url: string; body: string; headers: Record<string, string> } | undefined;
  /** The body `next` gave was confirmed: the loop moves past it. */
  delivered(): void;
  failed(failure: string): void;
  /**
   * What a 2xx answer's `body` fails by, where the messenger wants more than a 2xx (VK's
   * Callback API wants `ok`); undefined: delivered.
   */
  refused?(body: string): string | undefined;
  /** Sets the function that wakes the loop when something is queued (or it is stopped). */
  onKick(kick: () => void): void;
}

/** Starts delivering from `source`; returns the stop. */
export function startPostLoop(options: PostLoopOptions, source: PostLoopSource): () => void {
  const abort = new AbortController();
  let agent: Agent | undefined;
  let wake: (() => void) | undefined;
  source.onKick(() => wake?.());
  const loop = async () => {
    let wait = options.retry.firstMs;
    while (!abort.signal.aborted) {
      const next = options.isDown() ? undefined : source.next();
      if (!next) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (!agent) {
        const made = await webhookAgent(options.caFile);
        if (typeof made === 'string') {
          source.failed(made);
          await sleep(wait, undefined, { signal: abort.signal }).catch(() => undefined);
          continue;
        }
        agent = made;
      }
      const result = await postJson(next.url, next.body, {
        agent,
        headers: next.headers,
        timeoutMs: options.timeoutMs,
        signal: abort.signal,
      });
      const failure =
        postFailure(result) ?? ('body' in result ? source.refused?.(result.body) : undefined);
      if (abort.signal.aborted) return;
      if (failure === undefined) {
        source.delivered();
        wait = options.retry.firstMs;
        continue;
      }
      source.failed(failure);
      agent.destroy();
      agent = undefined;
      await sleep(wait, undefined, { signal: abort.signal }).catch(() => undefined);
      wait = Math.min(wait * 2, options.retry.maxMs);
    }
  };
  void loop();
  return () => {
    abort.abort();
    wake?.();
    agent?.destroy();
  };
}
