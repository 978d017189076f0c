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

/** A send that failed; `permanent` when trying again cannot help (the provider refused for good). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'SendError';
  }
}
