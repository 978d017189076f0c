// @vitest-environment jsdom
/** The time zones' labels in the Schedule tab's list (the app's language, from `Intl`). */
import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../src/zone-label';

describe('zoneLabel', () => {
  it('says the IANA name, then what the zone is called in the app’s language', () => {
    expect(zoneLabel('Europe/Moscow', 'ru')).toMatch(/^Europe\/Moscow — Москв/);
    expect(zoneLabel('Europe/Moscow', 'en')).toMatch(/^Europe\/Moscow — Moscow/);
    expect(zoneLabel('America/New_York', 'ru')).toMatch(/^America\/New_York — .*Америк/);
  });

  it('keeps a zone this browser does not know as its bare name', () => {
    expect(zoneLabel('Mars/Olympus_Mons', 'ru')).toBe('Mars/Olympus_Mons');
  });
});
