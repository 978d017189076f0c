/** Test fixtures: real public configs, made the way the platform makes them. */
import {
  type CallbackSettings,
  defaultSettings,
  type PublicCallbackConfig,
  toPublicConfig,
} from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';
import { createSchedule } from '@frontdesk/schedule/engine';
import type { CallbackWidgetProps } from '../src/callback-widget';
import type { CallbackRequest } from '../src/submit-callback';

/** Wednesday 4 March 2026, 10:00 in Moscow. */
export const WEDNESDAY_10_MSK = new Date('2026-03-04T07:00:00Z');

/**
 * The public config of a callback widget with the default settings (Moscow, standard week,
 * Russian holidays, texts in Russian and English), speaking the visitor's language, as changed
 * by `change`, for the calendar window of `now`.
 */
export function callbackConfig(
  change: (settings: CallbackSettings) => CallbackSettings = (settings) => settings,
  now: Date = WEDNESDAY_10_MSK,
): PublicCallbackConfig {
  const settings = change({
    ...(defaultSettings('callback', { timeZone: 'Europe/Moscow' }) as CallbackSettings),
    locale: 'auto',
  });
  const today = dateIn(settings.schedule.timeZone, now);
  const calendar = calendarDays(settings.schedule.country ?? 'ru', today, 60);
  return toPublicConfig(
    { key: 'test-callback', type: 'callback', name: 'Test', settings, sipLine: null },
    calendar,
    {
      now,
    },
  ) as PublicCallbackConfig;
}

/** An order for "now" from `phone`, as the form posts it. */
export const callbackRequest = (phone: string): CallbackRequest => ({
  phone,
  now: true,
  page: { url: 'https://shop.example/', title: 'Shop', referrer: '', utm: {} },
  timeZone: 'Europe/Moscow',
  website: '',
});

/**
 * The props of the opened form for `config`: working time, someone online, in English, its
 * visitor in Moscow on Wednesday 4 March at 10:00, with `props` over that.
 */
export function formProps(
  config: PublicCallbackConfig,
  props: Pick<CallbackWidgetProps, 'texts' | 'submit'> & Partial<CallbackWidgetProps>,
): CallbackWidgetProps {
  return {
    config,
    schedule: createSchedule(config.schedule, config.calendar),
    variant: 'working',
    presence: 'online',
    lang: 'en',
    locale: 'en-GB',
    visitor: {},
    visitorZone: 'Europe/Moscow',
    now: () => WEDNESDAY_10_MSK,
    brandHref: 'https://fd.example',
    onSubmitted: () => {},
    ...props,
  };
}
