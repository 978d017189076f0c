/**
 * Viber end to end in Chromium, as production runs it: the platform behind a TLS front (a
 * throwaway CA; PUBLIC_URL is the front's https), the console loaded through it, the sandbox's
 * Viber calling the webhook the platform set (its signed check answered) and signing every
 * callback. A customer writes on the sandbox's Viber page → the operator sees it in the console
 * → replies → the customer reads the reply on the page. A visitor of the site chat goes on in
 * Viber through the widget's "Continue in Viber": the operator keeps one conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MessengerSandbox,
  ViberSandboxBot,
} from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import {
  handoffJourney,
  type MessengerStage,
  messengerChat,
  messengerJourney,
  startMessengerStage,
} from './messenger-stage.ts';

let messengers: MessengerStage;
let front: TlsFront;
let sandbox: MessengerSandbox;
/** The chat widget whose Viber channel is the bot. */
let widgetKey: string;
let bot: ViberSandboxBot;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => ({ VIBER_API_URL: sandbox.viber.apiUrl }));
  ({ front, sandbox } = messengers);
  bot = sandbox.viber.createBot({ name: 'Shop', uri: 'frontdesk_shop' });
  widgetKey = await messengerChat(messengers, {
    viber: { enabled: true, receiver: null, botToken: bot.token, botName: bot.name, uri: bot.uri },
  });
});

afterAll(() => messengers?.stop());

describe('Viber through a TLS front', () => {
  it('carries a customer’s message to the console and the reply back', async () => {
    // The bot's lease holder sets the webhook at the front; the sandbox checked it, signed.
    await expect
      .poll(() => sandbox.viber.webhook(bot).url)
      .toMatch(new RegExp(`^${front.url}/v1/channels/viber/[0-9a-f]{24}/webhook$`));
    await messengerJourney(messengers, {
      customerUrl: `${sandbox.viber.linkBase}/${bot.uri}`,
      channel: 'Viber',
      first: 'Do you deliver on Sundays?',
      answer: 'We do, from 10 to 16.',
    });
    // Every callback reached the webhook: none waits, none failed.
    expect(sandbox.viber.webhook(bot)).toEqual({ url: sandbox.viber.webhook(bot).url, pending: 0 });
  });

  it('goes on in Viber from the site chat’s “Continue in Viber”, one conversation for the operator', async () => {
    await handoffJourney(messengers, { widgetKey, channel: 'Viber' });
  });
});
