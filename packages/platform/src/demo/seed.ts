import {
  type CallbackSettings,
  type CallSettings,
  type ChatSettings,
  defaultSettings,
  type WidgetSettings,
} from '@frontdesk/config';
import { templates } from '@frontdesk/schedule';
import type { Role } from '../accounts/account-records';
import { hashPassword } from '../accounts/passwords';
import type { Store } from '../storage/store';

/** The demo account's password: printed at start, for the demo account only. */
export const DEMO_PASSWORD = 'demo-password';

/**
 * The demo chat's auto-replies, in both languages like all its texts: one to show quickly, one
 * for a longer wait, one for the night.
 */
const DEMO_AUTO_REPLIES: ChatSettings['channels']['site']['autoReplies'] = [
  {
    text: {
      ru: 'Спасибо за сообщение! Оператор скоро ответит.',
      en: 'Thanks for your message! An operator will answer shortly.',
    },
    delaySeconds: 15,
    when: 'working',
  },
  {
    text: {
      ru: 'Простите за ожидание — мы о вас не забыли.',
      en: 'Sorry for the wait — we have not forgotten you.',
    },
    delaySeconds: 120,
    when: 'working',
  },
  {
    text: {
      ru: 'Сейчас мы не работаем. Оставьте вопрос и контакт — ответим утром.',
      en: 'We are closed now. Leave your question and contact, and we will answer in the morning.',
    },
    delaySeconds: 0,
    when: 'nonWorking',
  },
];

/** What {@link seedDemo} made (or found). */
export interface SeededDemo {
  accountId: string;
  users: string[];
  widgets: string[];
}

const PEOPLE: [email: string, name: string, role: Role][] = [
  ['admin@demo.test', 'Alexandra Admin', 'admin'],
  ['marketer@demo.test', 'Maria Marketer', 'marketer'],
  ['operator@demo.test', 'Oleg Operator', 'operator'],
  ['operator2@demo.test', 'Olga Operator', 'operator'],
];

/**
 * Seeds the demo account of the quick start, once: four users (password {@link DEMO_PASSWORD}),
 * the group "Sales" of both operators, widgets `demo-call`, `demo-callback` and `demo-chat` open
 * 24/7 (the chat with auto-replies and a non-working-time e-mail address), and `demo-callback-office` on the standard schedule in Europe/Moscow with holidays.
 * Allowed origins: the demo site and localhost / 127.0.0.1 on any port.
 */
export async function seedDemo(
  store: Store,
  options: { sipDomain: string; publicUrl: string; demoSiteUrl?: string | undefined; now?: number },
): Promise<SeededDemo> {
  const existing = await store.users.byEmail('admin@demo.test');
  const now = options.now ?? Date.now();
  const users = PEOPLE.map(([email]) => email);
  const widgetKeys = ['demo-call', 'demo-callback', 'demo-chat', 'demo-callback-office'];
  if (existing) return { accountId: existing.accountId, users, widgets: widgetKeys };

  const account = await store.accounts.create({
    name: 'Demo',
    sipDomain: `vpbx4000001.${options.sipDomain}`,
  });
  // The demo password is public: a cheap hash keeps seeding quick; the first sign-in upgrades it.
  const passwordHash = await hashPassword(DEMO_PASSWORD, 2 ** 14);
  const people = [];
  for (const [email, name, role] of PEOPLE) {
    people.push(
      await store.users.create({
        accountId: account.id,
        email,
        name,
        role,
        passwordHash,
        photoUrl: null,
      }),
    );
  }
  const operators = people.filter((user) => user.role === 'operator').map((user) => user.id);
  const sales = await store.groups.create({
    accountId: account.id,
    name: 'Sales',
    memberIds: operators,
  });
  const sales_ = { kind: 'group', id: sales.id } as const;

  const allowedOrigins = [
    ...(options.demoSiteUrl ? [new URL(options.demoSiteUrl).origin] : []),
    options.publicUrl,
    'http://localhost:*',
    'http://127.0.0.1:*',
  ];
  // Speaking the page's language (every text is in Russian and English, Russian the main one):
  // the demo's English page gets English widgets.
  const bilingual = <T extends WidgetSettings>(settings: T): T => ({
    ...settings,
    locale: 'auto',
    mainLocale: 'ru',
  });
  // Open 24/7.
  const open247 = <T extends WidgetSettings>(settings: T): T => ({
    ...bilingual(settings),
    allowedOrigins,
    schedule: { ...settings.schedule, week: templates.always, holidays: false },
  });

  const call = open247(defaultSettings('call') as CallSettings);
  const callback = open247(defaultSettings('callback') as CallbackSettings);
  const chat = open247(defaultSettings('chat') as ChatSettings);
  const office = bilingual(
    defaultSettings('callback', { timeZone: 'Europe/Moscow' }) as CallbackSettings,
  );
  const widgets: [key: string, name: string, settings: WidgetSettings][] = [
    ['demo-call', 'Call from the demo site', { ...call, forwarding: sales_ }],
    [
      'demo-callback',
      'Demo callback',
      { ...callback, mode: { ...automaticMode(callback), addressee: sales_ } },
    ],
    [
      'demo-chat',
      'Demo chat',
      {
        ...chat,
        channels: {
          ...chat.channels,
          site: {
            ...chat.channels.site,
            receiver: sales_,
            showOperatorName: true,
            // Open 24/7, so the non-working ones show only once the schedule changes.
            nonWorkingEmail: 'chat-night@demo.test',
            autoReplies: DEMO_AUTO_REPLIES,
          },
        },
      },
    ],
    [
      'demo-callback-office',
      'Office hours callback',
      {
        ...office,
        allowedOrigins,
        mode: { ...automaticMode(office), addressee: sales_ },
        schedule: {
          ...office.schedule,
          timeZone: 'Europe/Moscow',
          week: templates.standard,
          lunch: { from: '13:00', to: '14:00' },
          holidays: true,
          preHoliday: true,
        },
      },
    ],
  ];
  for (const [key, name, settings] of widgets) {
    await store.widgets.create({
      accountId: account.id,
      type: settings.type,
      name,
      settings,
      key,
      now,
    });
  }
  return { accountId: account.id, users, widgets: widgetKeys };
}

/** The automatic mode of a callback widget's defaults (the demo's orders ring the console). */
function automaticMode(
  settings: CallbackSettings,
): Extract<CallbackSettings['mode'], { kind: 'automatic' }> {
  if (settings.mode.kind === 'automatic') return settings.mode;
  throw new Error('the callback defaults are expected in automatic mode');
}
