/**
 * fast-check arbitraries of valid settings, for property tests here and in other packages
 * (storage round trips, API corpora): every value they produce is one `parseSettings` accepts
 * and returns unchanged. Strings are deliberately awkward — emoji, RTL, combining marks,
 * markup, quotes, injection-looking text, the longest length allowed — but always valid.
 */
import type {
  CallbackSettings,
  CallSettings,
  ChatSettings,
  WidgetSettings,
  WidgetType,
} from '@frontdesk/config';
import type { ScheduleInput, Weekday } from '@frontdesk/schedule';
import fc from 'fast-check';

/**
 * A write of a secret setting: a new value, null to clear, or the `{ set }` a read gave (the
 * record's `requiredKeys` leaves it out sometimes: kept).
 */
function secret(value: fc.Arbitrary<string>) {
  return fc.oneof(value, fc.constant(null), fc.record({ set: fc.boolean() }));
}

/** Valid texts that tend to break things that handle text carelessly. */
export const TRICKY_TEXTS: readonly string[] = [
  '👩‍👩‍👧‍👦 семья',
  '🇷🇺🇰🇿🇧🇾🇺🇿',
  'مرحبا بكم في متجرنا',
  'שלום עולם',
  '\u202Eevil\u202C',
  '<script>alert("x")</script>',
  '<img src=x onerror=alert(1)>',
  `"double" 'single' \`back\``,
  'a\\b\\\\c',
  'line 1\nline 2\r\n\ttabbed',
  'e\u0301 combining',
  'zero\u200Bwidth\u200Djoiner',
  '\uFEFFbom',
  '𝕳𝖊𝖑𝖑𝖔 𝒘𝒐𝒓𝒍𝒅',
  "'; DROP TABLE widgets; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that merely looks like a template
  '${template} {{mustache}} %s %d',
  '{"json":true}',
  'Ω≈ç√∫˜µ≤≥÷ ÆØÅ ß',
  'Перезвоним за 30 секунд',
];

/** `s` cut to at most `max` UTF-16 units, never between the halves of a surrogate pair. */
function fit(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Valid free text of at most `max` UTF-16 units: random graphemes of all of Unicode, tricky
 * constants, or the longest text allowed. `required`: at least one visible character.
 */
export function arbitraryText(
  max: number,
  opts: { required?: boolean } = {},
): fc.Arbitrary<string> {
  const random = fc
    .string({ unit: 'grapheme', maxLength: Math.min(max, 40) })
    .map((s) => fit(s.replaceAll('\0', ''), max));
  const tricky = fc.constantFrom(...TRICKY_TEXTS).map((s) => fit(s, max));
  const longest = fc
    .constantFrom('я', 'w', '😀', '<', '👩‍👩‍👧‍👦')
    .map((unit) => fit(unit.repeat(Math.ceil(max / unit.length)), max));
  const text = fc.oneof(random, tricky, longest);
  return opts.required ? text.map((s) => (s.trim() === '' ? fit(`x${s}`, max) : s)) : text;
}

/**
 * A marketer's text per language (see {@link arbitraryText}); `required`: written in both
 * languages, so it is there whichever is the main one.
 */
export function arbitraryLocalizedText(
  max: number,
  opts: { required?: boolean } = {},
): fc.Arbitrary<{ ru?: string; en?: string }> {
  return fc.record(
    { ru: arbitraryText(max, opts), en: arbitraryText(max, opts) },
    { requiredKeys: opts.required ? ['ru', 'en'] : [] },
  );
}

/** A colour "#rrggbb", either case. */
export const arbitraryColor: fc.Arbitrary<string> = fc.stringMatching(/^#[0-9a-fA-F]{6}$/);

/** A phone number in E.164. */
export const arbitraryPhone: fc.Arbitrary<string> = fc.stringMatching(/^\+[1-9]\d{6,14}$/);

/** An e-mail address, from plain to `o'brien+tag@…`, as RFC 5322 writes them. */
export const arbitraryEmail: fc.Arbitrary<string> = fc.oneof(
  fc.emailAddress().filter((e) => e.length <= 254),
  fc.constantFrom(
    "o'brien+tag@sub.example.co.uk",
    'UPPER.case@Example.COM',
    'x@xn--80aairftm.xn--p1ai',
  ),
);

/** An allowed-origin pattern: exact, with a port, with the port wildcard, IPv6, IDN. */
export const arbitraryOrigin: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'https://shop.example',
    'http://localhost:*',
    'http://127.0.0.1:8080',
    'http://[::1]:*',
    'https://магазин.рф',
    'https://SHOP.Example:443',
  ),
  fc
    .tuple(
      fc.constantFrom('http', 'https'),
      fc.domain(),
      fc.option(fc.oneof(fc.integer({ min: 1, max: 65535 }).map(String), fc.constant('*')), {
        nil: undefined,
      }),
    )
    .map(([scheme, host, port]) => `${scheme}://${host}${port === undefined ? '' : `:${port}`}`),
);

const ZONES = [
  'UTC',
  'Europe/Moscow',
  'Europe/Minsk',
  'Asia/Almaty',
  'Asia/Tashkent',
  'America/St_Johns',
  'Asia/Kathmandu',
];
const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const hhmm = (m: number) =>
  m === 1440
    ? '24:00'
    : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A span of quarter hours inside one day, from < to. */
const span = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ from: hhmm(a * 15), to: hhmm(b * 15) }));

const isoDate = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const exception = fc.oneof(
  fc.record({ closed: fc.constant(true) }),
  fc.record({ closed: fc.constant(false), span }).map(({ closed, span: s }) => ({ ...s, closed })),
  span,
);

/** A schedule the engine accepts; optional fields sometimes absent (never an empty-date exception). */
export const arbitrarySchedule: fc.Arbitrary<ScheduleInput> = fc.record(
  {
    timeZone: fc.constantFrom(...ZONES),
    country: fc.constantFrom('ru', 'by', 'kz', 'uz'),
    week: fc.record(
      Object.fromEntries(
        DAYS.map((day) => [
          day,
          fc.option(
            fc
              .tuple(span, fc.option(fc.array(span, { maxLength: 3 }), { nil: undefined }))
              .map(([hours, breaks]) => (breaks ? { ...hours, breaks } : hours)),
            { nil: null },
          ),
        ]),
      ) as Record<Weekday, fc.Arbitrary<{ from: string; to: string } | null>>,
      { requiredKeys: [] },
    ),
    lunch: fc.option(span, { nil: null }),
    holidays: fc.boolean(),
    preHoliday: fc.boolean(),
    exceptions: fc
      .uniqueArray(isoDate, { maxLength: 4 })
      .chain((dates) => fc.tuple(...dates.map((date) => exception.map((e) => ({ date, ...e }))))),
  },
  { requiredKeys: ['timeZone', 'week'] },
) as fc.Arbitrary<ScheduleInput>;

const receiver = fc.option(
  fc.record({
    kind: fc.constantFrom('employee' as const, 'group' as const),
    id: arbitraryText(100, { required: true }),
  }),
  { nil: null },
);

const common = fc.record(
  {
    allowedOrigins: fc.array(arbitraryOrigin, { maxLength: 5 }),
    locale: fc.constantFrom('auto' as const, 'ru' as const, 'en' as const),
    mainLocale: fc.constantFrom('ru' as const, 'en' as const),
    schedule: arbitrarySchedule,
    consent: fc.record(
      { required: fc.boolean(), text: arbitraryLocalizedText(1000) },
      { requiredKeys: ['required'] },
    ),
  },
  { requiredKeys: ['allowedOrigins', 'locale', 'mainLocale', 'schedule', 'consent'] },
);

const working = fc.record({
  title: arbitraryLocalizedText(100, { required: true }),
  text: arbitraryLocalizedText(500),
  buttonText: arbitraryLocalizedText(60, { required: true }),
});

const nonWorking = fc.record({
  title: arbitraryLocalizedText(100, { required: true }),
  text: arbitraryLocalizedText(500),
  hideBrand: fc.boolean(),
});

const position = fc.constantFrom('left' as const, 'right' as const);

/** Triggers; with `atLeastOne`, one of them enabled at least. */
function triggers(atLeastOne: boolean) {
  return fc
    .record({
      timeOnPage: fc.record({ enabled: fc.boolean(), seconds: fc.integer({ min: 1, max: 3600 }) }),
      scrollDepth: fc.record({ enabled: fc.boolean(), percent: fc.integer({ min: 1, max: 100 }) }),
      pagesViewed: fc.record({ enabled: fc.boolean(), count: fc.integer({ min: 1, max: 100 }) }),
      exitIntent: fc.record({ enabled: fc.boolean() }),
      inactivity: fc.record({ enabled: fc.boolean(), seconds: fc.integer({ min: 1, max: 3600 }) }),
    })
    .map((t) =>
      atLeastOne && !Object.values(t).some((x) => x.enabled)
        ? { ...t, exitIntent: { enabled: true } }
        : t,
    );
}

/** A lead generator; `canEnable` false keeps it off (manual mode). */
function leadGenerator(canEnable: boolean) {
  return (canEnable ? fc.boolean() : fc.constant(false)).chain((enabled) =>
    fc.record({
      enabled: fc.constant(enabled),
      triggers: triggers(enabled),
      repeatAfterHours: fc.integer({ min: 1, max: 8760 }),
      skipIfPhoneLeft: fc.boolean(),
    }),
  );
}

const directions = fc
  .record({ local: fc.boolean(), national: fc.boolean(), international: fc.boolean() })
  .map((d) => (d.local || d.national || d.international ? d : { ...d, national: true }));

const mode = fc.oneof(
  fc.record({
    kind: fc.constant('automatic' as const),
    addressee: fc.oneof(
      receiver,
      fc.record({ kind: fc.constant('external' as const), number: arbitraryPhone }),
    ),
    outgoingNumber: fc.option(arbitraryPhone, { nil: null }),
    directions,
  }),
  fc
    .record({
      kind: fc.constant('manual' as const),
      emails: fc.array(arbitraryEmail, { maxLength: 10 }),
      smsNumbers: fc.array(arbitraryPhone, { maxLength: 10 }),
    })
    .map((m) =>
      m.emails.length + m.smsNumbers.length > 0 ? m : { ...m, emails: ['sales@shop.example'] },
    ),
);

const call: fc.Arbitrary<CallSettings> = fc
  .record({
    common,
    forwarding: fc.oneof(
      receiver,
      fc.record({ kind: fc.constant('external' as const), number: arbitraryPhone }),
    ),
    ringing: fc.constantFrom('together' as const, 'sequential' as const),
    ringSeconds: fc.integer({ min: 5, max: 120 }),
    fallback: fc.oneof(
      fc.record({ kind: fc.constant('callback' as const) }),
      fc.record({ kind: fc.constant('external' as const), number: arbitraryPhone }),
    ),
    outgoingNumber: fc.option(arbitraryPhone, { nil: null }),
    dialPad: fc.boolean(),
    popOut: fc.boolean(),
    appearance: fc.record({
      shape: fc.constantFrom('square' as const, 'rounded' as const),
      primaryColor: arbitraryColor,
      secondaryColor: arbitraryColor,
      themed: fc.boolean(),
      position,
      working,
      nonWorking,
      nobody: working,
      hideBrand: fc.boolean(),
    }),
  })
  .map(({ common: c, ...rest }) => ({ type: 'call' as const, ...c, ...rest }));

const callback: fc.Arbitrary<CallbackSettings> = mode.chain((m) =>
  fc
    .record({
      common,
      leadGenerator: leadGenerator(m.kind === 'automatic'),
      appearance: fc.record({
        callFormat: fc.constantFrom('popup' as const, 'label' as const),
        popupVariant: fc.constantFrom('button' as const, 'link' as const),
        display: fc.constantFrom('popup' as const, 'side' as const),
        shape: fc.constantFrom('square' as const, 'rounded' as const, 'figured' as const),
        primaryColor: arbitraryColor,
        secondaryColor: arbitraryColor,
        themed: fc.boolean(),
        position,
        working,
        nonWorking,
        nobody: working,
        leadGenerator: fc.record({
          title: arbitraryLocalizedText(100, { required: true }),
          text: arbitraryLocalizedText(500),
        }),
        hideBrand: fc.boolean(),
      }),
    })
    .map(({ common: c, ...rest }) => ({ type: 'callback' as const, ...c, mode: m, ...rest })),
);

const slug = fc.stringMatching(/^[A-Za-z0-9._-]{1,100}$/);

const channels = fc.record({
  site: fc.record({
    receiver,
    nonWorkingEmail: fc.option(arbitraryEmail, { nil: null }),
    showOperatorName: fc.boolean(),
    showOperatorPhoto: fc.boolean(),
    rating: fc.boolean(),
    autoReplies: fc.array(
      fc.record({
        text: arbitraryLocalizedText(1000, { required: true }),
        delaySeconds: fc.integer({ min: 0, max: 86_400 }),
        when: fc.constantFrom('working' as const, 'nonWorking' as const),
      }),
      { maxLength: 4 },
    ),
  }),
  telegram: fc.option(
    fc.record(
      {
        enabled: fc.boolean(),
        receiver,
        botToken: secret(fc.stringMatching(/^\d{1,20}:[A-Za-z0-9_-]{20,150}$/)),
        botName: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{3,31}$/),
      },
      { requiredKeys: ['enabled', 'receiver', 'botName'] },
    ),
    { nil: null },
  ),
  viber: fc.option(
    fc.record(
      {
        enabled: fc.boolean(),
        receiver,
        botToken: secret(fc.stringMatching(/^[A-Za-z0-9-]{16,200}$/)),
        botName: arbitraryText(100, { required: true }),
        uri: slug,
      },
      { requiredKeys: ['enabled', 'receiver', 'botName', 'uri'] },
    ),
    { nil: null },
  ),
  vk: fc.option(fc.record({ enabled: fc.boolean(), receiver, groupId: slug }), { nil: null }),
  facebook: fc.option(fc.record({ enabled: fc.boolean(), receiver, pageId: slug }), { nil: null }),
  callback: fc.option(fc.record({ enabled: fc.boolean(), mode }), { nil: null }),
  leadGeneration: fc.option(
    leadGenerator(true).chain((lg) =>
      fc
        .record({
          handler: receiver,
          notifyEmails: fc.array(arbitraryEmail, { maxLength: 3 }),
          notifyPhones: fc.array(arbitraryPhone, { maxLength: 3 }),
          companyNumber: fc.option(arbitraryPhone, { nil: null }),
        })
        .map((rest) => ({ ...lg, ...rest })),
    ),
    { nil: null },
  ),
});

const chat: fc.Arbitrary<ChatSettings> = fc
  .record({
    common,
    channels,
    appearance: fc.record({
      theme: fc.constantFrom('light' as const, 'dark' as const),
      buttonColor: arbitraryColor,
      position,
      working,
      nonWorking,
      nobody: working,
      hideBrand: fc.boolean(),
    }),
  })
  .map(({ common: c, ...rest }) => ({ type: 'chat' as const, ...c, ...rest }));

/** Valid settings of `type`, or of any type; plain objects, as JSON would give them back. */
export function arbitraryWidgetSettings(type?: WidgetType): fc.Arbitrary<WidgetSettings> {
  const settings: fc.Arbitrary<WidgetSettings> =
    type === 'call'
      ? call
      : type === 'callback'
        ? callback
        : type === 'chat'
          ? chat
          : fc.oneof(call, callback, chat);
  // fast-check's records may lack a prototype; callers compare with what JSON and storage return.
  return settings.map((value) => structuredClone(value));
}
