/**
 * The messenger sandbox: a local stand-in for the messengers' bot APIs (Telegram, Viber, VK, Facebook) and a
 * page where a person plays the customer. For development, demos and tests; never production.
 */
export type { Outage } from './api-listener';
export type { Clock } from './clock';
export type {
  FacebookChatMessage,
  FacebookEvent,
  FacebookPage,
  FacebookPerson,
} from './facebook/facebook-model';
export {
  type FacebookOptions,
  type FacebookSandbox,
  facebookSignature,
} from './facebook/facebook-sandbox';
export { PAGE_POLICY } from './front-server';
export { type LocalCa, localCa } from './local-ca';
export type { CustomerMedia } from './media/customer-media';
export { sampleDocument, samplePicture } from './media/sample-files';
export {
  type MessengerSandbox,
  type SandboxOptions,
  startMessengerSandbox,
} from './start-sandbox';
export type {
  ChatMessage,
  ChatSummary,
  Customer,
  SandboxBot,
  TelegramEvent,
} from './telegram/model';
export { SENDING_METHODS } from './telegram/rate-limits';
export {
  TELEGRAM_WEBHOOK_PORTS,
  type TelegramFaults,
  type TelegramOptions,
  type TelegramSandbox,
} from './telegram/telegram-sandbox';
export type { BotRef } from './telegram/telegram-state';
export { viberSignature } from './viber/viber-callbacks';
export type { ViberChatMessage, ViberEvent, ViberSandboxBot, ViberUser } from './viber/viber-model';
export type { ViberFaults, ViberOptions, ViberSandbox } from './viber/viber-sandbox';
export type {
  VkAttachment,
  VkButton,
  VkChatMessage,
  VkCommunity,
  VkEvent,
  VkUser,
} from './vk/vk-model';
export type { VkFaults, VkOptions, VkSandbox } from './vk/vk-sandbox';
