/**
 * The settings of a new widget: valid as they are (so a widget works the moment it is created),
 * speaking Russian like the source product, with every text in English too (so "auto" can speak
 * either), and nothing that needs the account's people or numbers —
 * those start as null ("every operator", "the account's number").
 */
import type { DayHours, ScheduleInput, Weekday } from '@frontdesk/schedule';
import { templates } from '@frontdesk/schedule/engine';
import type { CallSettings } from './call-settings';
import type { CallbackSettings } from './callback-settings';
import type { ChatSettings } from './chat-settings';
import { nobodyTexts } from './nobody-texts';
import type { WidgetSettings, WidgetType } from './widget-settings';

/** Zone of a new widget when the Studio cannot tell the marketer's. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** The chat's button colour: green, as the source's. */
export const DEFAULT_CHAT_COLOR = '#1aaf5d';

function knownZone(timeZone: string | undefined): string {
  if (timeZone === undefined) return DEFAULT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    // Some runtimes report zones they cannot format ("Etc/Unknown"): a valid default beats it.
    return DEFAULT_TIME_ZONE;
  }
}

/** A mutable copy of a frozen template week. */
function copyWeek(week: ScheduleInput['week']): Record<Weekday, DayHours | null> {
  const day = (d: DayHours | null | undefined) => (d ? { from: d.from, to: d.to } : null);
  return {
    mon: day(week.mon),
    tue: day(week.tue),
    wed: day(week.wed),
    thu: day(week.thu),
    fri: day(week.fri),
    sat: day(week.sat),
    sun: day(week.sun),
  };
}

/** The break a chat day gets when the marketer turns its lunch on (the source's default). */
export const DEFAULT_CHAT_LUNCH: Readonly<{ from: string; to: string }> = {
  from: '13:00',
  to: '14:00',
};

/** The non-working title of the call and callback widgets. */
const closed = () => ({ ru: 'Сейчас мы не работаем', en: 'We are closed now' });

const officeDay = (): DayHours => ({ from: '09:00', to: '18:00' });

const triggers = () => ({
  timeOnPage: { enabled: true, seconds: 30 },
  scrollDepth: { enabled: false, percent: 50 },
  pagesViewed: { enabled: false, count: 3 },
  exitIntent: { enabled: false },
  inactivity: { enabled: false, seconds: 60 },
});

const leadGenerator = () => ({
  enabled: false,
  triggers: triggers(),
  repeatAfterHours: 24,
  skipIfPhoneLeft: true,
});

const automaticMode = () => ({
  kind: 'automatic' as const,
  addressee: null,
  outgoingNumber: null,
  directions: { local: true, national: true, international: false },
});

function common(timeZone: string, schedule: Omit<ScheduleInput, 'timeZone' | 'country'>) {
  return {
    allowedOrigins: [],
    locale: 'ru' as const,
    mainLocale: 'ru' as const,
    schedule: { timeZone, country: 'ru' as const, ...schedule, exceptions: [] },
    consent: { required: false },
  };
}

function call(timeZone: string): CallSettings {
  return {
    type: 'call',
    ...common(timeZone, {
      week: copyWeek(templates.standard),
      lunch: null,
      holidays: true,
      preHoliday: true,
    }),
    forwarding: null,
    ringing: 'together',
    ringSeconds: 20,
    fallback: { kind: 'callback' },
    outgoingNumber: null,
    dialPad: true,
    popOut: true,
    appearance: {
      shape: 'rounded',
      primaryColor: '#2563eb',
      secondaryColor: '#ffffff',
      themed: true,
      position: 'right',
      working: {
        title: { ru: 'Позвоните нам прямо с сайта', en: 'Call us right from the website' },
        text: {
          ru: 'Бесплатный звонок через браузер: нужны только микрофон и динамики.',
          en: 'A free call in your browser: all you need is a microphone and speakers.',
        },
        buttonText: { ru: 'Позвонить', en: 'Call us' },
      },
      nonWorking: {
        title: closed(),
        text: {
          ru: 'Позвоните нам в рабочее время — мы будем рады помочь.',
          en: 'Call us during working hours — we will be glad to help.',
        },
        hideBrand: false,
      },
      nobody: nobodyTexts('call'),
      hideBrand: false,
    },
  };
}

function callback(timeZone: string): CallbackSettings {
  return {
    type: 'callback',
    ...common(timeZone, {
      week: copyWeek(templates.standard),
      lunch: null,
      holidays: true,
      preHoliday: true,
    }),
    mode: automaticMode(),
    leadGenerator: leadGenerator(),
    appearance: {
      callFormat: 'popup',
      popupVariant: 'button',
      display: 'popup',
      shape: 'rounded',
      primaryColor: '#2563eb',
      secondaryColor: '#ffffff',
      themed: true,
      position: 'right',
      working: {
        title: { ru: 'Перезвоним за 30 секунд', en: 'We will call you back in 30 seconds' },
        text: {
          ru: 'Укажите номер для связи, и в течение 30 секунд наш специалист свяжется с вами.',
          en: 'Leave your number, and our specialist will call you within 30 seconds.',
        },
        buttonText: { ru: 'Заказать звонок', en: 'Request a call' },
      },
      nonWorking: {
        title: closed(),
        text: {
          ru: 'Выберите удобное время — мы перезвоним в рабочие часы.',
          en: 'Choose a convenient time, and we will call you back during working hours.',
        },
        hideBrand: false,
      },
      nobody: nobodyTexts('callback'),
      leadGenerator: {
        title: { ru: 'Остались вопросы?', en: 'Any questions left?' },
        text: {
          ru: 'Оставьте номер — перезвоним за 30 секунд и ответим на все вопросы.',
          en: 'Leave your number: we will call you back in 30 seconds and answer them all.',
        },
      },
      hideBrand: false,
    },
  };
}

function chat(timeZone: string): ChatSettings {
  return {
    type: 'chat',
    ...common(timeZone, {
      week: {
        mon: officeDay(),
        tue: officeDay(),
        wed: officeDay(),
        thu: officeDay(),
        fri: officeDay(),
        sat: null,
        sun: null,
      },
      lunch: null,
      holidays: true,
      preHoliday: false,
    }),
    channels: {
      site: {
        receiver: null,
        nonWorkingEmail: null,
        showOperatorName: true,
        showOperatorPhoto: true,
        rating: true,
        autoReplies: [],
      },
      telegram: null,
      viber: null,
      vk: null,
      facebook: null,
      callback: null,
      leadGeneration: null,
    },
    appearance: {
      theme: 'light',
      buttonColor: DEFAULT_CHAT_COLOR,
      position: 'right',
      working: {
        title: { ru: 'Онлайн-чат', en: 'Online chat' },
        text: {
          ru: 'Задайте вопрос — оператор ответит в течение нескольких минут.',
          en: 'Ask a question, and an operator will answer within a few minutes.',
        },
        buttonText: { ru: 'Напишите нам, мы онлайн!', en: 'Write to us, we are online!' },
      },
      nonWorking: {
        title: { ru: 'Сейчас мы не в сети', en: 'We are offline now' },
        text: {
          ru: 'Оставьте сообщение — мы ответим в рабочее время.',
          en: 'Leave a message, and we will answer during working hours.',
        },
        hideBrand: false,
      },
      nobody: nobodyTexts('chat'),
      hideBrand: false,
    },
  };
}

/**
 * Settings of a new widget of `type`, valid as they are. Call and callback: the standard week
 * (Mon–Thu 09:00–18:00, Fri 09:00–17:00); chat: Mon–Fri 09:00–18:00; all with the Russian
 * calendar's holidays, no lunch. `timeZone` is the marketer's browser zone (Europe/Moscow when
 * absent or unknown to this runtime).
 */
export function defaultSettings(
  type: WidgetType,
  opts: { timeZone?: string } = {},
): WidgetSettings {
  const timeZone = knownZone(opts.timeZone);
  switch (type) {
    case 'call':
      return call(timeZone);
    case 'callback':
      return callback(timeZone);
    case 'chat':
      return chat(timeZone);
    default:
      throw new TypeError(`Unknown widget type "${String(type)}": expected call, callback or chat`);
  }
}
