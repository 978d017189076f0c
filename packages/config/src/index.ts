/**
 * @frontdesk/config — valibot schemas, types and defaults of every widget setting, and of the
 * public config a browser receives. One source for the platform (admin API input, storage), the
 * widgets (the public config only: keep imports to `parsePublicConfig` / `PublicConfigSchema` and
 * a bundler drops the rest) and the Studio (issues with dotted paths for inline errors). Also the
 * wire contracts: the chat protocol, and the admin API's and `/ops`'s answers as the platform
 * writes them and the console and the Studio read them (types only).
 */
import type { PublicConfig } from './public-config';

export type {
  AddressBookContact,
  ContactAnswer,
  ContactEnquiry,
  ContactPatch,
} from './address-book';
export { ContactPatchSchema } from './address-book';
export type { BotInfo, SiteCheck } from './admin-answers';
export type { AdminWidget, WidgetsAnswer } from './admin-widgets';
export type {
  CallChannel,
  CallFailReason,
  CallHistoryEntry,
  CallHistoryFilter,
  CallResult,
  CallStatus,
} from './call-history';
export { CALL_CHANNELS, CALL_RESULTS, callHistoryQuery } from './call-history';
export type { CallSettings } from './call-settings';
export { CallSettingsSchema } from './call-settings';
export {
  CallbackModeSchema,
  DEFAULT_RETRY_POLICY,
  type RetryPolicy,
  RetryPolicySchema,
} from './callback-mode';
export type { CallbackOrder, OrderAddressee, OrderEvent, OrderStatus } from './callback-order';
export type { CallbackSettings } from './callback-settings';
export { CallbackSettingsSchema } from './callback-settings';
export type { ChannelStatus, TelegramStatus } from './channel-status';
export type {
  ChatQueue,
  ConversationTransfer,
  GroupChatRules,
  TransferTarget,
} from './chat-distribution';
export {
  GroupChatRulesSchema,
  MAX_ANSWER_SECONDS,
  MAX_CHAT_LIMIT,
  MAX_TRANSFER_NOTE,
  OperatorTransferSchema,
} from './chat-distribution';
export type {
  ChatAck,
  ChatAttachmentUpdate,
  ChatAuth,
  ChatAuthor,
  ChatChannel,
  ChatClosed,
  ChatContact,
  ChatDelivery,
  ChatMessage,
  ChatPeer,
  ChatPresence,
  ChatRating,
  ChatWelcome,
  ConversationDetail,
  ConversationRead,
  ConversationStatus,
  ConversationSummary,
  ConversationTyping,
  MessageAttachment,
  MessageDelivery,
  Messenger,
  VisitorConversation,
} from './chat-protocol';
export {
  ChatAuthSchema,
  ChatRatingSchema,
  ClientIdSchema,
  ConversationRefSchema,
  HandoffSchema,
  LeaveContactSchema,
  MAX_CHAT_MESSAGE,
  MessengerSchema,
  OperatorReadSchema,
  OperatorSendSchema,
  OperatorSyncSchema,
  OperatorTypingSchema,
  RateSchema,
  ReadSchema,
  SyncSchema,
  TypingSchema,
  VisitorContactSchema,
  VisitorPageSchema,
  VisitorSendSchema,
} from './chat-protocol';
export type { ChatSettings } from './chat-settings';
export {
  ChatSettingsSchema,
  TelegramTokenSchema,
  ViberTokenSchema,
  VkTokenSchema,
} from './chat-settings';
export { clockLocale } from './clock-locale';
export { PhoneSchema } from './contacts';
export {
  DEFAULT_CHAT_COLOR,
  DEFAULT_CHAT_LUNCH,
  DEFAULT_TIME_ZONE,
  defaultSettings,
} from './default-settings';
export { isOriginAllowed } from './is-origin-allowed';
export type { ParseResult, SettingsIssue } from './issues';
export type {
  CallbackLauncherConfig,
  CallLauncherConfig,
  ChatLauncherConfig,
  FieldCheck,
  FieldIssue,
  LauncherConfigs,
  LauncherFields,
} from './launcher-fields';
export {
  CALL_LAUNCHER_FIELDS,
  CALLBACK_LAUNCHER_FIELDS,
  CHAT_LAUNCHER_FIELDS,
  checkFields,
} from './launcher-fields';
export { LeadGeneratorSchema } from './lead-generator';
export type { ListPage } from './list-page';
export type { TextLocale } from './locale';
export { LocaleSchema, TEXT_LOCALES, TextLocaleSchema } from './locale';
export type { LocalizedText } from './localized-text';
export { localizedText } from './localized-text';
export type { TextPath, TextVisit } from './map-texts';
export { mapTexts } from './map-texts';
export type { MissedCall, MissedCallStatus, MissedList } from './missed-list';
export type { NobodyTexts } from './nobody-texts';
export { NOBODY_TEXTS } from './nobody-texts';
export type { OpsOrder, OrderTaken } from './ops-orders';
export type { SearchResults } from './ops-search';
export type { OrderDetail, OrderDueTask } from './order-detail';
export { AllowedOriginsSchema, normalizeOrigin, OriginPatternSchema } from './origin';
export type { OutboxMessage } from './outbox-message';
export { parsePublicConfigOf } from './parse-public-config-of';
export { parseSettings } from './parse-settings';
export type {
  AccountSettings,
  GroupsAnswer,
  OnlineUser,
  StaffGroup,
  StaffRole,
  StaffUser,
  UsersAnswer,
} from './people';
export type { PluralForms } from './plural';
export { formatNumber, plural } from './plural';
export type { Presence, PublicPresence } from './presence';
export { PresenceSchema, PublicPresenceSchema } from './presence';
export { PublicCallConfigSchema } from './public-call-config';
export { PublicCallbackConfigSchema } from './public-callback-config';
export { PublicChatConfigSchema } from './public-chat-config';
export type { PublicConfig, PublicSchemas } from './public-config';
export {
  PublicConfigSchema,
  parsePublicConfig,
} from './public-config';
export { readPresence } from './read-presence';
export type { Receiver } from './receiver';
export { ScheduleSchema } from './schedule-schema';
export type { SecretState } from './secret';
export { SECRET_PATHS, SecretStateSchema, secret } from './secret';
export {
  languagesOf,
  localeFor,
  mainLanguageIssues,
  mainLocaleOf,
  upgradeSettings,
} from './settings-languages';
export type {
  CallCredentials,
  IceServer,
  OperatorSipCredentials,
  ServedLine,
  SipCredentials,
} from './sip-credentials';
export { requiredText, text } from './text';
export { textIn } from './text-in';
export type { PublicConfigSource } from './to-public-config';
export { toPublicConfig } from './to-public-config';
export type {
  AdminTrunk,
  TrunkRegistration,
  TrunksAnswer,
  TrunkTransport,
} from './trunks';
export type { Utm } from './utm';
export type { WidgetSettings, WidgetType } from './widget-settings';
export { WidgetSettingsSchema, WidgetTypeSchema } from './widget-settings';

/** The public config of a call widget. */
export type PublicCallConfig = Extract<PublicConfig, { type: 'call' }>;
/** The public config of a callback widget. */
export type PublicCallbackConfig = Extract<PublicConfig, { type: 'callback' }>;
/** The public config of a chat widget. */
export type PublicChatConfig = Extract<PublicConfig, { type: 'chat' }>;
