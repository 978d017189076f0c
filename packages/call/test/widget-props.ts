/** Props of a call widget for the jsdom tests: an English call widget while someone can answer. */
import type { CallSettings, PublicCallConfig } from '@frontdesk/config';
import { defaultSettings, toPublicConfig } from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';
import { vi } from 'vitest';
import type { OpenedTexts } from '../src/call-messages';
import type { CallWidgetProps } from '../src/call-widget';

const now = new Date('2026-03-04T07:00:00Z');

/** The default call widget's public config, in English. */
export const englishCallConfig = toPublicConfig(
  {
    key: 'test-call',
    type: 'call',
    name: 'Test',
    settings: { ...(defaultSettings('call') as CallSettings), locale: 'en' },
    sipLine: null,
  },
  calendarDays('ru', dateIn('Europe/Moscow', now), 60),
  { now },
) as PublicCallConfig;

/** A working, online call widget's props with `texts`; `extra` over them. */
export function widgetProps(
  texts: OpenedTexts,
  extra: Partial<CallWidgetProps> = {},
): CallWidgetProps {
  return {
    config: englishCallConfig,
    variant: 'working',
    presence: 'online',
    lang: 'en',
    texts,
    brandHref: 'https://fd.example',
    microphone: vi.fn(),
    credentials: vi.fn(),
    loadSip: vi.fn(),
    ...extra,
  };
}
