/** What the Viber sandbox holds: bots (public accounts), the users who write to them, their chats. */

/** A bot made through the control API. */
export interface ViberSandboxBot {
  /** The account's id (`pa:<number>`), as get_account_info reports it. */
  id: string;
  /** The auth token: `X-Viber-Auth-Token`, and the key of the callbacks' signatures. */
  token: string;
  /** The account's display name. */
  name: string;
  /** The chat URI: `viber://pa?chatURI=<uri>`. */
  uri: string;
}

/** A Viber user the test or the person at the page plays. */
export interface ViberUser {
  /** Viber's id of the user for this bot: 24 characters of base64. */
  id: string;
  name: string;
  /** ISO 639-1, as the user's phone reports it. */
  language: string;
  /** ISO 3166 alpha-2. */
  country: string;
}

/** A keyboard button, as send_message carries it (the fields the sandbox reads). */
export interface ViberButton {
  ActionType?: string;
  ActionBody: string;
  Text?: string;
  Columns?: number;
  Rows?: number;
}

/** A Viber keyboard. */
export interface ViberKeyboard {
  Type: 'keyboard';
  Buttons: ViberButton[];
  DefaultHeight?: boolean;
}

/** A message of a chat, either way. */
export interface ViberChatMessage {
  sender: 'customer' | 'bot';
  /** The message's token (a 64-bit number, as text: it does not fit a JSON number exactly). */
  token: string;
  text: string;
  /** Epoch milliseconds, as Viber's `timestamp`. */
  timestamp: number;
  /** A customer's file's URL (a picture's, a file's), as the callback carried it. */
  media?: string;
  /** The bot's `sender.name` of this message. */
  senderName?: string;
  keyboard?: ViberKeyboard;
}

/** What happens, for the page's event stream and for tests. */
export type ViberEvent =
  | { type: 'message'; bot: string; userId: string; entry: ViberChatMessage }
  | { type: 'subscribed'; bot: string; userId: string; subscribed: boolean }
  /** The webhook answered a callback with 200. */
  | { type: 'callback-delivered'; bot: string; event: string; messageToken: string }
  /** A callback failed (it will be retried). */
  | { type: 'callback-error'; bot: string; event: string; messageToken: string; message: string };
