/**
 * The chat's outbox sent to the platform one message at a time, in order, stopping at the first
 * that fails: a lost connection waits for the next flush, a refusal that may pass (rate limits,
 * the platform's own failures) for a pause, and one that never will (`invalid`) drops the
 * message as not sent.
 */
import type { ChatMessage } from '@frontdesk/config';
import { type Outbox, PlatformError } from '@frontdesk/core';
import type { AckRequests } from './ack-request';
import type { KeptMessage } from './chat-state';

/** What {@link outboxSender} needs. */
export interface OutboxSenderOptions {
  kept: Outbox<KeptMessage>;
  connected(): boolean;
  request: AckRequests['request'];
  /** The platform stored `message` (it has left the outbox). */
  stored(message: ChatMessage): void;
  /** The platform refused `message` for good (it has left the outbox). */
  refused(message: KeptMessage, code: string): void;
  /** How long a refusal that may pass holds the outbox, ms. */
  pause: number;
}

/** Sends the outbox; see the module comment. */
export interface OutboxSender {
  /** Sends what the outbox holds (once at a time). */
  flush(): Promise<void>;
  /** Forgets a pending retry. */
  cancel(): void;
}

/** The sender of `options.kept`; see the module comment. */
export function outboxSender(options: OutboxSenderOptions): OutboxSender {
  const { kept, request } = options;
  let flushing = false;
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      for (;;) {
        const [next] = kept.list();
        if (!next || !options.connected() || pauseTimer) return;
        try {
          const { message } = await request<{ message: ChatMessage }>('send', next);
          kept.drop(next.clientId);
          options.stored(message);
        } catch (error) {
          const code = error instanceof PlatformError ? error.code : 'unknown';
          if (code === 'network') return;
          if (code !== 'invalid') {
            // Rate limits, the platform's own failures: the same message, a little later.
            pauseTimer = setTimeout(() => {
              pauseTimer = undefined;
              void flush();
            }, options.pause);
            return;
          }
          // Refused for good (a payload the contract does not accept): shown as not sent.
          kept.drop(next.clientId);
          options.refused(next, code);
        }
      }
    } finally {
      flushing = false;
    }
  };
  return {
    flush,
    cancel() {
      clearTimeout(pauseTimer);
    },
  };
}
