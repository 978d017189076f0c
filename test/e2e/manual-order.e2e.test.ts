/**
 * A manual-mode callback order, visitor to staff mailbox: the visitor orders through the widget on
 * the demo site, the platform stores it and e-mails every configured address through a real SMTP
 * server on loopback, one e-mail each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpReceiver } from '../../packages/platform/test/support/smtp.ts';
import { ALWAYS_OPEN, openWidget, type Stage, startStage, visit } from './harness.ts';

/** The platform's outgoing e-mail lands here: a real SMTP server on loopback. */
const smtp = smtpReceiver();

let stage: Stage;
beforeAll(async () => {
  stage = await startStage(new Date(), { env: { SMTP_URL: await smtp.start() } });
});
afterAll(async () => {
  await stage?.stop();
  await smtp.stop();
});

describe('a manual-mode order', () => {
  it('reaches each configured mailbox once, with the visitor’s number', async () => {
    const key = await stage.createCallback((settings) => ({
      ...settings,
      schedule: { ...settings.schedule, week: ALWAYS_OPEN, holidays: false },
      mode: { kind: 'manual', emails: ['sales@corp.example', 'boss@corp.example'], smsNumbers: [] },
    }));
    const v = await visit(stage, `/callback.html?widget=${key}`);
    await openWidget(v.page);
    await v.page.locator('frontdesk-callback #fd-phone').fill('912 345-67-89');
    // Manual mode promises "as soon as possible", not a call within 30 seconds.
    await v.page.getByRole('button', { name: 'Перезвоните мне' }).click();
    await v.page.locator('frontdesk-callback .done').waitFor();

    await stage.platform.platform.workers.sendOutbox();
    await stage.platform.platform.workers.sendOutbox();
    expect(smtp.mails.map((mail) => mail.to).sort()).toEqual([
      ['boss@corp.example'],
      ['sales@corp.example'],
    ]);
    for (const mail of smtp.mails) expect(mail.data).toContain('+79123456789');
    await v.context.close();
  });
});
