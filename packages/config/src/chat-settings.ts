/** Settings of the multichannel chat widget: the site chat, messengers, callback, lead generation. */
import * as v from 'valibot';
import { ChatAppearanceSchema } from './appearance';
import { CallbackModeSchema } from './callback-mode';
import { settingsEntries } from './common-settings';
import { EmailListSchema, EmailSchema, PhoneListSchema, PhoneSchema } from './contacts';
import { leadGeneratorEntries, needsTriggerWhenEnabled } from './lead-generator';
import { localizedText } from './localized-text';
import { OptionalReceiverSchema } from './receiver';
import { secret } from './secret';
import { requiredText, token } from './text';

const flag = v.boolean('must be true or false');

/** Longest auto-reply. */
export const MAX_AUTO_REPLY = 1000;
/** At most this many auto-replies. */
export const MAX_AUTO_REPLIES = 20;

/**
 * A message sent for the operator, `delaySeconds` after the start of an unanswered enquiry, in
 * the language the visitor's widget speaks.
 */
export const AutoReplySchema = v.object({
  text: localizedText(MAX_AUTO_REPLY, { required: true }),
  delaySeconds: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(0, 'must be at least 0'),
    v.maxValue(86_400, 'must be at most 86400 (a day)'),
  ),
  /** In working time (peak hours, an absent operator), or in non-working time and holidays. */
  when: v.picklist(['working', 'nonWorking'], 'must be "working" or "nonWorking"'),
});

/** The chat on the site itself. */
export const SiteChannelSchema = v.object({
  /** Who receives messages; a group's message shows to all its members. Null = every operator. */
  receiver: OptionalReceiverSchema,
  /** Where messages of non-working time go, one e-mail per message; null = nowhere. */
  nonWorkingEmail: v.nullable(EmailSchema),
  showOperatorName: flag,
  showOperatorPhoto: flag,
  /** Offer a rating after the chat: excellent, good, satisfactory, poor. */
  rating: flag,
  autoReplies: v.pipe(
    v.array(AutoReplySchema, 'must be a list of auto-replies'),
    v.maxLength(MAX_AUTO_REPLIES, `must have at most ${MAX_AUTO_REPLIES} auto-replies`),
  ),
});

/** A slug that goes into a deep link (t.me/…, vk.me/…): nothing that could escape a URL. */
const linkSlug = (what: string) => token(100, /^[A-Za-z0-9._-]+$/, what);

/** A Telegram bot token, as BotFather gives it. */
export const TelegramTokenSchema = token(
  200,
  /^\d{1,20}:[A-Za-z0-9_-]{20,150}$/,
  'a Telegram bot token like 123456789:AAH…',
);

/** A Viber bot (public account) token. */
export const ViberTokenSchema = token(200, /^[A-Za-z0-9-]{16,200}$/, 'a Viber bot token');

/** A connected Telegram bot; the Studio fills `botName` from the token. */
export const TelegramChannelSchema = v.object({
  enabled: flag,
  receiver: OptionalReceiverSchema,
  /** Write-only (see secret.ts). */
  botToken: secret(TelegramTokenSchema, 'a Telegram bot token'),
  /** The bot's username, for the t.me link. */
  botName: token(32, /^[A-Za-z][A-Za-z0-9_]{3,31}$/, "a Telegram bot's username"),
  /**
   * How the platform hears the bot's updates: long polling (absent: the default, no public
   * address needed) or a webhook at the platform's https PUBLIC_URL.
   */
  mode: v.optional(v.picklist(['polling', 'webhook'], 'must be "polling" or "webhook"')),
});

/** A connected Viber bot (public account). */
export const ViberChannelSchema = v.object({
  enabled: flag,
  receiver: OptionalReceiverSchema,
  /** Write-only (see secret.ts). */
  botToken: secret(ViberTokenSchema, 'a Viber bot token'),
  /** The bot's display name, shown in the Studio. */
  botName: requiredText(100),
  /** The bot's chat URI, for the `viber://pa?chatURI=` link. */
  uri: linkSlug("a Viber bot's chat URI (letters, digits, . _ -)"),
});

/** A VK community access token (rights: messages, manage), as the community's settings give it. */
export const VkTokenSchema = token(300, /^[A-Za-z0-9._-]{20,300}$/, 'a VK community access token');

/** A connected VK community. */
export const VkChannelSchema = v.object({
  enabled: flag,
  receiver: OptionalReceiverSchema,
  /** The community's id or short name, for the vk.me link. */
  groupId: linkSlug('a VK community id or short name'),
  /**
   * Write-only (see secret.ts): the community access token, pasted (authorising as the
   * community's admin by OAuth comes later). Without it the community's messages are not read.
   */
  accessToken: secret(VkTokenSchema, 'a VK community access token'),
  /**
   * How the platform hears the community's messages: the Bots Long Poll API (absent: the
   * default, no public address needed) or the Callback API at the platform's https WEBHOOK_URL.
   */
  mode: v.optional(v.picklist(['longpoll', 'callback'], 'must be "longpoll" or "callback"')),
});

/** A Facebook Page access token, as the page's admin gets it. */
export const FacebookPageTokenSchema = token(
  1000,
  /^[A-Za-z0-9_-]{20,1000}$/,
  'a Facebook Page access token',
);

/** A connected Facebook public page (not a group). */
export const FacebookChannelSchema = v.object({
  enabled: flag,
  receiver: OptionalReceiverSchema,
  /** The page's id (its events name it), for the m.me link too. */
  pageId: linkSlug('a Facebook page id or username'),
  /**
   * Write-only (see secret.ts): the Page access token, pasted (authorising as the page's admin
   * by OAuth comes later). Without it the page's messages are not read.
   */
  pageToken: secret(FacebookPageTokenSchema, 'a Facebook Page access token'),
  /** The app has the Human Agent permission: replies up to 7 days after the last message. */
  humanAgent: v.optional(flag),
});

/** Callback orders from inside the chat: the callback widget's mode. */
export const ChatCallbackChannelSchema = v.object({
  enabled: flag,
  mode: CallbackModeSchema,
});

/** The chat's lead generation: the callback lead generator plus its own handling of orders. */
export const LeadGenerationSchema = v.pipe(
  v.object(
    leadGeneratorEntries({
      /** Who handles the call orders; null = every operator. */
      handler: OptionalReceiverSchema,
      /** Where order notifications go. */
      notifyEmails: EmailListSchema,
      notifyPhones: PhoneListSchema,
      /** The company number the visitor sees when called; null = the account's default. */
      companyNumber: v.nullable(PhoneSchema),
    }),
  ),
  needsTriggerWhenEnabled(),
);

/** The chat's channels; null = not connected. */
export const ChannelsSchema = v.object({
  site: SiteChannelSchema,
  telegram: v.nullable(TelegramChannelSchema),
  viber: v.nullable(ViberChannelSchema),
  vk: v.nullable(VkChannelSchema),
  facebook: v.nullable(FacebookChannelSchema),
  callback: v.nullable(ChatCallbackChannelSchema),
  leadGeneration: v.nullable(LeadGenerationSchema),
});

/** Everything a marketer sets on a chat widget. */
export const ChatSettingsSchema = v.object(
  settingsEntries(v.literal('chat'), {
    channels: ChannelsSchema,
    appearance: ChatAppearanceSchema,
  }),
);

/** Settings of a chat widget. */
export type ChatSettings = v.InferOutput<typeof ChatSettingsSchema>;
