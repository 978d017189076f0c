/** The outbox feature: e-mails and SMS sent at least once, never twice, with their transports. */
export { registerAdminOutbox } from './admin-outbox';
export { emailTransport } from './email-transport';
export type {
  NewOutboxMessage,
  OutboxChannel,
  OutboxKind,
  OutboxMessage,
  OutboxRepository,
  OutboxStatus,
} from './outbox-records';
export { outboxRepository, queueMessages } from './outbox-store';
export { sendOutbox } from './send-outbox';
export { smsTransport } from './sms-transport';
export type { Transport } from './transport';
