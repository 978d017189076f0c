/**
 * @frontdesk/platform — the reference platform: HTTP API (Fastify), socket.io, storage (SQLite or
 * PostgreSQL), sessions, the widgets' public endpoints and the admin API, and the callback orders
 * pipeline (ORDERS.md; its `/ops` events in OPS-EVENTS.md), and the site chat (CHAT.md).
 */

export type { Account, Group, Role, Session, User } from './accounts';
export { hashPassword, verifyPassword } from './accounts';
export { bundleDirs } from './bundle-dirs';
export type { Call, CallHistoryEntry, SipLine, Trunk } from './calls';
/** A free TCP port on 127.0.0.1: for tests and tools that start a platform beside others. */
export { freePort } from './calls';
export type {
  ChatHandoff,
  ChatVisitor,
  Conversation,
  StoredChatMessage,
} from './chat';
export { type Clock, systemClock } from './clock';
export { DEMO_MESSENGERS, seedDemoMessengers } from './demo/demo-messengers';
export { DEMO_PASSWORD, seedDemo } from './demo/seed';
export { type PlatformEnv, readEnv } from './env';
export { type TlsFront, tlsFront } from './front/tls-front';
export type { LimitSettings } from './http/rate-limits';
export type { DueTask, Order, OrderEvent, OrderStatus } from './orders';
export type { OutboxMessage } from './outbox';
export type { Platform, PlatformOptions } from './platform';
export { createPlatform } from './platform';
export type { Store } from './storage/store';
export type { Widget } from './widgets';
