/**
 * A chat as the page shows it, kept from the sandbox's event stream: the snapshot it starts
 * with, then each message, edit, typing, button answer and block as it comes.
 */
import type { ChatMessage, ChatSnapshot, TelegramEvent } from './control-types';

/** How long Telegram shows a chat action ("typing…") unless a message ends it sooner. */
export const TYPING_MS = 5000;

/** What the chat screen shows. */
export interface ChatView {
  /** Undefined until the snapshot has come. */
  messages?: ChatMessage[];
  blocked: boolean;
  /** Since when the bot is "typing" (ms since the epoch, by the page's clock), if it is. */
  typingSince?: number;
  /** The last button answer to show: a notice, or an alert. */
  answer?: { text: string; alert: boolean };
}

/** Nothing known yet. */
export const EMPTY_CHAT: ChatView = { blocked: false };

/** The chat after the stream's first event. */
export function fromSnapshot(snapshot: ChatSnapshot): ChatView {
  return { messages: snapshot.messages, blocked: snapshot.blocked };
}

/** The chat after `event`, which came at `now`. */
export function applyEvent(view: ChatView, event: TelegramEvent, now: number): ChatView {
  switch (event.type) {
    case 'message': {
      const fromBot = event.entry.sender === 'bot';
      return {
        ...view,
        messages: [...(view.messages ?? []), event.entry],
        ...(fromBot ? { typingSince: undefined } : {}),
      };
    }
    case 'edited':
      return {
        ...view,
        messages: (view.messages ?? []).map((entry) =>
          entry.message.message_id === event.entry.message.message_id ? event.entry : entry,
        ),
      };
    case 'typing':
      return { ...view, typingSince: now };
    case 'callback-answer':
      return event.text ? { ...view, answer: { text: event.text, alert: event.showAlert } } : view;
    case 'blocked':
      return { ...view, blocked: event.blocked };
    default:
      return view;
  }
}

/** Whether the bot shows as typing at `now`. */
export function isTyping(view: ChatView, now: number): boolean {
  return view.typingSince !== undefined && now - view.typingSince < TYPING_MS;
}
