/** Chat widgets and visitor clients of `/chat` for the chat tests. */
import { randomUUID } from 'node:crypto';
import {
  type ChatAuth,
  type ChatSettings,
  type ChatWelcome,
  defaultSettings,
  type Receiver,
} from '@frontdesk/config';
import type { Conversation, Store, Widget } from '@frontdesk/platform';
import { templates } from '@frontdesk/schedule';
import { io } from 'socket.io-client';
import type { TestPlatform } from './platform';
import { type WatchedSocket, watch } from './socket-events';

/** The origin the test chat widgets allow. */
export const SHOP = 'https://shop.example';

/** Site-chat settings of a test widget, over the defaults. */
export type SitePatch = Partial<ChatSettings['channels']['site']>;

/**
 * A chat widget of the test account, open 24/7 unless `settings` says otherwise (so no test
 * depends on the time of day), allowed on {@link SHOP}, with `site` over its site-chat settings.
 */
export function chatWidget(
  t: TestPlatform,
  site: SitePatch = {},
  settings: Partial<ChatSettings> = {},
): Promise<Widget> {
  const defaults = defaultSettings('chat') as ChatSettings;
  const chat: ChatSettings = {
    ...defaults,
    allowedOrigins: [SHOP],
    schedule: { ...defaults.schedule, week: templates.always, holidays: false },
    ...settings,
  };
  return t.platform.store.widgets.create({
    accountId: t.accountId,
    type: 'chat',
    name: 'Site chat',
    settings: {
      ...chat,
      channels: { ...chat.channels, site: { ...chat.channels.site, ...site } },
    },
    now: t.clock().getTime(),
  });
}

/** A connected visitor socket with its `welcome`. */
export interface VisitorClient extends WatchedSocket {
  welcome: ChatWelcome;
}

/** Where a test client connects from: another loopback address than 127.0.0.1, say. */
export interface FromAddress {
  localAddress?: string;
}

/** Connects a visitor to `/chat` (from {@link SHOP} unless `origin` says otherwise). */
export async function connectVisitor(
  url: string,
  auth: ChatAuth,
  origin: string | null = SHOP,
  from: FromAddress = {},
): Promise<VisitorClient> {
  const socket = io(`${url}/chat`, {
    transports: ['websocket'],
    auth,
    ...(origin ? { extraHeaders: { origin } } : {}),
    forceNew: true,
    reconnection: false,
    ...from,
  });
  const client = watch(socket);
  const welcome = await new Promise<ChatWelcome>((resolve, reject) => {
    socket.once('connect_error', reject);
    client.next<ChatWelcome>('welcome').then(resolve, reject);
  });
  return { ...client, welcome };
}

/** What a refused handshake says: the code (`connect_error`'s message) and its `data`. */
export async function refusalOf(
  url: string,
  auth: unknown,
  origin: string = SHOP,
  from: FromAddress = {},
): Promise<{ code: string; data: unknown }> {
  const socket = io(`${url}/chat`, {
    transports: ['websocket'],
    auth: auth as ChatAuth,
    extraHeaders: { origin },
    forceNew: true,
    reconnection: false,
    ...from,
  });
  try {
    return await new Promise((resolve, reject) => {
      socket.once('connect_error', (error: Error & { data?: unknown }) =>
        resolve({ code: error.message, data: error.data }),
      );
      socket.once('connect', () => reject(new Error('the handshake was accepted')));
    });
  } finally {
    socket.close();
  }
}

/** The code a refused handshake names (`connect_error`'s message). */
export async function refusedWith(
  url: string,
  auth: unknown,
  origin: string = SHOP,
  from: FromAddress = {},
): Promise<string> {
  return (await refusalOf(url, auth, origin, from)).code;
}

/**
 * A conversation opened in the store, as a new visitor's first message (`text`, at `now`) to
 * `receiver` opens one — without a socket, for tests that need many.
 */
export async function storedConversation(
  store: Store,
  widget: Pick<Widget, 'id' | 'accountId'>,
  receiver: Receiver | null,
  { now, text = 'Hello' }: { now: number; text?: string },
): Promise<Conversation> {
  const visitor = await store.chatVisitors.create({
    accountId: widget.accountId,
    widgetId: widget.id,
    tokenHash: `stored-${randomUUID()}`,
    timeZone: null,
    now,
  });
  const sent = await store.chatMessages.visitorSend({
    visitor,
    widgetId: widget.id,
    clientId: randomUUID(),
    text,
    page: null,
    now,
    receiver,
    autoReplies: [],
    email: null,
  });
  return sent.conversation;
}
