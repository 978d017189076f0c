import {
  type CallbackSettings,
  type CallSettings,
  type ChatSettings,
  defaultSettings,
  NOBODY_TEXTS,
  parsePublicConfig,
  toPublicConfig,
  type WidgetSettings,
  type WidgetType,
} from '@frontdesk/config';
import { calendarDays } from '@frontdesk/schedule';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryWidgetSettings } from './arbitraries';

const now = new Date('2026-03-10T09:00:00Z');
const calendar = calendarDays('ru', '2026-03-10', 60);

function widget(settings: WidgetSettings, extra: { sipLine?: string | null; name?: string } = {}) {
  return {
    key: 'w-1',
    type: settings.type,
    name: extra.name ?? 'Кнопка на сайте',
    settings,
    sipLine: extra.sipLine ?? null,
  };
}

const SECRET = {
  name: 'SECRET-WIDGET-NAME',
  sipLine: 'line48151@vpbx4242.sip.secret.example',
  origin: 'https://secret-origin.example',
  employeeId: 'SECRET-EMPLOYEE-ID',
  groupId: 'SECRET-GROUP-ID',
  handlerId: 'SECRET-HANDLER-ID',
  email: 'secret-staff@corp.example',
  nightEmail: 'secret-night@corp.example',
  leadEmail: 'secret-leads@corp.example',
  sms: '+70000000003',
  externalNumber: '+70000000001',
  outgoingNumber: '+70000000002',
  leadPhone: '+70000000004',
  companyNumber: '+70000000009',
  telegramToken: '999999999:SECRETTOKENsecrettokenSECRET_-x',
  viberToken: 'SECRETVIBER0000-0000secret-viber0000',
  autoReply: 'SECRET AUTO REPLY TEXT',
  viberName: 'SECRET-VIBER-DISPLAY-NAME',
};

const allOn = {
  timeOnPage: { enabled: true, seconds: 10 },
  scrollDepth: { enabled: true, percent: 70 },
  pagesViewed: { enabled: true, count: 2 },
  exitIntent: { enabled: true },
  inactivity: { enabled: true, seconds: 90 },
};

function secretCall(): CallSettings {
  const s = defaultSettings('call') as CallSettings;
  return {
    ...s,
    allowedOrigins: [SECRET.origin, 'http://localhost:*'],
    forwarding: { kind: 'employee', id: SECRET.employeeId },
  };
}

function secretCallback(kind: 'automatic' | 'manual'): CallbackSettings {
  const s = defaultSettings('callback') as CallbackSettings;
  return {
    ...s,
    allowedOrigins: [SECRET.origin],
    mode:
      kind === 'automatic'
        ? {
            kind: 'automatic',
            addressee: { kind: 'external', number: SECRET.externalNumber },
            outgoingNumber: SECRET.outgoingNumber,
            directions: { local: true, national: true, international: true },
          }
        : { kind: 'manual', emails: [SECRET.email], smsNumbers: [SECRET.sms] },
    leadGenerator: { ...s.leadGenerator, enabled: kind === 'automatic', triggers: allOn },
  };
}

function secretChat(): ChatSettings {
  const s = defaultSettings('chat') as ChatSettings;
  return {
    ...s,
    allowedOrigins: [SECRET.origin],
    channels: {
      site: {
        receiver: { kind: 'group', id: SECRET.groupId },
        nonWorkingEmail: SECRET.nightEmail,
        showOperatorName: true,
        showOperatorPhoto: true,
        rating: true,
        autoReplies: [{ text: { ru: SECRET.autoReply }, delaySeconds: 30, when: 'working' }],
      },
      telegram: {
        enabled: true,
        receiver: { kind: 'employee', id: SECRET.employeeId },
        botToken: SECRET.telegramToken,
        botName: 'shop_help_bot',
      },
      viber: {
        enabled: true,
        receiver: { kind: 'group', id: SECRET.groupId },
        botToken: SECRET.viberToken,
        botName: SECRET.viberName,
        uri: 'shophelp',
      },
      vk: { enabled: true, receiver: { kind: 'group', id: SECRET.groupId }, groupId: 'club42' },
      facebook: {
        enabled: true,
        receiver: { kind: 'employee', id: SECRET.employeeId },
        pageId: 'shop.page',
      },
      callback: {
        enabled: true,
        mode: { kind: 'manual', emails: [SECRET.email], smsNumbers: [SECRET.sms] },
      },
      leadGeneration: {
        enabled: true,
        triggers: allOn,
        repeatAfterHours: 12,
        skipIfPhoneLeft: true,
        handler: { kind: 'employee', id: SECRET.handlerId },
        notifyEmails: [SECRET.leadEmail],
        notifyPhones: [SECRET.leadPhone],
        companyNumber: SECRET.companyNumber,
      },
    },
  };
}

/** Field names that only ever hold staff-side data. */
const SECRET_KEYS = [
  'allowedOrigins',
  'forwarding',
  'receiver',
  'addressee',
  'outgoingNumber',
  'directions',
  'emails',
  'smsNumbers',
  'nonWorkingEmail',
  'autoReplies',
  'botToken',
  'handler',
  'notifyEmails',
  'notifyPhones',
  'companyNumber',
  'sipLine',
  'name',
];

describe('toPublicConfig secrecy', () => {
  const cases: [string, WidgetSettings][] = [
    ['call', secretCall()],
    ['automatic callback', secretCallback('automatic')],
    ['manual callback', secretCallback('manual')],
    ['chat', secretChat()],
  ];

  it.each(cases)('keeps every secret of a %s widget out of the public config', (_, settings) => {
    expect(parsePublicConfig(settings).ok).toBe(false);
    const config = toPublicConfig(
      widget(settings, { sipLine: SECRET.sipLine, name: SECRET.name }),
      calendar,
      { now },
    );
    const json = JSON.stringify(config);
    for (const [what, secret] of Object.entries(SECRET)) {
      expect(json, `${what} leaked`).not.toContain(secret);
    }
    for (const key of SECRET_KEYS) {
      expect(json, `"${key}" leaked`).not.toContain(`"${key}"`);
    }
  });

  it('keeps out keys it does not know, even when stored settings carry them', () => {
    const settings = secretCall() as CallSettings & Record<string, unknown>;
    const tainted = {
      ...settings,
      apiKey: 'SECRET-API-KEY',
      consent: { ...settings.consent, auditEmail: SECRET.email },
      appearance: { ...settings.appearance, internalNote: 'SECRET-NOTE' },
    } as CallSettings;
    const json = JSON.stringify(toPublicConfig(widget(tainted), calendar, { now }));
    expect(json).not.toContain('SECRET');
    expect(json).not.toContain(SECRET.email);
  });
});

describe('toPublicConfig', () => {
  it('gives a call widget its look, schedule, brand and call options', () => {
    const settings = defaultSettings('call') as CallSettings;
    const config = toPublicConfig(widget({ ...settings, dialPad: false }), calendar, { now });
    const { hideBrand, nonWorking, working, nobody, ...look } = settings.appearance;
    const ru = (text: { ru?: string }) => ({ ru: text.ru });
    expect(config).toEqual({
      v: 1,
      key: 'w-1',
      type: 'call',
      locale: 'ru',
      languages: ['ru'],
      schedule: settings.schedule,
      calendar,
      consent: { required: false },
      brand: { hidden: hideBrand, nonWorkingHidden: nonWorking.hideBrand },
      appearance: {
        ...look,
        // A widget that speaks Russian only carries its Russian texts only.
        working: {
          title: ru(working.title),
          text: ru(working.text),
          buttonText: ru(working.buttonText),
        },
        nonWorking: { title: ru(nonWorking.title), text: ru(nonWorking.text) },
        nobody: {
          title: ru(nobody.title),
          text: ru(nobody.text),
          buttonText: ru(nobody.buttonText),
        },
      },
      dialPad: false,
      popOut: true,
    });
  });

  it('offers the visitor\'s language with "auto" only where it lacks no text', () => {
    const s = defaultSettings('callback') as CallbackSettings;
    const auto = { ...s, locale: 'auto' as const };
    const both = toPublicConfig(widget(auto), calendar, { now });
    expect(both.languages).toEqual(['ru', 'en']);
    expect(both.appearance.working.title).toEqual(s.appearance.working.title);
    // One English text missing: English is not offered at all, not even its other texts.
    const lacking = {
      ...auto,
      appearance: {
        ...auto.appearance,
        leadGenerator: { ...auto.appearance.leadGenerator, text: { ru: 'Звоните!' } },
      },
    };
    const ruOnly = toPublicConfig(widget(lacking), calendar, { now });
    expect(ruOnly.languages).toEqual(['ru']);
    expect(JSON.stringify(ruOnly.appearance)).not.toContain('"en"');
    // English as the main language: Russian is offered only while it lacks nothing.
    const english = { ...lacking, mainLocale: 'en' as const };
    expect(toPublicConfig(widget(english), calendar, { now }).languages).toEqual(['en', 'ru']);
  });

  it('counts the auto-replies, which it never sends, when it offers a language', () => {
    const s = secretChat();
    const auto = { ...s, locale: 'auto' as const };
    expect(toPublicConfig(widget(auto), calendar, { now }).languages).toEqual(['ru']);
    const [reply] = s.channels.site.autoReplies;
    const translated = {
      ...auto,
      channels: {
        ...auto.channels,
        site: {
          ...auto.channels.site,
          autoReplies: reply ? [{ ...reply, text: { ...reply.text, en: 'Hello!' } }] : [],
        },
      },
    };
    expect(toPublicConfig(widget(translated), calendar, { now }).languages).toEqual(['ru', 'en']);
  });

  it('gives a widget fixed to English its English texts only', () => {
    const s = defaultSettings('chat') as ChatSettings;
    const config = toPublicConfig(widget({ ...s, locale: 'en' }), calendar, { now });
    expect(config.languages).toEqual(['en']);
    expect(config.appearance.working.buttonText).toEqual({ en: 'Write to us, we are online!' });
  });

  it('carries the brand switches of both variants', () => {
    const s = defaultSettings('chat') as ChatSettings;
    const config = toPublicConfig(
      widget({ ...s, appearance: { ...s.appearance, hideBrand: true } }),
      calendar,
      { now },
    );
    expect(config.brand).toEqual({ hidden: true, nonWorkingHidden: false });
  });

  it('gives a callback widget its mode kind, country and lead generator', () => {
    const automatic = toPublicConfig(widget(secretCallback('automatic')), calendar, { now });
    expect(automatic).toMatchObject({
      type: 'callback',
      mode: 'automatic',
      country: 'ru',
      leadGenerator: { triggers: allOn, repeatAfterHours: 24, skipIfPhoneLeft: true },
    });
    const manual = toPublicConfig(widget(secretCallback('manual')), calendar, { now });
    expect(manual).toMatchObject({ type: 'callback', mode: 'manual', country: 'ru' });
    expect(manual).not.toHaveProperty('leadGenerator');
  });

  it('leaves the lead generator out while it is off', () => {
    const s = secretCallback('automatic');
    const config = toPublicConfig(
      widget({ ...s, leadGenerator: { ...s.leadGenerator, enabled: false } }),
      calendar,
      { now },
    );
    expect(config).not.toHaveProperty('leadGenerator');
  });

  it('takes the phone country from the schedule', () => {
    const s = defaultSettings('callback') as CallbackSettings;
    const kz = { ...s, schedule: { ...s.schedule, country: 'kz' as const } };
    const config = toPublicConfig(widget(kz), calendarDays('kz', '2026-03-10', 60), { now });
    expect(config.type === 'callback' && config.country).toBe('kz');
  });

  it('gives a chat widget the links of its enabled channels only', () => {
    const s = secretChat();
    const vk = { enabled: false, receiver: null, groupId: 'club42' };
    const config = toPublicConfig(widget({ ...s, channels: { ...s.channels, vk } }), calendar, {
      now,
    });
    expect(config.type === 'chat' && config.channels).toEqual({
      site: { showOperatorName: true, showOperatorPhoto: true, rating: true },
      telegram: { bot: 'shop_help_bot' },
      viber: { uri: 'shophelp' },
      facebook: { pageId: 'shop.page' },
      callback: true,
      // Only the kind: the staff's addresses stay on the platform.
      callbackMode: 'manual',
    });
    expect(config).toMatchObject({ leadGenerator: { triggers: allOn, repeatAfterHours: 12 } });
  });

  it("gives the messengers' link base where the platform names one, when a messenger is on", () => {
    const base = 'http://127.0.0.1:8070';
    const config = toPublicConfig(widget(secretChat()), calendar, { now, messengerLinkBase: base });
    expect(config.type === 'chat' && config.channels).toMatchObject({
      linkBase: base,
      telegram: { bot: 'shop_help_bot' },
      viber: { uri: 'shophelp' },
    });
    const siteOnly = secretChat();
    for (const m of ['telegram', 'viber', 'vk', 'facebook'] as const) {
      const channel = siteOnly.channels[m];
      if (channel) channel.enabled = false;
    }
    const plain = toPublicConfig(widget(siteOnly), calendar, { now, messengerLinkBase: base });
    expect(plain.type === 'chat' && 'linkBase' in plain.channels).toBe(false);
    expect(() =>
      toPublicConfig(widget(secretChat()), calendar, { now, messengerLinkBase: 'javascript:x' }),
    ).toThrow('must be an http(s) URL');
  });

  it.each<WidgetType>(['call', 'callback', 'chat'])(
    'carries the %s widget\'s "nobody available" texts, the built-in ones for older settings',
    (type) => {
      const s = defaultSettings(type);
      const own = {
        title: { ru: 'Все заняты' },
        text: { ru: 'Оставьте контакт' },
        buttonText: { ru: 'Оставить заявку' },
      };
      const config = toPublicConfig(
        widget({ ...s, appearance: { ...s.appearance, nobody: own } } as WidgetSettings),
        calendar,
        { now },
      );
      expect(config.appearance.nobody).toEqual(own);
      // Stored before these texts existed: no `nobody` at all.
      const { nobody: _, ...older } = s.appearance;
      const fallback = toPublicConfig(
        widget({ ...s, appearance: older } as WidgetSettings),
        calendar,
        { now },
      );
      // In the widget's one language (Russian), like its other texts.
      const { title, text, buttonText } = NOBODY_TEXTS[type];
      expect(fallback.appearance.nobody).toEqual({
        title: { ru: title.ru },
        text: { ru: text.ru },
        buttonText: { ru: buttonText.ru },
      });
    },
  );

  it('carries the account tag the platform gives, and none without it', () => {
    const s = defaultSettings('callback');
    expect(toPublicConfig(widget(s), calendar, { now, accountTag: 'tag_1-A' })).toMatchObject({
      accountTag: 'tag_1-A',
    });
    expect(toPublicConfig(widget(s), calendar, { now })).not.toHaveProperty('accountTag');
  });

  it('gives a fresh chat widget the site chat alone', () => {
    const config = toPublicConfig(widget(defaultSettings('chat')), calendar, { now });
    expect(config.type === 'chat' && config.channels).toEqual({
      site: { showOperatorName: true, showOperatorPhoto: true, rating: true },
      callback: false,
    });
    expect(config).not.toHaveProperty('leadGenerator');
  });

  it('leaves out exceptions that ended before yesterday (company zone)', () => {
    const s = defaultSettings('call') as CallSettings;
    const exceptions = [
      { date: '2026-03-08', closed: true },
      { date: '2026-03-09', closed: true },
      { date: '2026-03-10', from: '10:00', to: '12:00' },
      { date: '2027-01-05', closed: true },
    ];
    const config = toPublicConfig(
      widget({ ...s, schedule: { ...s.schedule, exceptions } }),
      calendar,
      { now },
    );
    expect(config.schedule.exceptions).toEqual(exceptions.slice(1));
  });

  it('refuses a widget whose type differs from its settings', () => {
    expect(() =>
      toPublicConfig({ ...widget(defaultSettings('call')), type: 'chat' }, calendar, { now }),
    ).toThrow(TypeError);
  });

  it('refuses calendar days of another country', () => {
    expect(() =>
      toPublicConfig(widget(defaultSettings('call')), calendarDays('by', '2026-03-10', 60), {
        now,
      }),
    ).toThrow(TypeError);
  });

  it('gives what parsePublicConfig accepts unchanged, for any valid settings', () => {
    fc.assert(
      fc.property(arbitraryWidgetSettings(), (settings) => {
        const days = calendarDays(settings.schedule.country ?? 'ru', '2026-03-10', 60);
        const config = toPublicConfig(widget(settings), days, { now });
        // Through JSON, as the browser gets it.
        const received = JSON.parse(JSON.stringify(config));
        expect(parsePublicConfig(received)).toEqual({ ok: true, value: config });
      }),
      { numRuns: 100 },
    );
  });
});
