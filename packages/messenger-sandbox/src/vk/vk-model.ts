/** What the VK sandbox holds: communities, the users who write to them, their chats. */

/** A community made through the control API. */
export interface VkCommunity {
  /** The community's id (positive; its peer id in messages is the negative). */
  id: number;
  /** The community access token (rights: messages, manage). */
  token: string;
  name: string;
  /** The short name: `vk.me/<screenName>`. */
  screenName: string;
}

/** A VK user the test or the person at the page plays. */
export interface VkUser {
  /** The user's id: their peer id in a community's chats too. */
  id: number;
  firstName: string;
  lastName: string;
}

/** An attachment of a user's message, as message_new carries it (the kinds the sandbox makes). */
export interface VkAttachment {
  type: 'photo' | 'doc' | 'sticker' | 'audio_message';
  [field: string]: unknown;
}

/** A place a user shares, as a message's `geo` carries it. */
export interface VkGeo {
  type: 'point';
  coordinates: { latitude: number; longitude: number };
}

/** A message of a chat, either way. */
export interface VkChatMessage {
  from: 'user' | 'community';
  /** The message's id in the community's messages. */
  id: number;
  /** The message's number in its conversation. */
  conversationMessageId: number;
  text: string;
  /** Unix seconds, as VK writes dates. */
  date: number;
  /** The community's `random_id` of a message it sent. */
  randomId?: number;
  /** The hand-off's `ref` the first message from a `vk.me/<community>?ref=…` link carries. */
  ref?: string;
  attachments?: VkAttachment[];
  geo?: VkGeo;
  /** A user's file's URL (a photo's largest size, a document's), as message_new carried it. */
  media?: string;
  /** The keyboard the community's message shows: its text buttons. */
  keyboard?: VkButton[];
  /** The payload of the button the user pressed to send this. */
  payload?: string;
}

/** A text button of a community's keyboard. */
export interface VkButton {
  label: string;
  payload?: string;
}

/** What happens, for the page's event stream and for tests. */
export type VkEvent =
  | { type: 'message'; community: string; userId: number; entry: VkChatMessage }
  /** messages.setActivity: the community is typing to the user. */
  | { type: 'typing'; community: string; userId: number }
  /** A Bots Long Poll request (`a_check`) reached the server. */
  | { type: 'long-poll'; community: string; ts: number }
  /** A callback server answered an event with `ok`. */
  | { type: 'callback-delivered'; community: string; eventId: string }
  /** A callback event failed (it will be retried). */
  | { type: 'callback-error'; community: string; eventId: string; message: string };
