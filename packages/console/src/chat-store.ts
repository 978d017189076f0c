/**
 * The inbox's state as a reducer over the `/ops` `chat:*` events and the operator's own actions:
 * conversations by id, and for each opened one its messages (unique by `seq`, in order) and the
 * operator's messages still on their way (by `clientId`). Pure: no Preact, no socket.
 */
import type {
  ChatContact,
  ChatMessage,
  ChatPeer,
  ConversationDetail,
  ConversationSummary,
  MessageAttachment,
  MessageDelivery,
} from '@frontdesk/config';

/** An operator message sent but not yet stored (or refused): kept until its echo arrives. */
export interface PendingMessage {
  clientId: string;
  text: string;
  /** ISO time it was written. */
  at: string;
  state: 'sending' | 'failed';
  /** Why the platform refused it, when it did. */
  error?: string;
}

/** The address book's view of a conversation's visitor (`chat:open`'s `contactTimeline`). */
export type ContactTimeline = NonNullable<ConversationDetail['contactTimeline']>;

/** What the inbox holds of one opened conversation. */
export interface Thread {
  /** Stored messages, ascending by `seq`, each `seq` once. */
  messages: ChatMessage[];
  pending: PendingMessage[];
  /** From `chat:open`; null until it answered. */
  contact: ChatContact | null;
  /** The customer in each messenger they wrote from, from `chat:open`. */
  peers: ChatPeer[];
  pastEnquiries: ConversationSummary[];
  /** The visitor's contact and its enquiries across browsers, from `chat:open`; null: none. */
  contactTimeline: ContactTimeline | null;
  visitorTyping: boolean;
  /** The highest `seq` this console reported read with `chat:read`. */
  readSent: number;
}

/** The whole inbox. */
export interface InboxState {
  conversations: ReadonlyMap<string, ConversationSummary>;
  threads: ReadonlyMap<string, Thread>;
  /** Whether `chat:list` has answered once (new conversations before that are not "new"). */
  listed: boolean;
}

/** Everything that changes the inbox. */
export type InboxAction =
  | { type: 'listed'; conversations: ConversationSummary[] }
  | { type: 'conversation'; conversation: ConversationSummary }
  | {
      type: 'opened';
      conversation: ConversationSummary;
      messages: ChatMessage[];
      contact: ChatContact | null;
      /** Absent from a platform without messenger channels. */
      peers?: ChatPeer[];
      pastEnquiries: ConversationSummary[];
      /** Absent from a platform without the address book. */
      contactTimeline?: ContactTimeline | null;
    }
  | { type: 'messages'; conversationId: string; messages: ChatMessage[] }
  | { type: 'pending'; conversationId: string; clientId: string; text: string; at: string }
  | { type: 'failed'; conversationId: string; clientId: string; error: string }
  | { type: 'retrying'; conversationId: string; clientId: string }
  | { type: 'delivery'; conversationId: string; seq: number; delivery: MessageDelivery }
  | { type: 'attachment'; conversationId: string; seq: number; attachment: MessageAttachment }
  | { type: 'typing'; conversationId: string; typing: boolean }
  | { type: 'readByVisitor'; conversationId: string; upToSeq: number }
  | { type: 'readSent'; conversationId: string; upToSeq: number };

/** The inbox before anything arrived. */
export const emptyInbox: InboxState = {
  conversations: new Map(),
  threads: new Map(),
  listed: false,
};

const emptyThread: Thread = {
  messages: [],
  pending: [],
  contact: null,
  peers: [],
  pastEnquiries: [],
  contactTimeline: null,
  visitorTyping: false,
  readSent: 0,
};

/**
 * `messages` merged into `known`: one per `seq` (the first copy wins, but for a reply's delivery
 * to a messenger and a customer's attachments, which only move on), ascending.
 */
function mergeMessages(known: ChatMessage[], messages: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map(known.map((m) => [m.seq, m]));
  let added = false;
  for (const message of messages) {
    const held = bySeq.get(message.seq);
    if (!held) {
      bySeq.set(message.seq, message);
      added = true;
      continue;
    }
    const delivery = deliveryMoved(held.delivery, message.delivery);
    const attachments = (message.attachments ?? []).reduce<ChatMessage | undefined>(
      (moved, attachment) => withAttachment(moved ?? held, attachment) ?? moved,
      undefined,
    );
    if (!delivery && !attachments) continue;
    bySeq.set(message.seq, {
      ...(attachments ?? held),
      ...(delivery ? { delivery: message.delivery } : {}),
    });
    added = true;
  }
  return added ? [...bySeq.values()].sort((a, b) => a.seq - b.seq) : known;
}

/**
 * `message` with `attachment` settled, or undefined when that is no news: an attachment only
 * moves from pending to stored or failed.
 */
function withAttachment(
  message: ChatMessage,
  attachment: MessageAttachment,
): ChatMessage | undefined {
  const held = message.attachments?.find((a) => a.id === attachment.id);
  if (held && (held.status !== 'pending' || attachment.status === 'pending')) return undefined;
  const attachments = held
    ? (message.attachments ?? []).map((a) => (a === held ? attachment : a))
    : [...(message.attachments ?? []), attachment];
  return { ...message, attachments };
}

/** Whether `next` is news over `held`: a pending delivery only ever becomes sent or failed. */
function deliveryMoved(held: MessageDelivery | undefined, next: MessageDelivery | undefined) {
  if (!next || held?.status === 'sent' || held?.status === 'failed') return false;
  return next.status !== held?.status || next.error !== held.error;
}

/** The thread with `messages` stored, and the pending copies they acknowledge dropped. */
function withMessages(thread: Thread, messages: ChatMessage[]): Thread {
  const stored = new Set(
    messages.filter((m) => m.author === 'operator' && m.clientId).map((m) => m.clientId),
  );
  const pending = thread.pending.filter((p) => !stored.has(p.clientId));
  const merged = mergeMessages(thread.messages, messages);
  if (merged === thread.messages && pending.length === thread.pending.length) return thread;
  // A visitor who wrote has stopped typing that message.
  const visitorWrote = messages.some((m) => m.author === 'visitor');
  return {
    ...thread,
    messages: merged,
    pending,
    visitorTyping: visitorWrote ? false : thread.visitorTyping,
  };
}

/**
 * The summary after `message`, applied at once so the list does not wait for the platform's
 * `chat:conversation`; a message the summary already counts (`seq` not above `lastSeq`) changes
 * nothing, so the two can arrive in either order.
 */
function withLastMessage(summary: ConversationSummary, message: ChatMessage): ConversationSummary {
  if (message.seq <= summary.lastSeq) return summary;
  return {
    ...summary,
    lastMessage: message,
    lastSeq: message.seq,
    unanswered:
      message.author === 'visitor'
        ? summary.unanswered + 1
        : message.author === 'operator'
          ? 0
          : summary.unanswered,
  };
}

function updateThread(
  state: InboxState,
  id: string,
  change: (thread: Thread) => Thread,
): InboxState {
  const thread = state.threads.get(id);
  if (!thread) return state;
  const next = change(thread);
  return next === thread ? state : { ...state, threads: new Map(state.threads).set(id, next) };
}

function updatePending(
  state: InboxState,
  id: string,
  clientId: string,
  change: Partial<PendingMessage>,
): InboxState {
  return updateThread(state, id, (thread) => ({
    ...thread,
    pending: thread.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)),
  }));
}

/** The inbox after `action`. */
export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'listed': {
      // The list is the truth, except that an opened conversation stays even when it fell off
      // the list (the list keeps only the latest closed ones): the operator may be reading it.
      const conversations = new Map(
        [...state.conversations].filter(([id]) => state.threads.has(id)),
      );
      for (const c of action.conversations) conversations.set(c.id, c);
      return { ...state, listed: true, conversations };
    }
    case 'conversation':
      return {
        ...state,
        conversations: new Map(state.conversations).set(
          action.conversation.id,
          action.conversation,
        ),
      };
    case 'opened': {
      const thread = state.threads.get(action.conversation.id) ?? emptyThread;
      return {
        ...state,
        conversations: new Map(state.conversations).set(
          action.conversation.id,
          action.conversation,
        ),
        threads: new Map(state.threads).set(action.conversation.id, {
          ...withMessages(thread, action.messages),
          contact: action.contact,
          peers: action.peers ?? [],
          pastEnquiries: action.pastEnquiries,
          contactTimeline: action.contactTimeline ?? null,
        }),
      };
    }
    case 'messages': {
      const summary = state.conversations.get(action.conversationId);
      const next = updateThread(state, action.conversationId, (t) =>
        withMessages(t, action.messages),
      );
      if (!summary) return next;
      const updated = action.messages.reduce(withLastMessage, summary);
      return updated === summary
        ? next
        : { ...next, conversations: new Map(next.conversations).set(summary.id, updated) };
    }
    case 'pending':
      return updateThread(state, action.conversationId, (thread) =>
        thread.pending.some((p) => p.clientId === action.clientId)
          ? thread
          : {
              ...thread,
              pending: [
                ...thread.pending,
                { clientId: action.clientId, text: action.text, at: action.at, state: 'sending' },
              ],
            },
      );
    case 'failed':
      return updatePending(state, action.conversationId, action.clientId, {
        state: 'failed',
        error: action.error,
      });
    case 'retrying':
      return updatePending(state, action.conversationId, action.clientId, {
        state: 'sending',
        error: undefined,
      });
    case 'delivery':
      return updateThread(state, action.conversationId, (thread) => {
        const held = thread.messages.find((m) => m.seq === action.seq);
        if (!held || !deliveryMoved(held.delivery, action.delivery)) return thread;
        return {
          ...thread,
          messages: thread.messages.map((m) =>
            m === held ? { ...m, delivery: action.delivery } : m,
          ),
        };
      });
    case 'attachment':
      return updateThread(state, action.conversationId, (thread) => {
        const held = thread.messages.find((m) => m.seq === action.seq);
        const moved = held && withAttachment(held, action.attachment);
        if (!moved) return thread;
        return { ...thread, messages: thread.messages.map((m) => (m === held ? moved : m)) };
      });
    case 'typing':
      return updateThread(state, action.conversationId, (thread) =>
        thread.visitorTyping === action.typing
          ? thread
          : { ...thread, visitorTyping: action.typing },
      );
    case 'readByVisitor': {
      const summary = state.conversations.get(action.conversationId);
      if (!summary || summary.readByVisitorSeq >= action.upToSeq) return state;
      return {
        ...state,
        conversations: new Map(state.conversations).set(summary.id, {
          ...summary,
          readByVisitorSeq: action.upToSeq,
        }),
      };
    }
    case 'readSent':
      return updateThread(state, action.conversationId, (thread) =>
        thread.readSent >= action.upToSeq ? thread : { ...thread, readSent: action.upToSeq },
      );
  }
}

/** The highest `seq` held of a thread (what `chat:sync` asks after). */
export function lastSeq(thread: Thread | undefined): number {
  return thread?.messages.at(-1)?.seq ?? 0;
}

/** The list's filters: not taken yet, taken by me, and everything this operator may see. */
export type InboxFilter = 'unassigned' | 'mine' | 'all';

/** Whether `conversation` belongs under `filter` for the operator `userId`. */
export function matchesFilter(
  conversation: ConversationSummary,
  filter: InboxFilter,
  userId: string,
): boolean {
  if (filter === 'unassigned') return conversation.status === 'open' && !conversation.assignee;
  if (filter === 'mine') return conversation.assignee?.id === userId;
  return true;
}

/** When a conversation last changed, for ordering (epoch ms). */
function lastActivity(conversation: ConversationSummary): number {
  return Date.parse(conversation.lastMessage?.at ?? conversation.startedAt);
}

/** The list as shown: open before closed, each most recent first. */
export function sortConversations(
  conversations: Iterable<ConversationSummary>,
): ConversationSummary[] {
  return [...conversations].sort(
    (a, b) =>
      Number(a.status === 'closed') - Number(b.status === 'closed') ||
      lastActivity(b) - lastActivity(a),
  );
}

/**
 * The visitor as the operator sees them: the contact's name, else `unnamed` of a short id
 * ("Visitor #v1a2b3", in the console's language).
 */
export function visitorName(
  visitor: ConversationSummary['visitor'],
  unnamed: (short: string) => string,
): string {
  return visitor.name?.trim() || unnamed(visitor.id.slice(0, 6));
}
