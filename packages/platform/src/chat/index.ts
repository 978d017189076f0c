/**
 * The chat feature: conversations, messages, visitors, distribution, missed enquiries, hand-offs
 * and the messenger channels (channels/).
 */
export { conversationViewer } from './access';
export { fireAutoReplies } from './auto-replies';
export { chatAutoRepliesRepository } from './auto-replies-store';
export { registerAdminBotCheck } from './channels/admin-bot-check';
export { registerAttachmentRoute } from './channels/attachments/attachment-route';
export { channelStore } from './channels/channel-store';
export type { ChannelStore } from './channels/channel-types';
export {
  type Channels,
  type ChannelTuning,
  DEFAULT_CHANNEL_TUNING,
  leaseTuning,
  startChannels,
} from './channels/channels-runner';
export { registerFacebookStatus } from './channels/facebook/facebook-status';
export { registerFacebookWebhook } from './channels/facebook/facebook-webhook';
export { registerTelegramStatus } from './channels/telegram/telegram-status';
export { registerTelegramWebhook } from './channels/telegram/telegram-webhook';
export { registerViberStatus } from './channels/viber/viber-status';
export { registerViberWebhook } from './channels/viber/viber-webhook';
export { registerVkCallback } from './channels/vk/vk-callback';
export { registerVkStatus } from './channels/vk/vk-status';
export { registerChatHandoff } from './chat-handoff';
export { announceOperators } from './chat-presence';
export type {
  ChatHandoff,
  ChatStore,
  ChatVisitor,
  Conversation,
  ConversationViewer,
  StoredChatMessage,
} from './chat-records';
export {
  conversationsRepository,
  seenBy,
  toConversation,
  viewQuery,
} from './conversations-store';
export { chatDistribution } from './distribution';
export { type ChatDistributionStore, chatDistributionRepository } from './distribution-store';
export { eraseVisitorChats } from './erase-visitors';
export { type ChatFeed, chatFeed } from './feed';
export { chatHandoffsRepository } from './handoffs-store';
export { rememberCaller } from './known-visitor';
export { chatMessagesRepository } from './messages-store';
export { missedNotice } from './missed-notice';
export { type MissedStore, missedRepository } from './missed-store';
export { registerOpsChat } from './ops-chat';
export { registerOpsMissed } from './ops-missed';
export { registerChat } from './register';
export { answerersRoom, receiverRoom } from './rooms';
export { chatVisitorsRepository } from './visitors-store';
export { conversationSummary } from './wire';
