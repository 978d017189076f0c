/**
 * What the platform writes for an account is in the account's language: the order e-mails and
 * SMS to staff, and the embed-code e-mail, in English for an English account and in Russian once
 * its admin switched it (the catalogue's keys match in both, as the staff apps' do).
 */
import type { OutboxMessage } from '@frontdesk/platform';
import { callbackSlots, createSchedule } from '@frontdesk/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenTexts, keyDifference } from '../../../staff/test/support/catalogue-keys';
import { nonWorkingEmail } from '../../src/chat/non-working-email';
import { platformTexts } from '../../src/texts';
import { engines, type TestDatabase } from '../support/databases';
import { callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

/** Wednesday 4 March 2026, 10:00 in Moscow: the standard week is open. */
const OPEN = '2026-03-04T07:00:00Z';

describe('the platform catalogue', () => {
  it('has every key in Russian that it has in English, and no other', () => {
    expect(keyDifference(platformTexts.en, platformTexts.ru)).toEqual({ missing: [], extra: [] });
  });

  it('has no empty text and no hole in either language', () => {
    expect(brokenTexts(platformTexts.en)).toEqual([]);
    expect(brokenTexts(platformTexts.ru)).toEqual([]);
  });

  it('writes the non-working chat e-mail in the language asked, counting by Intl’s rules', () => {
    const email = (language: 'ru' | 'en') =>
      nonWorkingEmail({
        to: 'night@shop.example',
        widgetName: 'Shop chat',
        text: 'Are you open?',
        contact: { visitorId: 'v1', name: 'Anna', phone: null, email: null },
        page: null,
        at: new Date(OPEN),
        language,
      });
    expect(email('ru').single).toMatchObject({
      subject: 'Сообщение в чат в нерабочее время: Shop chat',
      body: 'Are you open?\n\nИмя: Anna\nОтправлено: 2026-03-04T07:00:00.000Z\n',
    });
    expect(email('ru').batch.opening).toBe(
      'Посетитель написал больше 5 сообщений за час; остальные сообщения этого часа — ниже, сначала старые.\n',
    );
    expect(email('en').single.subject).toBe('Chat message out of hours: Shop chat');
  });
});

describe.each(engines)('the account’s language in e-mails and SMS on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let admin: (path: string, init?: RequestInit) => Promise<Response>;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
    admin = await t.signIn('admin');
    t.clock.set(OPEN);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const setLanguage = async (language: 'ru' | 'en') => {
    const response = await admin('/v1/admin/account', {
      method: 'PATCH',
      body: JSON.stringify({ language }),
    });
    expect(response.status).toBe(200);
  };

  /** The outbox's messages to `recipient`, newest first. */
  const sentTo = async (recipient: string): Promise<OutboxMessage[]> => {
    const { items } = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 100 });
    return items.filter((m) => m.recipient === recipient).sort((a, b) => b.createdAt - a.createdAt);
  };

  /**
   * Orders a callback at the widget's second slot (10:30), with the staff told by e-mail
   * (`email`) and SMS (`sms`).
   */
  const order = async (email: string, sms: string) => {
    t.clock.set(OPEN);
    const widget = await callbackWidget(t, {
      mode: { kind: 'manual', emails: [email], smsNumbers: [sms] },
    });
    const slot = callbackSlots(createSchedule(widget.settings.schedule), t.clock())[1];
    const response = await postOrder(t, widget.key, {
      phone: '8 999 123 45 67',
      slot: slot?.start.toISOString(),
      name: 'Ivan',
      page: { url: 'https://shop.example/', title: 'Shop' },
    });
    expect(response.status).toBe(201);
  };

  /** The embed-code e-mail of `widgetId` to `email`, as queued. */
  const embedEmail = async (widgetId: string, email: string) => {
    const response = await admin(`/v1/admin/widgets/${widgetId}/embed-email`, {
      method: 'POST',
      body: JSON.stringify({ email }),
    });
    expect(response.status).toBe(202);
    return (await sentTo(email))[0];
  };

  it('orders and the embed code go out in English for an English account', async () => {
    await setLanguage('en');
    await order('boss@corp.example', '+79990001122');
    const [email] = await sentTo('boss@corp.example');
    expect(email?.subject).toBe('Callback order: +79991234567 (Ivan)');
    expect(email?.body).toContain('When: Wednesday, 4 March 2026 at 10:30 (Europe/Moscow)');
    const [sms] = await sentTo('+79990001122');
    expect(sms?.body).toBe('Callback +79991234567 (Ivan), 04/03, 10:30: Call me back');
    const widget = await callbackWidget(t);
    expect((await embedEmail(widget.id, 'dev@shop.example'))?.subject).toBe(
      'The code of the widget "Call me back" for the site',
    );
  });

  it('and in Russian for a Russian account', async () => {
    await setLanguage('ru');
    await order('boss@corp.ru', '+79990003344');
    const [email] = await sentTo('boss@corp.ru');
    expect(email?.subject).toBe('Заказ обратного звонка: +79991234567 (Ivan)');
    expect(email?.body).toContain(
      'Посетитель заказал обратный звонок через виджет «Call me back».',
    );
    expect(email?.body).toMatch(
      /^Когда: среда, 4 марта 2026 г\.,? (в )?10:30 \(Europe\/Moscow\)$/m,
    );
    expect(email?.body).toContain('Страница: Shop <https://shop.example/>');
    const [sms] = await sentTo('+79990003344');
    expect(sms?.body).toBe('Перезвонить +79991234567 (Ivan), 04.03, 10:30: Call me back');
    const widget = await callbackWidget(t);
    const embed = await embedEmail(widget.id, 'dev@shop.ru');
    expect(embed?.subject).toBe('Код виджета «Call me back» для сайта');
    expect(embed?.body).toContain('Вставьте код перед закрывающим тегом </body>.');
  });
});
