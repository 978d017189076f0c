/**
 * The chat, end to end: the built widget on a demo page in Chromium talks to the real platform's
 * `/chat`, an operator answers over `/ops` (the console's namespace). Messages go both ways with
 * typing and read state; messages written offline arrive once each; an XSS corpus from the
 * operator runs nothing; the Telegram button carries a token that resolves to this visitor; a
 * closed chat is rated and the rating stored.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../packages/config/src/index.ts';
import { connectOps, type OpsClient } from '../../packages/platform/test/support/ops-client.ts';
import { bubbles, chat, createChat, openChat, write } from './chat-helpers.ts';
import { type Stage, startStage, type Visit } from './harness.ts';

let stage: Stage;
let key: string;
let ops: OpsClient;

beforeAll(async () => {
  stage = await startStage();
  key = await createChat(stage, (settings) => ({
    ...settings,
    channels: {
      ...settings.channels,
      site: { ...settings.channels.site, rating: true, showOperatorName: true },
      telegram: {
        enabled: true,
        receiver: null,
        botToken: '123456789:AAHabcdefghijklmnopqrstuvwxyz012345',
        botName: 'frontdesk_e2e_bot',
      },
    },
  }));
  ops = await connectOps(stage.platform, 'operator');
});

afterAll(async () => {
  ops?.socket.close();
  await stage?.stop();
});

/** The stored messages of a conversation, in order. */
async function stored(conversationId: string): Promise<ChatMessage[]> {
  const detail = await ops.ask<{ ok: boolean; messages: ChatMessage[] }>('chat:open', {
    conversationId,
  });
  return detail.messages;
}

describe('the chat widget with the platform', () => {
  let v: Visit;
  let conversationId: string;

  it('exchanges messages both ways, with typing and read state', async () => {
    v = await openChat(stage, key);
    const arrived = ops.next<ChatMessage>('chat:message', (m) => m.text === 'Hello from the site');
    await write(v.page, 'Hello from the site');
    const first = await arrived;
    conversationId = first.conversationId;
    expect(first).toMatchObject({ author: 'visitor', seq: 1 });
    await expect
      .poll(() => chat(v.page).locator('.bubble[data-author=visitor] .meta').textContent())
      .toMatch(/Sent$/);

    // The visitor types: the operator sees it.
    const typing = ops.next<{ typing: boolean }>('chat:typing', (t) => t.typing);
    await chat(v.page).locator('#fd-chat-input').pressSequentially('and');
    await typing;
    await chat(v.page).locator('#fd-chat-input').fill('');

    // The operator types, reads, answers.
    ops.socket.emit('chat:typing', { conversationId, typing: true });
    await expect
      .poll(() => chat(v.page).locator('.status').textContent())
      .toBe('The operator is typing…');
    ops.socket.emit('chat:read', { conversationId, upToSeq: 1 });
    await expect
      .poll(() => chat(v.page).locator('.bubble[data-author=visitor] .meta').textContent())
      .toMatch(/Read$/);
    const visitorRead = ops.next<{ upToSeq: number }>('chat:read', (r) => r.upToSeq >= 2);
    const answer = await ops.ask<{ ok: boolean }>('chat:send', {
      conversationId,
      clientId: 'operator-answer-1',
      text: 'Hi! See https://example.com/help',
    });
    expect(answer.ok).toBe(true);
    await expect.poll(() => bubbles(v.page).count()).toBe(2);
    const link = chat(v.page).locator('.bubble[data-author=operator] a');
    expect(await link.getAttribute('href')).toBe('https://example.com/help');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await chat(v.page).locator('.status').textContent()).not.toBe('The operator is typing…');
    // The window is in view: the visitor's read state reaches the operator.
    expect((await visitorRead).upToSeq).toBe(2);
  });

  it('runs no script from an operator’s XSS corpus', async () => {
    const corpus = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=1</script>',
      'javascript:window.__xss=1',
      '<a href="javascript:window.__xss=1">x</a>',
    ];
    for (const [i, text] of corpus.entries()) {
      await ops.ask('chat:send', { conversationId, clientId: `operator-xss-${i}0`, text });
    }
    await expect.poll(() => bubbles(v.page).count()).toBe(2 + corpus.length);
    expect(await chat(v.page).locator('[role=log] img, [role=log] script').count()).toBe(0);
    expect(await chat(v.page).locator('[role=log] a[href^="javascript"]').count()).toBe(0);
    expect(await v.page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(v.pageErrors).toEqual([]);
  });

  it('sends what the visitor wrote offline once each, in order, when back online', async () => {
    await v.context.setOffline(true);
    await write(v.page, 'written offline 1');
    await write(v.page, 'written offline 2');
    // They wait in the outbox while the browser is offline.
    expect(await chat(v.page).locator('.bubble[data-pending]').count()).toBe(2);
    await v.page.waitForTimeout(500);
    expect((await stored(conversationId)).filter((m) => m.author === 'visitor')).toHaveLength(1);
    await v.context.setOffline(false);
    await v.page.evaluate(() => dispatchEvent(new Event('online')));
    await expect
      .poll(
        async () => (await stored(conversationId)).filter((m) => m.author === 'visitor').length,
        {
          timeout: 20_000,
        },
      )
      .toBe(3);
    const mine = (await stored(conversationId)).filter((m) => m.author === 'visitor');
    expect(mine.map((m) => m.text)).toEqual([
      'Hello from the site',
      'written offline 1',
      'written offline 2',
    ]);
    await expect
      .poll(() => chat(v.page).locator('.bubble[data-pending]').count(), { timeout: 20_000 })
      .toBe(0);
  });

  it('continues in Telegram with a token that resolves to this visitor', async () => {
    await chat(v.page).getByRole('button', { name: 'Continue in Telegram' }).click();
    const opened = await v.page.waitForFunction(
      () => (window as unknown as { __opened: string[] }).__opened[0],
    );
    const url = String(await opened.jsonValue());
    expect(url).toMatch(/^https:\/\/t\.me\/frontdesk_e2e_bot\?start=[\w-]+$/);
    const token = new URL(url).searchParams.get('start') ?? '';
    const staff = await stage.platform.signIn('operator');
    const resolved = (await (await staff(`/v1/chat/handoff/${token}`)).json()) as {
      conversationId: string;
      channel: string;
      widgetKey: string;
    };
    expect(resolved).toMatchObject({ conversationId, channel: 'telegram', widgetKey: key });
  });

  it('offers the rating once the operator closes the chat, and stores it', async () => {
    expect((await ops.ask<{ ok: boolean }>('chat:close', { conversationId })).ok).toBe(true);
    const marks = chat(v.page).locator('.rating button');
    await expect
      .poll(() => marks.allTextContents())
      .toEqual(['Excellent', 'Good', 'Satisfactory', 'Poor']);
    // The marks take room under the log: its last message stays in view all the same.
    const inView = await chat(v.page)
      .locator('[role=log]')
      .evaluate((log) => {
        const last = log.querySelector('.bubble:last-child')?.getBoundingClientRect();
        const box = log.getBoundingClientRect();
        return !!last && last.bottom <= box.bottom + 1 && last.top >= box.top - 1;
      });
    expect(inView).toBe(true);
    const rated = ops.next<{ id: string; rating: string | null }>(
      'chat:conversation',
      (c) => c.id === conversationId && c.rating !== null,
    );
    await marks.first().click();
    expect((await rated).rating).toBe('excellent');
    await expect
      .poll(() => chat(v.page).locator('.body').textContent())
      .toContain('Thank you for your rating!');
  });
});
