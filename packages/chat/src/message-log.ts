/**
 * The chat's message log as plain data: a message is known by its place in its conversation
 * (conversation id and sequence number) or by the client id the visitor's widget gave it;
 * conversations stand in the order they started, each in its own sequence.
 */
import type { ChatMessage } from '@frontdesk/config';

/** A place in the log: a conversation and a sequence number in it. */
export type LogMark = readonly [conversationId: string, seq: number];

/** `true` for messages from the company's side. */
export const fromCompany = (message: ChatMessage) =>
  message.author === 'operator' || message.author === 'auto';

/**
 * `messages` with what is new of `batch` added in order, and what that was (in `batch`'s
 * order); `messages` itself when nothing is new.
 */
export function mergeMessages(
  messages: readonly ChatMessage[],
  batch: readonly ChatMessage[],
): { messages: readonly ChatMessage[]; added: ChatMessage[] } {
  const merged = [...messages];
  const added: ChatMessage[] = [];
  for (const message of batch) {
    const known = merged.some(
      (m) =>
        (m.conversationId === message.conversationId && m.seq === message.seq) ||
        (message.clientId !== null && m.clientId === message.clientId),
    );
    if (known) continue;
    merged.push(message);
    added.push(message);
  }
  if (!added.length) return { messages, added };
  const started = new Map<string, string>();
  for (const m of merged) {
    const first = started.get(m.conversationId);
    if (first === undefined || m.at < first) started.set(m.conversationId, m.at);
  }
  merged.sort((a, b) => {
    const byConversation = (started.get(a.conversationId) ?? '').localeCompare(
      started.get(b.conversationId) ?? '',
    );
    return byConversation || a.seq - b.seq;
  });
  return { messages: merged, added };
}

/** The highest seq of conversation `id` held with every one before it (0: none). */
export function contiguousSeq(messages: readonly ChatMessage[], id: string | undefined): number {
  const held = new Set(messages.filter((m) => m.conversationId === id).map((m) => m.seq));
  let seq = 0;
  while (held.has(seq + 1)) seq++;
  return seq;
}

/** The company's messages after `mark` (all of them without one, or when it is not held). */
export function unseenAfter(
  messages: readonly ChatMessage[],
  mark: LogMark | undefined,
): ChatMessage[] {
  const at = mark
    ? messages.findIndex((m) => m.conversationId === mark[0] && m.seq === mark[1])
    : -1;
  return messages.slice(at + 1).filter(fromCompany);
}

/** The highest seq of the company's messages in conversation `id` (0: none). */
export function lastFromCompany(messages: readonly ChatMessage[], id: string): number {
  return Math.max(
    0,
    ...messages.filter((m) => m.conversationId === id && fromCompany(m)).map((m) => m.seq),
  );
}
