/**
 * VK end to end in Chromium, as production runs it: the platform behind a TLS front (a throwaway
 * CA; PUBLIC_URL its https), the console loaded through it, and the sandbox's VK in both of the
 * community's modes — the Bots Long Poll the platform reads itself, and the Callback API the
 * platform set up at the front (the confirmation answered, the secret on every event). A VK user
 * writes on the sandbox's VK page → the operator sees it in the console → replies (the user sees
 * "typing…" while the operator types) → the user reads the reply, sent once. A visitor of the
 * site chat goes on in VK through the widget's "Continue in VK": the operator keeps one
 * conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MessengerSandbox,
  VkCommunity,
  VkEvent,
} from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import type { Stage } from './harness.ts';
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
let stage: Stage;
/** The community read by long poll, and the chat widget whose VK channel it is. */
let polled: VkCommunity;
let polledKey: string;
/** The community heard by the Callback API. */
let called: VkCommunity;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => ({ VK_API_URL: sandbox.vk.apiUrl }));
  ({ front, sandbox, stage } = messengers);
  const connect = (community: VkCommunity, mode: 'longpoll' | 'callback') =>
    messengerChat(messengers, {
      vk: {
        enabled: true,
        receiver: null,
        groupId: community.screenName,
        accessToken: community.token,
        mode,
      },
    });
  polled = sandbox.vk.createCommunity({ name: 'Shop', screenName: 'frontdesk_shop' });
  called = sandbox.vk.createCommunity({ name: 'Shop', screenName: 'frontdesk_shop_cb' });
  polledKey = await connect(polled, 'longpoll');
  await connect(called, 'callback');
});

afterAll(() => messengers?.stop());

/** How many times `community` sent `text` while `during` ran. */
async function timesSent(
  community: VkCommunity,
  text: string,
  during: () => Promise<void>,
): Promise<number> {
  let times = 0;
  const count = (event: VkEvent) => {
    if (event.type === 'message' && event.community === community.screenName) {
      if (event.entry.from === 'community' && event.entry.text === text) times += 1;
    }
  };
  const unsubscribe = sandbox.vk.subscribe(count);
  try {
    await during();
    // The outbox has nothing more to send it again.
    await stage.platform.platform.workers.deliverReplies();
  } finally {
    unsubscribe();
  }
  return times;
}

describe('VK through a TLS front', () => {
  it('carries a user’s message to the console and the reply back, by Bots Long Poll', async () => {
    await expect
      .poll(() => sandbox.vk.delivery(polled).longPoll.enabled, { timeout: 20_000 })
      .toBe(true);
    const answer = 'We do, from 10 to 16.';
    const times = await timesSent(polled, answer, () =>
      messengerJourney(messengers, {
        customerUrl: `${sandbox.vk.linkBase}/${polled.screenName}`,
        channel: 'VK',
        first: 'Do you deliver on Sundays?',
        answer,
        // The operator's typing shows in VK (messages.setActivity).
        whileTyping: (customer) => customer.getByText('Shop is typing…').waitFor(),
      }),
    );
    expect(times).toBe(1);
  });

  it('carries a user’s message to the console and the reply back, by the Callback API', async () => {
    // The community's lease holder added the front's route, and VK confirmed it by its code.
    await expect
      .poll(() => sandbox.vk.delivery(called).servers, { timeout: 20_000 })
      .toEqual([
        {
          url: expect.stringMatching(
            new RegExp(`^${front.url}/v1/channels/vk/[0-9a-f]{24}/callback$`),
          ),
          status: 'ok',
          events: ['message_new'],
          pending: 0,
        },
      ]);
    const answer = 'Until 20:00 today.';
    const times = await timesSent(called, answer, () =>
      messengerJourney(messengers, {
        customerUrl: `${sandbox.vk.linkBase}/${called.screenName}`,
        channel: 'VK',
        first: 'Is the shop open today?',
        answer,
      }),
    );
    expect(times).toBe(1);
    // Every event reached the route and was answered ok.
    expect(sandbox.vk.delivery(called).servers.map((server) => server.pending)).toEqual([0]);
  });

  it('goes on in VK from the site chat’s “Continue in VK”, one conversation for the operator', async () => {
    await handoffJourney(messengers, { widgetKey: polledKey, channel: 'VK' });
  });
});
