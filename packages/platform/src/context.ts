import type { PublicPresence } from '@frontdesk/config';
import type { OpsSessions } from './accounts';
import type { Conversation } from './chat';
import type { Clock } from './clock';
import type { PlatformEnv } from './env';
import type { Limiters } from './http/rate-limits';
import type { Order } from './orders';
import type { Store } from './storage/store';
import type { Widget } from './widgets';

/** What every route handler may use. */
export interface AppContext {
  store: Store;
  env: PlatformEnv;
  clock: Clock;
  limiters: Limiters;
  /** scrypt's cost N for new password hashes (accounts/passwords.ts); weaker ones are upgraded at sign-in. */
  passwordCost: number;
  /** Cuts or narrows the `/ops` sockets of sessions and users that change. */
  opsSessions: OpsSessions;
  /** Folders the browser bundles are served from, `/v1/loader.js` and `/v1/assets/*`. */
  assetDirs: string[];
  /** Built staff web apps by URL prefix, e.g. `/console` → its `dist/` folder. */
  webApps: Record<string, string>;
  /** Called once a new callback order is committed: consoles hear of it, the workers wake. */
  orderPlaced(order: Order): void;
  /**
   * A turn of the distributing groups (chat/distribution.ts): those named first (whose queue
   * changed), then any with work; in the background, one at a time. Nothing until socket.io runs.
   */
  distribute(groupIds: readonly string[]): void;
  /**
   * A turn of the group `conversation` waits in, when it distributes, before the operators hear
   * of it (so that they hear who holds it); the conversation as it is then.
   */
  holderFirst(conversation: Conversation): Promise<Conversation>;
  /** Who can answer `widget` now (widgets/widget-presence.ts); nobody until socket.io runs. */
  presence(widget: Widget): Promise<PublicPresence>;
  /**
   * Deletes what the realtime layer keeps outside the database of an erased person (the Redis
   * stream's recent events holding any of `needles`); nothing without Redis.
   */
  eraseFromRealtime(needles: readonly string[]): Promise<void>;
}
