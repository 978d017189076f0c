/**
 * The visitor's side of the chat (`/chat`, events in CHAT.md): `welcome` on connect, then send,
 * sync, typing, read, contact, leave-contact, rate and handoff. Every message is stored before its ack; events
 * to other sockets go out after it and are only hints (clients resync by sequence number).
 */
import {
  type ChatSettings,
  type ChatWelcome,
  type ConversationRead,
  type ConversationTyping,
  HandoffSchema,
  LeaveContactSchema,
  localeFor,
  RateSchema,
  ReadSchema,
  SyncSchema,
  TypingSchema,
  textIn,
  VisitorContactSchema,
  VisitorSendSchema,
} from '@frontdesk/config';
import type { Namespace, Socket } from 'socket.io';
import type { AppContext } from '../context';
import { consumePoint, tooMany } from '../http/rate-limits';
import { accountLanguage } from '../texts';
import { widgetPresence } from '../widgets';
import { ChatRefusal, onChat } from './ack';
import type { ChatFeed } from './feed';
import { handoffLink } from './handoff-link';
import { contactToLeave } from './leave-contact';
import { nonWorkingEmail } from './non-working-email';
import { randomToken } from './random-token';
import { conversationRooms } from './rooms';
import { takeVisitorToken, type VisitorSocketData } from './visitor-handshake';
import { visitorConversation, wireMessage } from './wire';
import { isWorking } from './working-time';

/** The most messages one `sync` answers; a client that gets this many syncs again from the last. */
export const SYNC_LIMIT = 500;

/**
 * `typing` and `read` signals one visitor socket relays a minute, each: the widget says "typing"
 * at most every 3 s, and "read" once per operator message it shows. Each costs the operators an
 * event (with Redis, a line in the adapter's stream); past it they are dropped.
 */
export const SIGNALS_PER_MINUTE = 60;

/** Serves one visitor socket that passed the handshake. */
export function registerVisitor(
  socket: Socket,
  ctx: AppContext,
  ops: Namespace,
  feed: ChatFeed,
): void {
  const { visitor, widgetId, locale } = socket.data as VisitorSocketData;
  const { store } = ctx;
  const log = (what: string) => (error: unknown) => console.error(`chat: ${what}:`, error);

  /** The widget's settings now (a marketer may change them mid-conversation). */
  const settingsNow = async (): Promise<ChatSettings & { widgetName: string }> => {
    const widget = await store.widgets.get(widgetId);
    if (!widget?.active || widget.deletedAt !== null || widget.settings.type !== 'chat') {
      throw new ChatRefusal('widget_not_found', 'This chat is no longer available.');
    }
    return { ...widget.settings, widgetName: widget.name };
  };
  const openConversation = async () => {
    const current = await store.conversations.current(visitor.id);
    return current?.status === 'open' ? current : undefined;
  };
  /**
   * Takes one of the visitor's points for `kind` (sync, contact, rating): each kind as many a
   * minute as messages (`limits.chatMessagesPerMinute`), counted apart from them and shared by
   * the visitor's tabs. @throws {ApiError} `rate_limited` when none is left.
   */
  const spend = (kind: string, what: string) =>
    consumePoint(ctx.limiters.chatMessage, `${kind}:${visitor.id}`, what);
  const typingSignals = signalBudget(ctx.clock, 'typing signals');
  const readSignals = signalBudget(ctx.clock, 'read signals');

  onChat(socket, 'send', VisitorSendSchema, async ({ clientId, text, page }) => {
    const settings = await settingsNow();
    const shown = settings.channels.site;
    // A retry is answered before the rate limit: it costs nothing and must never be refused.
    const earlier = await store.chatMessages.byVisitorClientId(visitor.id, clientId);
    if (earlier) {
      const conversation = earlier.published
        ? undefined
        : await store.conversations.get(earlier.conversationId);
      // Stored by a process that died before telling the operators: they hear of it now.
      if (conversation) {
        await feed.message({ message: earlier, conversation, replayed: true }, shown, socket.id);
      }
      return { message: wireMessage(earlier, shown) };
    }
    await consumePoint(ctx.limiters.chatMessage, visitor.id, 'messages');
    const at = ctx.clock();
    const working = isWorking(settings, at);
    const { nonWorkingEmail: to } = settings.channels.site;
    const sent = await store.chatMessages.visitorSend({
      visitor,
      widgetId,
      clientId,
      text,
      page: page ?? null,
      now: at.getTime(),
      receiver: settings.channels.site.receiver,
      // In the visitor's language, as the widget speaks it (its main one if that lacks a text).
      autoReplies: settings.channels.site.autoReplies
        .filter((reply) => reply.when === (working ? 'working' : 'nonWorking'))
        .map((reply) => ({ ...reply, text: textIn(reply.text, localeFor(settings, locale)) })),
      email:
        !working && to
          ? nonWorkingEmail({
              to,
              widgetName: settings.widgetName,
              text,
              contact: await store.chatContacts.get(visitor.accountId, visitor.id),
              page: page ?? null,
              at,
              language: await accountLanguage(store, visitor.accountId),
            })
          : null,
    });
    if (!sent.replayed) void feed.message(sent, shown, socket.id).catch(log('send'));
    else if (!sent.message.published) await feed.message(sent, shown, socket.id);
    return { message: wireMessage(sent.message, shown) };
  });

  onChat(socket, 'sync', SyncSchema, async ({ afterSeq }) => {
    await spend('sync', 'resyncs');
    const shown = (await settingsNow()).channels.site;
    const current = await store.conversations.current(visitor.id);
    const messages = current
      ? await store.chatMessages.since(current.id, afterSeq, SYNC_LIMIT)
      : [];
    return {
      conversation: current ? visitorConversation(current) : null,
      messages: messages.map((message) => wireMessage(message, shown)),
    };
  });

  onChat(socket, 'typing', TypingSchema, async ({ typing }) => {
    typingSignals();
    const current = await openConversation();
    if (current) {
      ops
        .to(conversationRooms(current))
        .emit('chat:typing', { conversationId: current.id, typing } satisfies ConversationTyping);
    }
    return {};
  });

  onChat(socket, 'read', ReadSchema, async ({ upToSeq }) => {
    readSignals();
    const current = await store.conversations.current(visitor.id);
    if (!current) return {};
    const mark = await store.conversations.markRead(current.id, 'visitor', upToSeq);
    if (mark !== undefined) {
      ops.to(conversationRooms(current)).emit('chat:read', {
        conversationId: current.id,
        upToSeq: mark,
      } satisfies ConversationRead);
    }
    return {};
  });

  /** Saves what the visitor gave as their contact; the inbox shows it. */
  const saveContact = async (fields: { name?: string; phone?: string; email?: string }) => {
    await store.chatContacts.save({
      accountId: visitor.accountId,
      visitorId: visitor.id,
      ...fields,
      now: ctx.clock().getTime(),
    });
    const current = await store.conversations.current(visitor.id);
    if (current) void feed.conversation(current).catch(log('contact'));
    return {};
  };

  onChat(socket, 'contact', VisitorContactSchema, async (input) => {
    await spend('contact', 'contact changes');
    return saveContact(input);
  });

  onChat(socket, 'leave-contact', LeaveContactSchema, async (input) => {
    await spend('contact', 'contact changes');
    return saveContact(contactToLeave(await settingsNow(), input));
  });

  onChat(socket, 'rate', RateSchema, async ({ conversationId, rating }) => {
    await spend('rate', 'ratings');
    const outcome = await store.conversations.rate(conversationId, visitor.id, rating);
    if (outcome === 'not_found') {
      throw new ChatRefusal('not_found', 'No such conversation of yours.', 'conversationId');
    }
    if (outcome === 'not_closed') {
      throw new ChatRefusal(
        'not_closed',
        'A conversation is rated once it is closed.',
        'conversationId',
      );
    }
    if (outcome === 'already_rated') {
      throw new ChatRefusal('already_rated', 'This conversation has its rating.', 'conversationId');
    }
    const rated = await store.conversations.get(conversationId);
    if (rated) void feed.conversation(rated).catch(log('rate'));
    return {};
  });

  onChat(socket, 'handoff', HandoffSchema, async ({ channel }) => {
    const settings = await settingsNow();
    const token = randomToken();
    const url = handoffLink(settings.channels, channel, token, ctx.env.messengerLinkBase);
    if (!url) {
      throw new ChatRefusal(
        'channel_not_enabled',
        `This chat has no ${channel} channel.`,
        'channel',
      );
    }
    await consumePoint(ctx.limiters.chatHandoffsByVisitor, visitor.id, 'messenger links');
    await store.chatHandoffs.create({
      token,
      accountId: visitor.accountId,
      widgetId,
      visitorId: visitor.id,
      conversationId: (await openConversation())?.id ?? null,
      channel,
      createdAt: ctx.clock().getTime(),
    });
    return { url };
  });

  /** Operators see the visitor come and go (every tab counts). */
  const presence = () =>
    openConversation()
      .then((current) => current && feed.conversation(current))
      .catch(log('visitor presence'));
  socket.on('disconnect', (reason) => {
    // The platform itself is closing: the visitor reconnects to another process, which tells.
    if (reason !== 'server namespace disconnect') void presence();
  });
  void welcome(socket, ctx, ops, takeVisitorToken(socket)).then(presence).catch(log('welcome'));
}

/**
 * One socket's budget of a signal: {@link SIGNALS_PER_MINUTE} a minute by `clock`, counted in this
 * process (a socket lives in one). The returned function takes one.
 * @throws {ApiError} `rate_limited` past it — to nobody, for a signal sent without an ack.
 */
function signalBudget(clock: () => Date, what: string): () => void {
  let windowStart = Number.NEGATIVE_INFINITY;
  let used = 0;
  return () => {
    const now = clock().getTime();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      used = 0;
    }
    if (++used > SIGNALS_PER_MINUTE) throw tooMany(what, windowStart + 60_000 - now);
  };
}

/**
 * `welcome`: the token to keep, the current conversation, working time, who can answer, and
 * what the visitor already told the account.
 */
async function welcome(socket: Socket, ctx: AppContext, ops: Namespace, visitorToken: string) {
  const { visitor, settings } = socket.data as VisitorSocketData;
  const now = ctx.clock();
  const [current, presence, contact] = await Promise.all([
    ctx.store.conversations.current(visitor.id),
    widgetPresence(
      { ops, store: ctx.store, now: now.getTime() },
      { accountId: visitor.accountId, settings },
    ),
    ctx.store.chatContacts.get(visitor.accountId, visitor.id),
  ]);
  const welcome: ChatWelcome = {
    visitorToken,
    conversation: current ? visitorConversation(current) : null,
    working: isWorking(settings, now),
    presence: presence.presence,
    contact: contact ? { name: contact.name, phone: contact.phone, email: contact.email } : null,
  };
  socket.emit('welcome', welcome);
}
