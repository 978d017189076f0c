/**
 * One stored message in the chat's log: who wrote it (for screen readers), its text with only
 * http(s) addresses as links, its time and, under the visitor's own, whether the operator has
 * read it.
 */
import type { ChatMessage, VisitorConversation } from '@frontdesk/config';
import { linkify } from '@frontdesk/core';
import type { ChatMessages } from './chat-messages';

/** Props of {@link Bubble}. */
export interface BubbleProps {
  message: ChatMessage;
  /** The visitor's conversation as it stands: its operator's read mark. */
  conversation: VisitorConversation | null;
  texts: ChatMessages;
  /** Formats the message's time. */
  time: Intl.DateTimeFormat;
}

/** A stored message; see the module comment. */
export function Bubble({ message, conversation, texts: m, time }: BubbleProps) {
  const who =
    message.author === 'visitor'
      ? m.you
      : message.author === 'auto'
        ? m.auto
        : (message.operator?.name ?? m.operator);
  const at = new Date(message.at);
  const read =
    conversation?.id === message.conversationId && message.seq <= conversation.readByOperatorSeq;
  return (
    <div class="bubble" data-author={message.author}>
      <span class="sr-only">{who}: </span>
      <p class="words">{linkify(message.text)}</p>
      <span class="meta">
        <time dateTime={message.at}>{Number.isNaN(at.getTime()) ? '' : time.format(at)}</time>
        {message.author === 'visitor' ? ` · ${read ? m.read : m.sent}` : ''}
      </span>
    </div>
  );
}

/** Props of {@link UnsentBubble}. */
export interface UnsentBubbleProps {
  text: string;
  /** "You", for screen readers. */
  you: string;
  /** Its state: sending, waiting for the network, or why it was refused. */
  meta: string;
  /** Refused for good (shown as typed, no links), else waiting in the outbox. */
  failed?: boolean;
}

/** One of the visitor's messages not stored: waiting in the outbox, or refused for good. */
export function UnsentBubble({ text, you, meta, failed }: UnsentBubbleProps) {
  return (
    <div
      class="bubble"
      data-author="visitor"
      {...(failed ? { 'data-failed': '' } : { 'data-pending': '' })}
    >
      <span class="sr-only">{you}: </span>
      <p class="words">{failed ? text : linkify(text)}</p>
      <span class="meta">{meta}</span>
    </div>
  );
}
