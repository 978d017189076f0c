/**
 * What a person does on Messenger, as the app's webhook then hears it (`messages`,
 * `messaging_postbacks`, `messaging_referrals`): writes (a message with its `mid`), taps a quick
 * reply (the message carries its payload), follows `m.me/<page>?ref=<ref>` (a new thread: Get
 * Started, a postback with the referral; an existing one: a `referral` event).
 */
import { ControlError } from '../control-error';
import type { FacebookChatMessage, FacebookPerson } from './facebook-model';
import type { FacebookState, PageState } from './facebook-state';

/** The person writes `text` (with a quick reply's `payload` when they tapped one). */
export function personWrites(
  facebook: FacebookState,
  state: PageState,
  person: FacebookPerson,
  text: string,
  payload?: string,
): FacebookChatMessage {
  if (text.trim() === '') throw new ControlError(400, 'invalid', 'text must not be empty', 'text');
  return personSends(facebook, state, person, text, {
    text,
    ...(payload !== undefined ? { quick_reply: { payload } } : {}),
  });
}

/**
 * Adds the person's message (`shown` on the page; `media`, the URL of its file) to the thread
 * and queues its `messages` event, `message` with its new `mid`.
 */
export function personSends(
  facebook: FacebookState,
  state: PageState,
  person: FacebookPerson,
  shown: string,
  message: Record<string, unknown>,
  media?: string,
): FacebookChatMessage {
  const thread = facebook.thread(state, person);
  const now = facebook.clock().getTime();
  thread.lastCustomerAt = now;
  const entry: FacebookChatMessage = {
    sender: 'customer',
    mid: facebook.newMid(),
    text: shown,
    timestamp: now,
    ...(media ? { media } : {}),
  };
  thread.messages.push(entry);
  facebook.emit({ type: 'message', page: state.page.id, psid: person.psid, entry });
  facebook.queue(state, 'messages', {
    sender: { id: person.psid },
    recipient: { id: state.page.id },
    timestamp: now,
    message: { mid: entry.mid, ...message },
  });
  return entry;
}

/**
 * The person taps the quick reply with `payload` under the page's last message (Messenger shows
 * the last one's only).
 * @throws {ControlError} 400 when it has no such quick reply.
 */
export function personTaps(
  facebook: FacebookState,
  state: PageState,
  psid: string,
  payload: string,
): FacebookChatMessage {
  const thread = state.threads.get(psid);
  const shown = thread?.messages.findLast((m) => m.sender === 'page')?.quickReplies;
  const reply = shown?.find((r) => r.payload === payload);
  if (!thread || !reply) {
    throw new ControlError(
      400,
      'no_button',
      'The last message has no such quick reply.',
      'payload',
    );
  }
  return personWrites(facebook, state, thread.person, reply.title, payload);
}

/** The person follows `m.me/<page>?ref=<ref>`: Get Started in a new thread, else a referral. */
export function personOpens(
  facebook: FacebookState,
  state: PageState,
  person: FacebookPerson,
  ref?: string,
): void {
  if (ref !== undefined && !/^[A-Za-z0-9_=+/.-]{1,250}$/.test(ref)) {
    throw new ControlError(400, 'invalid', 'ref must be 1–250 of A–Z a–z 0–9 _ = + / . -', 'ref');
  }
  const fresh = !state.threads.has(person.psid);
  const thread = facebook.thread(state, person);
  const now = facebook.clock().getTime();
  thread.lastCustomerAt = now;
  const referral = ref ? { ref, source: 'SHORTLINK', type: 'OPEN_THREAD' } : undefined;
  const base = { sender: { id: person.psid }, recipient: { id: state.page.id }, timestamp: now };
  if (fresh) {
    facebook.queue(state, 'messaging_postbacks', {
      ...base,
      postback: {
        title: 'Get Started',
        payload: 'GET_STARTED',
        mid: facebook.newMid(),
        ...(referral ? { referral } : {}),
      },
    });
  } else if (referral) {
    facebook.queue(state, 'messaging_referrals', { ...base, referral });
  }
}
