/**
 * Non-working e-mails over real sockets, the outbox and a real SMTP receiver, on the injected
 * clock: one e-mail per message, but past a few in one conversation's hour, the rest of the hour
 * go out as one e-mail when the hour ends, holding a bounded number of them.
 */
import type { ChatAck, ChatMessage, ChatSettings } from '@frontdesk/config';
import type { OutboxMessage, Widget } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCHED_PER_HOUR, NON_WORKING_EMAILS_PER_HOUR } from '../../src/chat/non-working-email';
import { chatWidget, connectVisitor, type VisitorClient } from '../support/chat';
import { engines } from '../support/databases';
import type { TestPlatform } from '../support/platform';
import { type SmtpReceiver, smtpReceiver } from '../support/smtp';
import { socketSuite } from '../support/socket-suite';

type Sent = ChatAck<{ message: ChatMessage }>;

const HOUR = 3_600_000;
const closedWeek = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
let ids = 0;
const cid = () => `night-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('non-working e-mails on $name', (engine) => {
  let t: TestPlatform;
  let smtp: SmtpReceiver;
  let widget: Widget;

  const suite = socketSuite(engine, async () => {
    smtp = smtpReceiver();
    return {
      env: { SMTP_URL: await smtp.start(), MAIL_FROM: 'Frontdesk <robot@frontdesk.test>' },
      limits: { chatMessagesPerMinute: 10_000 },
    };
  });
  beforeAll(async () => {
    t = suite.t;
    widget = await chatWidget(t, { nonWorkingEmail: 'night@shop.example' });
    const settings = widget.settings as ChatSettings;
    await t.platform.store.widgets.update(widget.id, {
      settings: { ...settings, schedule: { ...settings.schedule, week: closedWeek } },
      now: t.clock().getTime(),
    });
  });
  afterAll(async () => {
    await smtp?.stop();
  });

  const visitor = async () => {
    const client = await connectVisitor(t.url, { key: widget.key });
    suite.keep(client);
    expect(client.welcome.working).toBe(false);
    return client;
  };
  const send = async (client: VisitorClient, text: string) => {
    const sent = await client.ask<Sent>('send', { clientId: cid(), text });
    if (!sent.ok) throw new Error(sent.error.message);
    // A second apart, so the outbox lists them in the order they came.
    t.clock.advance(1000);
  };
  /** The outbox's e-mails whose body mentions `tag`, oldest first. */
  const mails = async (tag: string): Promise<OutboxMessage[]> => {
    const { items } = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 500 });
    return items.filter((m) => m.body.includes(tag)).sort((a, b) => a.createdAt - b.createdAt);
  };
  const delivered = (tag: string) => smtp.mails.filter((mail) => mail.data.includes(tag));

  it('e-mails a few messages of an hour one by one, and the rest of the hour in one e-mail at its end', async () => {
    const client = await visitor();
    const start = t.clock().getTime();
    const extra = 3;
    for (let i = 1; i <= NON_WORKING_EMAILS_PER_HOUR + extra; i++)
      await send(client, `hour-a-${i}`);
    const queued = await mails('hour-a-');
    expect(queued.map((m) => [m.subject, m.body.split('\n')[0]])).toEqual([
      ...Array.from({ length: NON_WORKING_EMAILS_PER_HOUR }, (_, i) => [
        'Chat message out of hours: Site chat',
        `hour-a-${i + 1}`,
      ]),
      [
        'Chat messages out of hours: Site chat (the rest of an hour)',
        `One visitor wrote more than ${NON_WORKING_EMAILS_PER_HOUR} messages within an hour; the rest of that hour follow, oldest first.`,
      ],
    ]);
    const batch = queued.at(-1);
    expect(batch).toMatchObject({ recipient: 'night@shop.example', nextAttemptAt: start + HOUR });
    const parts = batch?.body.split('\n---\n').slice(1) ?? [];
    expect(parts.map((part) => part.split('\n')[0])).toEqual(['hour-a-6', 'hour-a-7', 'hour-a-8']);

    // Before the hour ends the single ones go out, the batch waits; then it goes too.
    await t.platform.workers.sendOutbox();
    expect(delivered('hour-a-')).toHaveLength(NON_WORKING_EMAILS_PER_HOUR);
    t.clock.advance(HOUR);
    await t.platform.workers.sendOutbox();
    expect(delivered('hour-a-')).toHaveLength(NON_WORKING_EMAILS_PER_HOUR + 1);
    expect(delivered('hour-a-8')).toHaveLength(1);

    // A new hour: one by one again.
    await send(client, 'hour-b-1');
    expect((await mails('hour-b-')).map((m) => m.subject)).toEqual([
      'Chat message out of hours: Site chat',
    ]);
  });

  it(`holds at most ${BATCHED_PER_HOUR} messages in the hour's e-mail, and counts each conversation apart`, async () => {
    const flood = await visitor();
    const quiet = await visitor();
    const total = NON_WORKING_EMAILS_PER_HOUR + BATCHED_PER_HOUR + 2;
    for (let i = 1; i <= total; i++) await send(flood, `flood-${i}.`);
    await send(quiet, 'quiet-1.');
    const queued = await mails('flood-');
    expect(queued).toHaveLength(NON_WORKING_EMAILS_PER_HOUR + 1);
    const parts = queued.at(-1)?.body.split('\n---\n').slice(1) ?? [];
    expect(parts.map((part) => part.split('\n')[0])).toEqual([
      ...Array.from(
        { length: BATCHED_PER_HOUR },
        (_, i) => `flood-${NON_WORKING_EMAILS_PER_HOUR + i + 1}.`,
      ),
      'More messages followed within the hour; read them in the inbox.',
    ]);
    expect(await mails('quiet-1.')).toHaveLength(1);
  });
});
