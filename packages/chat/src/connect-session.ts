/**
 * Starts the chat session for a widget (its own chunk, loaded when the visitor opens the chat
 * or comes back with a conversation): socket.io-client for a real widget, the in-page preview
 * socket for the Studio (each a chunk of its own), and the one-tab sound of new operator messages.
 */
import {
  type ConsentStorage,
  createConsentStorage,
  type Locale,
  pageInfo,
  type WidgetHost,
} from '@frontdesk/core';
import type { Texts } from './chat-messages';
import { createChatSession } from './chat-session';
import type { ChatSession } from './chat-state';
import { createRinger } from './sound';

/** A storage area that refuses every use: the preview keeps nothing. */
const nowhere = (): Storage => {
  throw new Error('The preview keeps nothing.');
};

/**
 * A started session of `host`'s widget over `storage`, speaking `locale` (see the module
 * comment), keeping the visitor's token of the account tagged `accountTag`.
 */
export async function connectSession(
  host: WidgetHost,
  storage: ConsentStorage,
  texts: Texts,
  accountTag: string | undefined,
  locale: Locale,
): Promise<ChatSession> {
  // Each its own chunk: a visitor's chat never loads the Studio's sample conversation.
  const connect = host.preview
    ? (await import('./preview-socket')).previewSocket(
        host.preview === 'working',
        host.presence ?? 'online',
        { visitor: texts.chat.sampleVisitor, operator: texts.chat.sampleOperator },
      )
    : (await import('./socket-io')).socketIo(host.api);
  const session = createChatSession({
    key: host.key,
    accountTag,
    storage: host.preview ? createConsentStorage(false, nowhere) : storage,
    connect,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    locale,
    page: () => {
      const { url, title } = pageInfo();
      return { url, title };
    },
  });
  if (!host.preview) {
    // A refused handshake is the site owner's to fix (widget off, site not allowed): say so once.
    let told = false;
    session.subscribe(({ connection, refusal }) => {
      if (connection !== 'refused' || told) return;
      told = true;
      host.report(Object.assign(new Error(`chat refused: ${refusal}`), { code: refusal }));
    });
    const ringer = createRinger(host.key);
    session.onIncoming(() => ringer.ring());
    const close = session.close;
    session.close = () => {
      ringer.stop();
      close();
    };
  }
  session.start();
  return session;
}
