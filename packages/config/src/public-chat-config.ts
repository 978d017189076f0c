/** The public config of a chat widget (a module of its own: a widget's bundle carries its own type's schema only). */
import * as v from 'valibot';
import { ChatLookSchema } from './chat-look';
import { LeadRulesSchema } from './lead-triggers';
import { baseEntries, flag } from './public-base';
import { token } from './text';

/** The public config of a chat widget. */
export const PublicChatConfigSchema = v.object({
  type: v.literal('chat'),
  ...baseEntries,
  appearance: ChatLookSchema,
  /** The channels a visitor can use; an absent messenger is not connected or not enabled. */
  channels: v.object({
    site: v.object({ showOperatorName: flag, showOperatorPhoto: flag, rating: flag }),
    /**
     * Where the platform's MESSENGER_LINK_BASE sends hand-off links instead of the messengers'
     * own (the messenger sandbox: `<linkBase>/<messenger>/…`): the one other start they may have.
     */
    linkBase: v.optional(token(200, /^https?:\/\/[^\s?#]+[^\s?#/]$/, 'an http(s) URL')),
    /** t.me/<bot> */
    telegram: v.optional(v.object({ bot: token(32, /^[A-Za-z0-9_]+$/, "a bot's username") })),
    /** viber://pa?chatURI=<uri> */
    viber: v.optional(v.object({ uri: token(100, /^[A-Za-z0-9._-]+$/, 'a chat URI') })),
    /** vk.me/<groupId> */
    vk: v.optional(v.object({ groupId: token(100, /^[A-Za-z0-9._-]+$/, 'a community id') })),
    /** m.me/<pageId> */
    facebook: v.optional(v.object({ pageId: token(100, /^[A-Za-z0-9._-]+$/, 'a page id') })),
    /** The callback tab. */
    callback: flag,
    /**
     * How the chat's callback orders (its tab, its lead generator) are served: in manual mode
     * the widget promises a call back, not a call now. Absent: automatic.
     */
    callbackMode: v.optional(
      v.picklist(['automatic', 'manual'], 'must be "automatic" or "manual"'),
    ),
  }),
  /** Present only when lead generation is on: when the capture form opens by itself. */
  leadGenerator: v.optional(LeadRulesSchema),
});
