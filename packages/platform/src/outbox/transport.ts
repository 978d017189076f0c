import type { OutboxMessage } from './outbox-records';

/** Delivers outbox messages of one channel. */
export interface Transport {
  /**
   * Hands `message` to the provider; resolves once the provider accepted it.
   * @throws {SendError} when it did not.
   */
  send(message: OutboxMessage): Promise<void>;
  /** Lets go of connections. */
  close(): void;
}

/**
 * A send that failed. `permanent`: the provider refused this message for good (its recipient or
 * text), so trying again cannot help; anything about the provider itself (down, slow, its account
 * or our configuration of it) is not. `retryAfter`, when the provider rate-limited the send: its
 * `Retry-After` (null when it named none).
 */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfter?: string | null,
  ) {
    super(message);
    this.name = 'SendError';
  }
}
