// @vitest-environment jsdom
import {
  LanguageContext,
  LanguageSwitcher,
  type StaffSession,
  staffTexts,
  useStaffLanguage,
  useTexts,
} from '@frontdesk/staff';
import { act, cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, operatorSession, refusal, stubPlatform } from './platform-stub';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A text of the catalogue, to see which language the app speaks. */
function Loading() {
  return h('p', {}, useTexts(staffTexts).loading);
}

/** An app with `session`: its language in the context, the switcher and one text. */
function App({ session }: { session: StaffSession | null }) {
  const choice = useStaffLanguage(session);
  return h(LanguageContext.Provider, { value: choice }, h(LanguageSwitcher, {}), h(Loading, {}));
}

const browser = (...languages: string[]) => vi.stubGlobal('navigator', { ...navigator, languages });
const withLanguage = (language: 'ru' | 'en' | null): StaffSession => ({
  ...operatorSession,
  user: { ...operatorSession.user, language },
});
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the staff apps’ language', () => {
  it('is the browser’s without a profile language, and the page says so', () => {
    browser('ru-RU', 'en');
    render(h(App, { session: withLanguage(null) }));
    expect(screen.getByText('Загрузка…')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Язык' })).toHaveProperty('value', 'ru');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('is the profile’s over the browser’s, and English when neither is spoken', () => {
    browser('ru-RU');
    render(h(App, { session: withLanguage('en') }));
    expect(screen.getByText('Loading…')).toBeTruthy();
    cleanup();
    browser('de-DE');
    render(h(App, { session: null }));
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveProperty('value', 'en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches every text at once and saves the choice to the profile', async () => {
    browser('en-GB');
    const received = stubPlatform(json({ user: withLanguage('ru').user }));
    render(h(App, { session: withLanguage(null) }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ru');
    expect(screen.getByText('Загрузка…')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Язык' })).toHaveProperty('value', 'ru');
    expect(document.documentElement.lang).toBe('ru');
    await settle();
    expect(received).toMatchObject([
      { url: '/v1/auth/me', method: 'PATCH', body: { language: 'ru' } },
    ]);
    expect(received[0]?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the chosen language when saving fails, and says it was not saved', async () => {
    browser('ru');
    stubPlatform(refusal(500, { code: 'internal', message: 'Down.' }));
    render(h(App, { session: withLanguage('ru') }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Язык' }), 'en');
    await settle();
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(staffTexts.en.language.notSaved);
  });
});
