/**
 * A bot's pending updates, as Telegram keeps them: numbered in sequence, handed out in order,
 * forgotten once confirmed (a getUpdates offset above their id, or a webhook's 2xx), or after
 * 24 hours. `allowed_updates` decides which kinds are queued from the moment it is set.
 */
import type { Update } from '@grammyjs/types';
import { type Clock, unixTime } from '../clock';

/** An update's kind: the name of its one field besides `update_id`. */
export type UpdateKind = Exclude<keyof Update, 'update_id'>;

/** The kinds a bot gets only when it names them in allowed_updates. */
const OPT_IN: readonly UpdateKind[] = ['chat_member', 'message_reaction', 'message_reaction_count'];

/** How long Telegram keeps an update nobody took. */
const KEEP_SECONDS = 24 * 60 * 60;

/** One bot's queue. */
export class UpdateQueue {
  private readonly entries: { update: Update; at: number }[] = [];
  private nextId: number;
  private allowed: readonly UpdateKind[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    firstId: number,
    private readonly clock: Clock,
  ) {
    this.nextId = firstId;
  }

  /** Queues `payload` as an update of `kind` unless the bot left that kind out; wakes waiters. */
  push<K extends UpdateKind>(kind: K, payload: NonNullable<Update[K]>): Update | undefined {
    if (!this.allows(kind)) return undefined;
    const update = { update_id: this.nextId++, [kind]: payload } as Update;
    this.entries.push({ update, at: unixTime(this.clock) });
    for (const listener of this.listeners) listener();
    return update;
  }

  /** The kinds named by the last call that named any (empty: the default set). */
  get allowedUpdates(): readonly UpdateKind[] {
    return this.allowed;
  }

  /** Sets allowed_updates; undefined keeps the previous setting, as Telegram does. */
  setAllowed(kinds: readonly UpdateKind[] | undefined): void {
    if (kinds) this.allowed = kinds;
  }

  private allows(kind: UpdateKind): boolean {
    return this.allowed.length === 0 ? !OPT_IN.includes(kind) : this.allowed.includes(kind);
  }

  /**
   * Confirms by getUpdates `offset`: updates below it are forgotten; a negative offset keeps
   * only the last -offset updates.
   */
  confirm(offset: number): void {
    if (offset < 0) {
      this.entries.splice(0, Math.max(0, this.entries.length + offset));
    } else {
      const confirmed = this.entries.findIndex(({ update }) => update.update_id >= offset);
      this.entries.splice(0, confirmed === -1 ? this.entries.length : confirmed);
    }
  }

  /** Forgets the update `updateId` (its webhook delivery succeeded). */
  delivered(updateId: number): void {
    const index = this.entries.findIndex(({ update }) => update.update_id === updateId);
    if (index !== -1) this.entries.splice(index, 1);
  }

  /** The first `limit` pending updates. */
  peek(limit: number): Update[] {
    this.expire();
    return this.entries.slice(0, limit).map(({ update }) => update);
  }

  /** How many updates wait. */
  get pending(): number {
    this.expire();
    return this.entries.length;
  }

  /** Drops every pending update (drop_pending_updates). */
  dropAll(): void {
    this.entries.length = 0;
  }

  /** Calls `listener` after each queued update; returns the unsubscribe. */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private expire(): void {
    const oldest = unixTime(this.clock) - KEEP_SECONDS;
    const expired = this.entries.findIndex(({ at }) => at > oldest);
    this.entries.splice(0, expired === -1 ? this.entries.length : expired);
  }
}
