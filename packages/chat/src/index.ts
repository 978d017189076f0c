/**
 * @frontdesk/chat — the multichannel chat widget for visitors: the chat on the site over
 * socket.io (`/chat`, see packages/platform/CHAT.md), hand-off buttons to the connected
 * messengers, and the callback form in a tab of its own. `start` is what the loader calls; the
 * browser build's entry `chat.js` is `start.ts` alone: the window, the session with
 * socket.io-client, the callback tab and the lead generator are chunks loaded when needed.
 * The rest of this door is for the Studio's preview, the console and tests.
 */
export { callbackConfigOf } from './callback-tab';
export { TITLE_ID } from './chat-header';
export type { ChatMessages, Texts } from './chat-messages';
export { loadTexts } from './chat-messages';
export { createChatSession } from './chat-session';
export type { ChatSocket, ConnectChat } from './chat-socket';
export type {
  ChatSession,
  ChatSessionOptions,
  ChatState,
  Connection,
  FailedMessage,
  KeptMessage,
} from './chat-state';
export type { ChatWidgetProps } from './chat-widget';
export { ChatWidget } from './chat-widget';
export type { ContactForm, ContactFormProps, MountContactForm } from './contact-form';
export { loadContactForm } from './contact-form';
export type { ContactMessages } from './contact-messages';
export { isHandoffUrl, MESSENGERS, openHandoff } from './handoff';
export type { Ringer } from './sound';
export { createRinger } from './sound';
export { start } from './start';
