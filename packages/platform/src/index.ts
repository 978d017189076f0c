/**
 * @frontdesk/platform — the reference platform: HTTP API (Fastify), socket.io, storage (SQLite or
 * PostgreSQL), sessions, the widgets' public endpoints and the admin API, and the callback orders
 * pipeline (ORDERS.md; its `/ops` events in OPS-EVENTS.md), and the site chat (CHAT.md).
 */
export { bundleDirs } from './bundle-dirs';
export { type Clock, systemClock } from './clock';
export { type PlatformEnv, readEnv } from './env';
export type { LimitSettings } from './http/rate-limits';
export { hashPassword, verifyPassword } from './passwords';
export type { Platform, PlatformOptions } from './platform';
export { createPlatform } from './platform';
export { DEMO_PASSWORD, seedDemo } from './seed';
export type {
  ChatHandoff,
  ChatVisitor,
  Conversation,
  StoredChatMessage,
} from './storage/chat-types';
export type {
  Account,
  Call,
  CallHistoryEntry,
  DueTask,
  Group,
  Order,
  OrderEvent,
  OrderStatus,
  OutboxMessage,
  Role,
  Session,
  SipLine,
  Store,
  Trunk,
  User,
  Widget,
} from './storage/types';
