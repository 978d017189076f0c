/**
 * The operators' side of the chat: the `chat:*` events of `/ops` (CHAT.md). Every request is
 * checked against what the operator may see (access.ts); the first operator to reply takes the
 * conversation, and only they (or an admin) answer it after that.
 */
import {
  type ChatSettings,
  type ConversationDetail,
  ConversationRefSchema,
  OperatorReadSchema,
  OperatorSendSchema,
  OperatorSyncSchema,
  OperatorTransferSchema,
  OperatorTypingSchema,
} from '@frontdesk/config';
import type { Namespace, Socket } from 'socket.io';
import * as v from 'valibot';
import type { OpsUser } from '../accounts';
import type { AppContext } from '../context';
import { conversationAccess, conversationViewer } from './access';
import { ChatRefusal, onChat } from './ack';
import { conversationPeers, withChannelMarks } from './channels/channel-marks';
import { channelTyping } from './channels/channel-typing';
import { offerRating } from './channels/offer-rating';
import { visitorsOnline } from './chat-presence';
import type { Conversation } from './chat-records';
import { contactTimeline } from './contact-timeline';
import { queuesOf } from './distribution';
import type { ChatFeed } from './feed';
import { adminsRoom, conversationRooms, visitorRoom } from './rooms';
import { transferTarget } from './transfer-target';
import { SYNC_LIMIT } from './visitor-events';
import { conversationSummary, type OperatorShown, wireMessage } from './wire';

/** The most open conversations `chat:list` answers with. */
export const OPEN_CONVERSATIONS_LIMIT = 200;
/** How many recently closed conversations `chat:list` adds. */
export const CLOSED_CONVERSATIONS_LIMIT = 50;
/** How many of the visitor's earlier conversations `chat:open` shows. */
export const PAST_ENQUIRIES_LIMIT = 50;

/** What the visitor sees of operators when a widget is gone: nothing. */
const NOTHING_SHOWN: OperatorShown = { showOperatorName: false, showOperatorPhoto: false };

/** Serves the chat events of one signed-in `/ops` socket. */
export function registerOpsChat(
  socket: Socket,
  ctx: AppContext,
  chat: Namespace,
  feed: ChatFeed,
): void {
  const user = socket.data.user as OpsUser;
  const { store } = ctx;
  if (user.role === 'admin') void socket.join(adminsRoom(user.accountId));
  const log = (what: string) => (error: unknown) => console.error(`chat: ${what}:`, error);

  /** The conversation, if the operator may see it. @throws {ChatRefusal} otherwise. */
  const seen = async (
    id: string,
    maySee?: (conversation: Conversation) => boolean,
  ): Promise<Conversation> => {
    const conversation = await store.conversations.get(id);
    if (!conversation || !(maySee ?? (await conversationAccess(store, user)))(conversation)) {
      throw new ChatRefusal('not_found', `No conversation ${id} you can see.`, 'conversationId');
    }
    return conversation;
  };
  const settingsOf = async (conversation: Conversation): Promise<ChatSettings | undefined> => {
    const widget = await store.widgets.get(conversation.widgetId);
    return widget?.settings.type === 'chat' ? widget.settings : undefined;
  };
  const summaries = async (conversations: Conversation[]) => {
    const online = await visitorsOnline(
      chat,
      conversations.map((c) => c.visitorId),
    );
    return conversations.map((c) => conversationSummary(c, online.has(c.visitorId)));
  };

  onChat(socket, 'chat:list', v.optional(v.object({})), async () => {
    const viewer = await conversationViewer(store, user);
    const list = (status: 'open' | 'closed', limit: number) =>
      store.conversations.list(user.accountId, status, limit, viewer);
    const conversations = [
      ...(await list('open', OPEN_CONVERSATIONS_LIMIT)),
      ...(await list('closed', CLOSED_CONVERSATIONS_LIMIT)),
    ];
    return { conversations: await summaries(conversations) };
  });

  onChat(socket, 'chat:open', ConversationRefSchema, async ({ conversationId }) => {
    const maySee = await conversationAccess(store, user);
    const conversation = await seen(conversationId, maySee);
    const [[summary], messages, contact, past, peers, timeline] = await Promise.all([
      summaries([conversation]),
      // Messenger channels: each message's channel and delivery (src/chat/channels/).
      store.chatMessages
        .since(conversation.id, 0, SYNC_LIMIT)
        .then((stored) => withChannelMarks(store, stored)),
      store.chatContacts.get(conversation.accountId, conversation.visitorId),
      store.conversations.ofVisitor(conversation.visitorId, PAST_ENQUIRIES_LIMIT + 1),
      conversationPeers(store, conversation),
      contactTimeline(store, conversation, maySee),
    ]);
    if (!summary) throw new Error('a summary went missing');
    const detail: ConversationDetail = {
      conversation: summary,
      messages: messages.map((message) => wireMessage(message)),
      contact: contact ?? null,
      peers,
      pastEnquiries: await summaries(
        // The same filter as chat:list: an enquiry routed elsewhere stays out of sight.
        past.filter((c) => c.id !== conversation.id && maySee(c)).slice(0, PAST_ENQUIRIES_LIMIT),
      ),
      contactTimeline: timeline,
    };
    return detail;
  });

  onChat(socket, 'chat:sync', OperatorSyncSchema, async ({ conversationId, afterSeq }) => {
    const conversation = await seen(conversationId);
    const messages = await withChannelMarks(
      store,
      await store.chatMessages.since(conversation.id, afterSeq, SYNC_LIMIT),
    );
    return { messages: messages.map((message) => wireMessage(message)) };
  });

  onChat(socket, 'chat:send', OperatorSendSchema, async ({ conversationId, clientId, text }) => {
    const conversation = await seen(conversationId);
    const sent = await store.chatMessages.operatorSend({
      conversationId: conversation.id,
      clientId,
      text,
      // The name and photo as they are now: the message keeps them.
      operator: { id: user.id, name: user.name, photoUrl: user.photoUrl },
      mayAnswerTaken: user.role === 'admin',
      now: ctx.clock().getTime(),
    });
    if (sent === 'closed') {
      throw new ChatRefusal('closed', 'This conversation is closed.', 'conversationId');
    }
    if (sent === 'not_yours') {
      throw new ChatRefusal(
        'not_yours',
        `${conversation.assignee?.name ?? 'Another operator'} took this conversation.`,
        'conversationId',
      );
    }
    if (sent === 'not_found') {
      throw new ChatRefusal('not_found', `No conversation ${conversationId}.`, 'conversationId');
    }
    // A reply to a messenger carries its channel and delivery (src/chat/channels/).
    const [message = sent.message] = await withChannelMarks(store, [sent.message]);
    // A resend of a reply whose process died before telling anyone publishes it now, once.
    if (!sent.replayed || !sent.message.published) {
      const shown = (await settingsOf(sent.conversation))?.channels.site ?? NOTHING_SHOWN;
      const told = feed.message({ ...sent, message }, shown);
      if (sent.replayed) await told;
      else void told.catch(log('chat:send'));
    }
    return { message: wireMessage(message) };
  });

  onChat(socket, 'chat:typing', OperatorTypingSchema, async ({ conversationId, typing }) => {
    const conversation = await seen(conversationId);
    chat.to(visitorRoom(conversation.visitorId)).emit('typing', { typing });
    // The messenger's own "typing…" when the customer last wrote from one (src/chat/channels/).
    if (typing) void channelTyping(store, ctx.env, conversation).catch(log('chat:typing'));
    return {};
  });

  onChat(socket, 'chat:read', OperatorReadSchema, async ({ conversationId, upToSeq }) => {
    const conversation = await seen(conversationId);
    const mark = await store.conversations.markRead(conversation.id, 'operator', upToSeq);
    if (mark !== undefined)
      chat.to(visitorRoom(conversation.visitorId)).emit('read', { upToSeq: mark });
    return {};
  });

  onChat(socket, 'chat:transfer', OperatorTransferSchema, async ({ conversationId, to, note }) => {
    const conversation = await seen(conversationId);
    // The holder hands it over (or an admin); one nobody holds, anyone who sees it.
    const holder = conversation.assignee?.id;
    if (holder !== undefined && holder !== user.id && user.role !== 'admin') {
      throw new ChatRefusal(
        'not_yours',
        `${conversation.assignee?.name ?? 'Another operator'} holds this conversation.`,
        'conversationId',
      );
    }
    const handed = await store.conversations.transfer(conversation.id, {
      to: await transferTarget(store, user.accountId, to),
      note: note || null,
      by: user.name,
      now: ctx.clock().getTime(),
    });
    if (handed === 'closed') {
      throw new ChatRefusal('closed', 'This conversation is closed.', 'conversationId');
    }
    if (handed === 'not_found') {
      throw new ChatRefusal('not_found', `No conversation ${conversationId}.`, 'conversationId');
    }
    // Those who saw it before hear that it left them.
    await feed.conversation(handed, conversationRooms(conversation));
    ctx.distribute(
      [conversation.receiver, handed.receiver].flatMap((r) => (r?.kind === 'group' ? [r.id] : [])),
    );
    return {};
  });

  onChat(socket, 'chat:queues', v.optional(v.object({})), async () => ({
    queues: await queuesOf(ctx, user),
  }));

  onChat(socket, 'chat:close', ConversationRefSchema, async ({ conversationId }) => {
    const conversation = await seen(conversationId);
    const settings = await settingsOf(conversation);
    const closed = await store.conversations.close(conversation.id, {
      ratingOffered: settings?.channels.site.rating ?? false,
      now: ctx.clock().getTime(),
    });
    if (!closed) throw new ChatRefusal('closed', 'This conversation is closed.', 'conversationId');
    void feed.closed(closed).catch(log('chat:close'));
    // A customer in a messenger is asked there (src/chat/channels/), stored before the ack.
    if (settings) {
      await offerRating({ store, feed, now: ctx.clock().getTime() }, closed, settings).catch(
        log('chat:close'),
      );
    }
    return {};
  });
}
