/**
 * The chat's message log (`role="log"`: new messages are announced politely) — the stored
 * messages, then the visitor's still in the outbox, then those the platform refused — and the
 * status line under it: the operator typing, the connection, or the platform's refusal.
 */
import { type CoreMessages, errorText } from '@frontdesk/core';
import type { Ref } from 'preact';
import { Bubble, UnsentBubble } from './chat-bubble';
import type { ChatMessages } from './chat-messages';
import type { ChatState } from './chat-state';

/** Id of the log. */
const LOG_ID = 'fd-chat-log';

/** Props of {@link ChatLog}. */
export interface ChatLogProps {
  chat: ChatState;
  texts: ChatMessages;
  core: CoreMessages;
  /** Formats the messages' times. */
  time: Intl.DateTimeFormat;
  logRef: Ref<HTMLDivElement>;
}

/** The log, its empty hint and the status line; see the module comment. */
export function ChatLog({ chat, texts: m, core, time, logRef }: ChatLogProps) {
  const offline = chat.connection !== 'online';
  return (
    <>
      <div
        ref={logRef}
        id={LOG_ID}
        class="log"
        role="log"
        aria-live="polite"
        aria-label={m.log}
        // A scrolling region must be reachable by keyboard, to scroll it with the arrow keys.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: see the line above
        tabIndex={0}
      >
        {chat.messages.map((message) => (
          <Bubble
            key={message.id}
            message={message}
            conversation={chat.conversation}
            texts={m}
            time={time}
          />
        ))}
        {chat.pending.map((message) => (
          <UnsentBubble
            key={message.clientId}
            text={message.text}
            you={m.you}
            meta={offline ? m.waiting : m.sending}
          />
        ))}
        {chat.failed.map((message) => (
          <UnsentBubble
            key={message.clientId}
            text={message.text}
            you={m.you}
            meta={`${m.notSent}: ${errorText(core, message.code)}`}
            failed
          />
        ))}
      </div>
      {chat.messages.length + chat.pending.length === 0 ? <p class="hint">{m.empty}</p> : null}
      <p class="status" aria-live="polite">
        {chat.operatorTyping
          ? m.typing
          : chat.connection === 'refused'
            ? errorText(core, chat.refusal ?? 'unknown')
            : chat.connection === 'connecting' || chat.connection === 'offline'
              ? m.connecting
              : ''}
      </p>
    </>
  );
}
