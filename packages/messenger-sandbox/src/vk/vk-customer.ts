/**
 * What a VK user does, as the community then hears it (message_new): opens the community's chat
 * (from a `vk.me/<community>?ref=…` link: the ref rides on their next message, with
 * `ref_source`), writes (writing allows the community's messages; with attachments or a place:
 * vk-media.ts), forbids the community's messages. And what the community sends (messages.send).
 */
import { unixTime } from '../clock';
import { ControlError } from '../control-error';
import type { VkAttachment, VkButton, VkChatMessage, VkGeo, VkUser } from './vk-model';
import type { VkChat, VkCommunityState, VkState } from './vk-state';

/** The most text one message holds (messages.send's own limit). */
export const MAX_VK_TEXT = 4096;

/** Adds a message to the chat and tells the page. */
function add(vk: VkState, state: VkCommunityState, chat: VkChat, entry: VkChatMessage) {
  chat.messages.push(entry);
  vk.emit({ type: 'message', community: state.community.screenName, userId: chat.user.id, entry });
  return entry;
}

/** A new message of the chat, numbered as VK numbers them. */
function entryOf(
  vk: VkState,
  state: VkCommunityState,
  chat: VkChat,
  fields: Pick<VkChatMessage, 'from' | 'text'> & Partial<VkChatMessage>,
): VkChatMessage {
  return {
    id: state.nextMessageId++,
    conversationMessageId: chat.messages.length + 1,
    date: unixTime(vk.clock),
    ...fields,
  };
}

/** The community's message (messages.send accepted it). */
export function communityMessage(
  vk: VkState,
  state: VkCommunityState,
  chat: VkChat,
  text: string,
  randomId: number,
  keyboard: VkButton[] | undefined,
): VkChatMessage {
  return add(
    vk,
    state,
    chat,
    entryOf(vk, state, chat, {
      from: 'community',
      text,
      randomId,
      ...(keyboard ? { keyboard } : {}),
    }),
  );
}

/**
 * The user presses the button carrying `payload` of the keyboard the community's last message
 * shows: its label comes as their message, with the payload.
 * @throws {ControlError} 400 when the keyboard shown has no such button.
 */
export function userPresses(
  vk: VkState,
  state: VkCommunityState,
  userId: number,
  payload: string,
): VkChatMessage {
  const chat = vk.chat(state, userId);
  const shown = chat.messages.findLast((m) => m.from === 'community')?.keyboard;
  const button = shown?.find((b) => b.payload === payload);
  if (!button) {
    throw new ControlError(400, 'no_button', 'The keyboard shown has no such button.', 'payload');
  }
  return userWrites(vk, state, chat.user, button.label, { payload });
}

/** The user opens the community's chat through a link carrying `ref` (or none). */
export function userOpens(
  vk: VkState,
  state: VkCommunityState,
  user: VkUser,
  ref: string | undefined,
): void {
  if (ref !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(ref)) {
    throw new ControlError(400, 'invalid', 'ref must be 1–64 letters, digits, _ or -', 'ref');
  }
  const chat = vk.openChat(state, user);
  if (ref !== undefined) chat.ref = ref;
  else delete chat.ref;
}

/** What a message carries besides its text. */
export interface VkMessageExtras {
  /** Photos, documents, a sticker, a voice message: `text` is their caption. */
  attachments?: VkAttachment[];
  /** The place the user shared (message_new's `geo`). */
  geo?: VkGeo;
  /** The payload of the keyboard button pressed. */
  payload?: string;
  /** What the chat's page shows for it, when not the text (`[photo] caption`). */
  shown?: string;
  /** The URL of the file it carries, kept with the chat's entry. */
  media?: string;
}

/**
 * The user writes `text` (with `extras`): a message_new, carrying the link's ref when this is
 * their first message since opening it.
 */
export function userWrites(
  vk: VkState,
  state: VkCommunityState,
  user: VkUser,
  text: string,
  extras: VkMessageExtras = {},
): VkChatMessage {
  const { attachments = [], geo, payload, shown, media } = extras;
  if (text.trim() === '' && attachments.length === 0 && !geo) {
    throw new ControlError(400, 'invalid', 'text must not be empty', 'text');
  }
  if (text.length > MAX_VK_TEXT) {
    throw new ControlError(
      400,
      'invalid',
      `text must be at most ${MAX_VK_TEXT} characters`,
      'text',
    );
  }
  const chat = vk.openChat(state, user);
  chat.allowed = true;
  const ref = chat.ref;
  delete chat.ref;
  const entry = add(
    vk,
    state,
    chat,
    entryOf(vk, state, chat, {
      from: 'user',
      text: shown ?? text,
      ...(ref ? { ref } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      ...(geo ? { geo } : {}),
      ...(media ? { media } : {}),
      ...(payload ? { payload } : {}),
    }),
  );
  vk.queue(state, 'message_new', {
    message: {
      date: entry.date,
      from_id: user.id,
      id: entry.id,
      out: 0,
      version: entry.id,
      attachments,
      conversation_message_id: entry.conversationMessageId,
      fwd_messages: [],
      important: false,
      is_hidden: false,
      peer_id: user.id,
      random_id: 0,
      text,
      ...(geo ? { geo } : {}),
      ...(payload ? { payload } : {}),
      ...(ref ? { ref, ref_source: 'vk.me' } : {}),
    },
    client_info: {
      button_actions: ['text', 'vkpay', 'open_app', 'location', 'open_link', 'callback'],
      keyboard: true,
      inline_keyboard: true,
      carousel: true,
      lang_id: 0,
    },
  });
  return entry;
}

/** The user forbids (or allows again) the community's messages. */
export function setAllowed(vk: VkState, state: VkCommunityState, user: VkUser, allowed: boolean) {
  vk.openChat(state, user).allowed = allowed;
}
