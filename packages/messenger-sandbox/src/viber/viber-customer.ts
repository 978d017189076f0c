/**
 * What a Viber user does, as the bot's webhook then hears it: opens the bot's chat (from a
 * `viber://pa?chatURI=…&context=…` link: `conversation_started` with the context), writes (a
 * `message`; writing subscribes them), presses a keyboard button (a reply button sends its
 * ActionBody as the user's message), subscribes and unsubscribes. And what the bot sends.
 */
import { ControlError } from '../control-error';
import type { ViberChatMessage, ViberKeyboard, ViberUser } from './viber-model';
import type { ViberBotState, ViberChat, ViberState } from './viber-state';

/** The most a user's message holds here (the API's own limit for the bot's). */
const MAX_USER_TEXT = 7000;

/** The user as callbacks describe them. */
export function userOf(user: ViberUser) {
  return {
    id: user.id,
    name: user.name,
    avatar: '',
    language: user.language,
    country: user.country,
    api_version: 10,
  };
}

/** Adds a message to the chat and tells the page. */
function add(viber: ViberState, state: ViberBotState, chat: ViberChat, entry: ViberChatMessage) {
  chat.messages.push(entry);
  viber.emit({ type: 'message', bot: state.bot.uri, userId: chat.user.id, entry });
  return entry;
}

/** The bot's message (send_message accepted it). */
export function botMessage(
  viber: ViberState,
  state: ViberBotState,
  chat: ViberChat,
  text: string,
  senderName: string,
  keyboard: ViberKeyboard | undefined,
): ViberChatMessage {
  const entry: ViberChatMessage = {
    sender: 'bot',
    token: viber.newToken(),
    text,
    timestamp: viber.clock().getTime(),
    senderName,
    ...(keyboard ? { keyboard } : {}),
  };
  return add(viber, state, chat, entry);
}

/** The user opens the bot's chat, through a link carrying `context` or not. */
export function userOpens(
  viber: ViberState,
  state: ViberBotState,
  user: ViberUser,
  context?: string,
): void {
  if (context !== undefined && !/^[\x20-\x7e]{1,256}$/.test(context)) {
    throw new ControlError(400, 'invalid', 'context must be 1–256 printable ASCII', 'context');
  }
  const chat = viber.openChat(state, user);
  viber.queue(state, 'conversation_started', {
    type: 'open',
    ...(context !== undefined ? { context } : {}),
    user: userOf(user),
    subscribed: chat.subscribed,
  });
}

/** The user writes `text`: a `message` callback; the user is subscribed from now on. */
export function userWrites(
  viber: ViberState,
  state: ViberBotState,
  user: ViberUser,
  text: string,
): ViberChatMessage {
  if (text.trim() === '') throw new ControlError(400, 'invalid', 'text must not be empty', 'text');
  if (text.length > MAX_USER_TEXT) {
    throw new ControlError(
      400,
      'invalid',
      `text must be at most ${MAX_USER_TEXT} characters`,
      'text',
    );
  }
  const chat = viber.openChat(state, user);
  chat.subscribed = true;
  const entry = add(viber, state, chat, {
    sender: 'customer',
    token: viber.newToken(),
    text,
    timestamp: viber.clock().getTime(),
  });
  viber.queue(state, 'message', {
    message_token: entry.token,
    sender: userOf(user),
    message: { type: 'text', text },
    silent: false,
  });
  return entry;
}

/**
 * The user presses the button carrying `actionBody` of the keyboard the bot's last message
 * shows (Viber shows the latest keyboard only): its ActionBody comes as the user's message.
 * @throws {ControlError} 400 when the keyboard shown has no such button.
 */
export function userPresses(
  viber: ViberState,
  state: ViberBotState,
  userId: string,
  actionBody: string,
): ViberChatMessage {
  const chat = viber.chat(state, userId);
  const shown = chat.messages.findLast((m) => m.sender === 'bot')?.keyboard;
  if (
    !shown?.Buttons.some(
      (b) => b.ActionBody === actionBody && (b.ActionType ?? 'reply') === 'reply',
    )
  ) {
    throw new ControlError(
      400,
      'no_button',
      'The keyboard shown has no such button.',
      'actionBody',
    );
  }
  return userWrites(viber, state, chat.user, actionBody);
}

/** The user subscribes to (or unsubscribes from) the bot. */
export function setSubscribed(
  viber: ViberState,
  state: ViberBotState,
  user: ViberUser,
  subscribed: boolean,
): void {
  const chat = viber.openChat(state, user);
  if (chat.subscribed === subscribed) return;
  chat.subscribed = subscribed;
  viber.queue(
    state,
    subscribed ? 'subscribed' : 'unsubscribed',
    subscribed ? { user: userOf(user) } : { user_id: user.id },
  );
  viber.emit({ type: 'subscribed', bot: state.bot.uri, userId: user.id, subscribed });
}
