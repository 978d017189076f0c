/**
 * The Studio's preview: a socket that never leaves the page. It greets like the platform, holds
 * a short sample conversation and stores what the marketer types, so the window looks and
 * behaves as it will on a site.
 */
import type { ChatMessage, Presence } from '@frontdesk/config';
import type { ConnectChat } from './chat-socket';

/**
 * A preview connection: `working` as the preview's variant, `presence` as who can answer (the
 * contact form shows while nobody can, and "saves" what is typed); the two sample texts.
 */
export function previewSocket(
  working: boolean,
  presence: Presence,
  sample: { visitor: string; operator: string },
): ConnectChat {
  return () => {
    const at = new Date().toISOString();
    const message = (seq: number, author: ChatMessage['author'], text: string): ChatMessage => ({
      id: `preview-${seq}`,
      conversationId: 'preview',
      seq,
      clientId: null,
      author,
      text,
      at,
    });
    const messages = [
      message(1, 'visitor', sample.visitor),
      message(2, 'operator', sample.operator),
    ];
    const conversation = () => ({
      id: 'preview',
      status: 'open' as const,
      lastSeq: messages.length,
      readByOperatorSeq: messages.length,
      ratingOffered: false,
      rating: null,
    });
    const listeners = new Map<string, (payload: unknown) => void>();
    const socket = {
      connected: true,
      active: true,
      on: (event: string, listener: (payload: unknown) => void) => listeners.set(event, listener),
      emit(event: string, payload: unknown, ack?: (answer: unknown) => void) {
        if (event === 'sync') {
          ack?.({ ok: true, conversation: conversation(), messages });
        } else if (event === 'send') {
          const sent = payload as { clientId: string; text: string };
          const stored = {
            ...message(messages.length + 1, 'visitor', sent.text),
            clientId: sent.clientId,
          };
          messages.push(stored);
          ack?.({ ok: true, message: stored });
        } else if (event === 'leave-contact') ack?.({ ok: true });
        else ack?.({ ok: false, error: { code: 'preview', message: 'Preview only.' } });
      },
      connect() {},
      disconnect() {},
    };
    queueMicrotask(() =>
      listeners.get('welcome')?.({
        visitorToken: 'preview',
        conversation: conversation(),
        working,
        presence,
        contact: null,
      }),
    );
    return socket;
  };
}
