/**
 * The chat session of a widget (its own chunk, loaded when the visitor opens the chat or comes
 * back with a conversation): over socket.io-client for a real widget, the in-page preview socket
 * for the Studio (each a chunk of its own, fetched when the session starts), and the one-tab
 * sound of new operator messages. It starts at once for a visitor with a conversation kept (and
 * in the preview); a new visitor's starts when they start writing (see chat-session.ts).
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
import { deferredSocket } from './deferred-socket';
import { createRinger } from './sound';
import { keptConversation } from './storage-keys';

/** A storage area that refuses every use: the preview keeps nothing. */
const nowhere = (): Storage => {
  throw new Error('The preview keeps nothing.');
};

/**
 * The session of `host`'s widget over `storage`, speaking `locale` (see the module comment),
 * keeping the visitor's token of the account tagged `accountTag`.
 */
export function connectSession(
  host: WidgetHost,
  storage: ConsentStorage,
  texts: Texts,
  accountTag: string | undefined,
  locale: Locale,
): ChatSession {
  // Each its own chunk: a visitor's chat never loads the Studio's sample conversation.
  const connect = deferredSocket(() =>
    host.preview
      ? import('./preview-socket').then(({ previewSocket }) =>
          previewSocket(host.preview === 'working', host.presence ?? 'online', {
            visitor: texts.chat.sampleVisitor,
            operator: texts.chat.sampleOperator,
          }),
        )
      : import('./socket-io').then(({ socketIo }) => socketIo(host.api)),
  );
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
  if (host.preview || keptConversation(storage, host.key, accountTag)) session.start();
  return session;
}
