/**
 * Settings → the public config a browser receives. Every field is picked by name, never
 * spread from the settings, and the result is run through the public schema, which strips
 * whatever it does not know: a secret cannot reach a browser by accident, not even from stored
 * settings of an older or newer shape.
 */
import type { CalendarDays, ScheduleInput } from '@frontdesk/schedule';
import { dateIn } from '@frontdesk/schedule/engine';
import * as v from 'valibot';
import type { CallbackSettings } from './callback-settings';
import type { ChatSettings } from './chat-settings';
import type { TextLocale } from './locale';
import type { LocalizedText } from './localized-text';
import { mapTexts } from './map-texts';
import { nobodyTexts } from './nobody-texts';
import { type PublicConfig, PublicConfigSchema } from './public-config';
import { languagesOf } from './settings-languages';
import type { WidgetSettings, WidgetType } from './widget-settings';

/** The widget as the platform stores it (only `key`, `type` and `settings` are used). */
export interface PublicConfigSource {
  key: string;
  type: WidgetType;
  name: string;
  settings: WidgetSettings;
  sipLine: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The schedule without exceptions that are over: they only weigh down every page load. A day of
 * slack covers visitors whose clock or zone is a day behind the company's.
 */
function currentSchedule(schedule: ScheduleInput, now: Date): ScheduleInput {
  if (!schedule.exceptions) return schedule;
  const since = dateIn(schedule.timeZone, new Date(now.getTime() - DAY_MS));
  return { ...schedule, exceptions: schedule.exceptions.filter((e) => e.date >= since) };
}

/** The lead generator's rules, when it can open the callback widget by itself. */
function callbackLeadRules(s: CallbackSettings) {
  const lg = s.leadGenerator;
  if (s.mode.kind !== 'automatic' || !lg.enabled) return undefined;
  return {
    triggers: lg.triggers,
    repeatAfterHours: lg.repeatAfterHours,
    skipIfPhoneLeft: lg.skipIfPhoneLeft,
  };
}

/** The chat's public channels: messenger links only where a channel is on. */
function chatChannels(channels: ChatSettings['channels'], linkBase: string | undefined) {
  const { site, telegram, viber, vk, facebook, callback } = channels;
  const messengers = [telegram, viber, vk, facebook].some((channel) => channel?.enabled);
  return {
    linkBase: messengers ? linkBase : undefined,
    site: {
      showOperatorName: site.showOperatorName,
      showOperatorPhoto: site.showOperatorPhoto,
      rating: site.rating,
    },
    telegram: telegram?.enabled ? { bot: telegram.botName } : undefined,
    viber: viber?.enabled ? { uri: viber.uri } : undefined,
    vk: vk?.enabled ? { groupId: vk.groupId } : undefined,
    facebook: facebook?.enabled ? { pageId: facebook.pageId } : undefined,
    callback: callback?.enabled === true,
    callbackMode: callback?.enabled ? callback.mode.kind : undefined,
  };
}

/** The chat's capture-form rules, when lead generation is on. */
function chatLeadRules(s: ChatSettings) {
  const lg = s.channels.leadGeneration;
  if (!lg?.enabled) return undefined;
  return {
    triggers: lg.triggers,
    repeatAfterHours: lg.repeatAfterHours,
    skipIfPhoneLeft: lg.skipIfPhoneLeft,
  };
}

/** `text` in `languages` only. */
function inLanguages(text: LocalizedText, languages: readonly TextLocale[]): LocalizedText {
  return Object.fromEntries(
    languages.flatMap((l) => (text[l] === undefined ? [] : [[l, text[l]]])),
  );
}

/** An object without its undefined properties (JSON would drop them anyway; tests compare). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, value]) => value !== undefined)) as T;
}

/**
 * The public config of a widget: its look, schedule with `calendar` (the production-calendar
 * days of the next 60 days, from `calendarDays`), consent, brand and per-type behaviour — never
 * staff e-mails or phones, receivers, bot tokens, the SIP line, allowed origins or auto-reply
 * texts. Its texts are in the languages a visitor may be shown (`languages`, see
 * `languagesOf`) only. Exceptions that ended before yesterday (`now`, company zone) are left out.
 * `accountTag` (see the public schema) is the platform's to make: it is not in the settings;
 * so is `messengerLinkBase` (MESSENGER_LINK_BASE), where hand-off links go instead of the messengers'.
 * @throws {TypeError} when `widget.type` and `widget.settings.type` differ, or the calendar is of
 * another country than the schedule.
 * @throws {v.ValiError} when the settings are not valid settings.
 */
export function toPublicConfig(
  widget: PublicConfigSource,
  calendar: CalendarDays,
  opts: { now: Date; accountTag?: string; messengerLinkBase?: string | undefined },
): PublicConfig {
  const s = widget.settings;
  if (widget.type !== s.type) {
    throw new TypeError(`Widget type "${widget.type}" differs from its settings' "${s.type}"`);
  }
  const country = s.schedule.country ?? 'ru';
  if (calendar.country !== country) {
    throw new TypeError(`Calendar days of "${calendar.country}" for a schedule of "${country}"`);
  }
  const { hideBrand, nonWorking, ...look } = s.appearance;
  const languages = languagesOf(s);
  const base = {
    v: 1,
    key: widget.key,
    locale: s.locale,
    languages,
    schedule: currentSchedule(s.schedule, opts.now),
    calendar,
    consent: s.consent,
    brand: { hidden: hideBrand, nonWorkingHidden: nonWorking.hideBrand },
    accountTag: opts.accountTag,
    appearance: {
      ...look,
      // Settings stored before the "nobody available" texts existed have none: the built-in ones.
      nobody: (look.nobody as typeof look.nobody | undefined) ?? nobodyTexts(s.type),
      nonWorking: { title: nonWorking.title, text: nonWorking.text },
    },
  };
  let draft: object;
  switch (s.type) {
    case 'call':
      draft = defined({ ...base, type: 'call', dialPad: s.dialPad, popOut: s.popOut });
      break;
    case 'callback':
      draft = defined({
        ...base,
        type: 'callback',
        mode: s.mode.kind,
        country,
        leadGenerator: callbackLeadRules(s),
      });
      break;
    case 'chat':
      draft = defined({
        ...base,
        type: 'chat',
        channels: defined(chatChannels(s.channels, opts.messengerLinkBase)),
        leadGenerator: chatLeadRules(s),
      });
      break;
  }
  draft = mapTexts(PublicConfigSchema, draft, (text) =>
    inLanguages(text as LocalizedText, languages),
  );
  // The public schema strips what it does not know and proves the browser will accept it.
  return v.parse(PublicConfigSchema, draft);
}
