/**
 * VK's Callback API against the sandbox, through a TLS front with a throwaway CA: the lease
 * holder adds the platform's https route as the community's callback server with a secret, and
 * VK confirms it by the code the route answers; each message is stored once however often VK
 * posts it; an event without the right secret is refused with 401 and stores nothing; back in
 * long poll mode the callback server is removed.
 */
import type { ChatMessage, ChatSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { widgetMessages } from '../../../support/channels';
import { engines } from '../../../support/databases';
import { vkSuite, vkUser, vkWidget } from '../../../support/vk';

describe.each(engines)('VK callbacks on $name', (engine) => {
  const suite = vkSuite(engine);

  /** Posts `body` to the community's callback route. */
  const post = (credential: string, body: object) =>
    suite.t.request(`/v1/channels/vk/${credential.slice('vk:'.length)}/callback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('adds a confirmed callback server at the https route and stores each message once', async () => {
    const { widget, community, credential } = await vkWidget(suite, { mode: 'callback' });
    const { sandbox, operator, front, t } = suite;
    expect(sandbox.vk.delivery(community).servers).toEqual([
      {
        url: `${front.url}/v1/channels/vk/${credential.slice(3)}/callback`,
        status: 'ok',
        events: ['message_new'],
        pending: 0,
      },
    ]);
    const anna = vkUser(sandbox);
    const delivered = sandbox.vk.waitForEvent((e) => e.type === 'callback-delivered');
    const sent = sandbox.vk.write(community, anna, 'Hello by callback');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello by callback'),
    ).toMatchObject({ author: 'visitor', channel: 'vk' });
    await delivered;
    expect(await t.platform.store.channels.inbound.has(credential, String(sent.id))).toBe(true);
    // VK posts it again (our `ok` lost on the way): answered ok, not stored again.
    const secret = await t.platform.store.channels.leases.webhookSecret(credential);
    const again = await post(credential, {
      type: 'message_new',
      group_id: community.id,
      event_id: 'again',
      v: '5.199',
      secret,
      object: {
        message: {
          id: sent.id,
          from_id: anna.id,
          peer_id: anna.id,
          text: 'Hello by callback',
          out: 0,
        },
      },
    });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe('ok');
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Hello by callback']);
  });

  it('refuses an event without the right secret with 401 and stores nothing', async () => {
    const { widget, community, credential } = await vkWidget(suite, { mode: 'callback' });
    const secret = (await suite.t.platform.store.channels.leases.webhookSecret(credential)) ?? '';
    const forged = (given: string | undefined) => ({
      type: 'message_new',
      group_id: community.id,
      event_id: 'forged',
      v: '5.199',
      ...(given === undefined ? {} : { secret: given }),
      object: { message: { id: 99, from_id: 700, peer_id: 700, text: 'Forged', out: 0 } },
    });
    for (const given of [undefined, '', `${secret}x`, secret.slice(1)]) {
      const response = await post(credential, forged(given));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: 'Wrong or missing secret.' },
      });
    }
    expect(await widgetMessages(suite.t, widget)).toEqual([]);
  });

  it('removes its callback server when the community goes back to long poll', async () => {
    const { widget, community } = await vkWidget(suite, { mode: 'callback' });
    const { t, sandbox, operator } = suite;
    const settings = widget.settings as ChatSettings;
    const vk = settings.channels.vk as NonNullable<ChatSettings['channels']['vk']>;
    const polled = sandbox.vk.waitForEvent(
      (e) => e.type === 'long-poll' && e.community === community.screenName,
    );
    await t.platform.store.widgets.update(widget.id, {
      settings: {
        ...settings,
        channels: { ...settings.channels, vk: { ...vk, mode: 'longpoll' } },
      },
      now: t.clock().getTime(),
    });
    await t.platform.channels.refresh();
    await polled;
    expect(sandbox.vk.delivery(community).servers).toEqual([]);
    const olga = vkUser(sandbox, 'Olga');
    sandbox.vk.write(community, olga, 'Now by long poll');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Now by long poll');
  });
});
