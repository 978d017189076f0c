/**
 * A manual-mode callback order, visitor to staff mailbox: the visitor orders through the widget on
 * the demo site, the platform stores it and e-mails every configured address through a real SMTP
 * server on loopback, one e-mail each.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, openWidget, type Stage, startStage, visit } from './harness.ts';

const mails: { to: string[]; data: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    let data = '';
    stream.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
    });
    stream.on('end', () => {
      mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
      callback();
    });
  },
});

let stage: Stage;
beforeAll(async () => {
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  const { port } = smtp.server.address() as AddressInfo;
  stage = await startStage(new Date(), { env: { SMTP_URL: `smtp://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await stage?.stop();
  await new Promise<void>((done) => smtp.close(() => done()));
});

describe('a manual-mode order', () => {
  it('reaches each configured mailbox once, with the visitor’s number', async () => {
    const key = await stage.createCallback((settings) => ({
      ...settings,
      schedule: { ...settings.schedule, week: ALWAYS_OPEN, holidays: false },
      mode: { kind: 'manual', emails: ['sales@corp.example', 'boss@corp.example'], smsNumbers: [] },
    }));
    const v = await visit(stage, `/?widget=${key}`, { orders: 'platform' });
    await openWidget(v.page);
    await v.page.locator('frontdesk-callback #fd-phone').fill('912 345-67-89');
    // Manual mode promises "as soon as possible", not a call within 30 seconds.
    await v.page.getByRole('button', { name: 'Перезвоните мне' }).click();
    await v.page.locator('frontdesk-callback .done').waitFor();

    await stage.platform.platform.workers.sendOutbox();
    await stage.platform.platform.workers.sendOutbox();
    expect(mails.map((mail) => mail.to).sort()).toEqual([
      ['boss@corp.example'],
      ['sales@corp.example'],
    ]);
    for (const mail of mails) expect(mail.data).toContain('+79123456789');
    await v.context.close();
  });
});
