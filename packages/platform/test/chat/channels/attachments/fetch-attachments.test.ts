/**
 * The attachments' pass with Telegram (the messenger sandbox) down, slow and strict, on both
 * engines: while the API is down the message's text is there and its photo waits, tried again
 * with back-off on the platform's clock and stored once when Telegram is back; its flood control
 * waited out however often it asks, never counted as a failed attempt; a file past
 * ATTACHMENT_MAX_BYTES and a "photo" that is no picture fail at once with the reason, and are
 * never tried again; a sticker, a location, a contact and a voice message are text, with nothing
 * to fetch.
 */
import type { ChatAck, ChatMessage, ConversationDetail } from '@frontdesk/config';
import type { Customer, SandboxBot } from '@frontdesk/messenger-sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { customer, telegramSuite, telegramWidget } from '../../../support/channels';
import { engines } from '../../../support/databases';
import { connectOps, type OpsClient } from '../../../support/ops-client';
import type { TestPlatform } from '../../../support/platform';

describe.each(engines)("fetching customers' attachments on $name", (engine) => {
  const suite = telegramSuite(engine, {}, { ATTACHMENT_MAX_BYTES: '4096' });
  let t: TestPlatform;
  let bot: SandboxBot;
  let ops: OpsClient;
  let anna: Customer;
  beforeAll(async () => {
    t = suite.t;
    ({ bot } = await telegramWidget(t, suite.stage.sandbox));
  });

  const telegram = () => suite.stage.sandbox.telegram;
  const connect = async () => {
    ops = suite.keep(await connectOps(t, 'operator'));
    anna = customer(suite.stage.sandbox);
  };
  /**
   * Moves the platform's clock on until the poller, backing off through an outage on that
   * clock, polls again.
   */
  const pollingAgain = async () => {
    let polling = false;
    const polled = telegram()
      .waitForLongPoll(bot.username, 30_000)
      .then(() => {
        polling = true;
      });
    while (!polling) {
      suite.stage.clock.advance(1_000);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await polled;
  };
  const open = async (conversationId: string) => {
    const opened = await ops.ask<ChatAck<ConversationDetail>>('chat:open', { conversationId });
    if (!opened.ok) throw new Error(opened.error.message);
    return opened.messages;
  };

  it('keeps the text while Telegram is down, and stores the photo once when it is back', async () => {
    await connect();
    telegram().send(bot.username, anna, { type: 'photo', caption: 'This one?' });
    const message = await ops.next<ChatMessage>(
      'chat:message',
      (m) => m.text === '[photo] This one?',
    );
    await telegram().faults.down('refused');
    try {
      expect(await t.platform.workers.fetchAttachments()).toBe(1);
      // Not due again before its back-off on the platform's clock.
      expect(await t.platform.workers.fetchAttachments()).toBe(0);
      const [waiting] = await open(message.conversationId);
      expect(waiting?.attachments).toMatchObject([{ status: 'pending' }]);
      suite.stage.clock.advance(5_000);
      expect(await t.platform.workers.fetchAttachments()).toBe(1);
    } finally {
      await telegram().faults.up();
    }
    expect(await t.platform.workers.fetchAttachments()).toBe(0);
    await pollingAgain();
    // Past the attachment's second back-off, 10 s.
    suite.stage.clock.advance(10_000);
    expect(await t.platform.workers.fetchAttachments()).toBe(1);
    expect(await t.platform.workers.fetchAttachments()).toBe(0);
    const messages = await open(message.conversationId);
    expect(messages.map((m) => [m.text, m.attachments?.map((a) => a.status)])).toEqual([
      ['[photo] This one?', ['stored']],
    ]);
  });

  it('waits out Telegram’s flood control as long as it asks, never counting it as a failed attempt', async () => {
    await connect();
    telegram().send(bot.username, anna, { type: 'photo', caption: 'Busy?' });
    const message = await ops.next<ChatMessage>('chat:message', (m) => m.text === '[photo] Busy?');
    // More 429s in a row than the ten attempts a failing file gets.
    for (let round = 0; round < 12; round++) {
      telegram().faults.rateLimit({ retryAfter: 5, methods: ['getFile'] });
      expect(await t.platform.workers.fetchAttachments()).toBe(1);
      suite.stage.clock.advance(5_000);
    }
    // Then one real failure: the first counted, so the file is tried again, not given up.
    await telegram().faults.down('bad-gateway');
    try {
      expect(await t.platform.workers.fetchAttachments()).toBe(1);
    } finally {
      await telegram().faults.up();
    }
    const [waiting] = await open(message.conversationId);
    expect(waiting?.attachments).toMatchObject([{ status: 'pending' }]);
    await pollingAgain();
    suite.stage.clock.advance(5_000);
    expect(await t.platform.workers.fetchAttachments()).toBe(1);
    const [stored] = await open(message.conversationId);
    expect(stored?.attachments).toMatchObject([{ status: 'stored' }]);
  });

  it('fails a file past the cap and a photo that is no picture, with the reason, once', async () => {
    await connect();
    telegram().send(bot.username, anna, {
      type: 'file',
      fileName: 'scan.pdf',
      data: Buffer.alloc(5000, 1).toString('base64'),
    });
    const large = await ops.next<ChatMessage>('chat:message', (m) => m.text === '[file scan.pdf]');
    telegram().send(bot.username, anna, {
      type: 'photo',
      data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64'),
    });
    await ops.next<ChatMessage>('chat:message', (m) => m.text === '[photo]');
    expect(await t.platform.workers.fetchAttachments()).toBe(2);
    suite.stage.clock.advance(10 * 60_000);
    expect(await t.platform.workers.fetchAttachments()).toBe(0);
    const messages = await open(large.conversationId);
    expect(messages.map((m) => m.attachments)).toEqual([
      [
        {
          id: expect.any(String),
          kind: 'file',
          name: 'scan.pdf',
          status: 'failed',
          error: 'The file is larger than the 4 KB the platform keeps.',
        },
      ],
      [
        {
          id: expect.any(String),
          kind: 'image',
          name: null,
          status: 'failed',
          error: 'The photo is not a picture the console can show (JPEG, PNG, GIF or WebP).',
        },
      ],
    ]);
  });

  it('reads a sticker, a location, a contact and a voice message as text, nothing to fetch', async () => {
    await connect();
    const texts = [
      '[sticker 😀]',
      '[location] https://www.openstreetmap.org/?mlat=55.75&mlon=37.62#map=17/55.75/37.62',
      '[contact: Ivan Petrov, +79161234567]',
      '[voice message 0:07]',
    ];
    telegram().send(bot.username, anna, { type: 'sticker', emoji: '😀' });
    telegram().send(bot.username, anna, { type: 'location', latitude: 55.75, longitude: 37.62 });
    telegram().send(bot.username, anna, {
      type: 'contact',
      name: 'Ivan Petrov',
      phone: '+79161234567',
    });
    telegram().send(bot.username, anna, { type: 'voice', duration: 7 });
    const last = await ops.next<ChatMessage>('chat:message', (m) => m.text === texts[3]);
    expect(await t.platform.workers.fetchAttachments()).toBe(0);
    const messages = await open(last.conversationId);
    expect(messages.map((m) => [m.text, m.attachments])).toEqual(
      texts.map((text) => [text, undefined]),
    );
  });

  it('lets one process fetch a file at a time, and a dead one’s claim be taken over, stored once', async () => {
    await connect();
    telegram().send(bot.username, anna, { type: 'photo', caption: 'Claimed' });
    await ops.next<ChatMessage>('chat:message', (m) => m.text === '[photo] Claimed');
    const attachments = t.platform.store.channels.attachments;
    const claim = (by: string) => {
      const now = suite.stage.clock().getTime();
      return attachments.claim({ now, by, staleBefore: now - 60_000, limit: 10 });
    };
    const [first] = await claim('process A');
    if (!first) throw new Error('nothing to claim');
    expect(await claim('process B')).toEqual([]);
    // A dies mid-fetch; once its claim is older than the lease, B takes it.
    suite.stage.clock.advance(60_000);
    const [again] = await claim('process B');
    expect(again).toMatchObject({ id: first.id, attempts: 2 });
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const stored = { status: 'stored', bytes, contentType: 'image/png', at: 1 } as const;
    expect(await attachments.settle(first.id, 'process B', stored)).toMatchObject({
      status: 'stored',
    });
    // A's late answer changes nothing.
    expect(await attachments.settle(first.id, 'process A', stored)).toBeUndefined();
    expect(await claim('process C')).toEqual([]);
  });
});
