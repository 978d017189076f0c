// @vitest-environment jsdom
/** The Studio as a whole: its language (the profile's, else the browser's) and the switcher. */
import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app';
import { fakePlatform, session } from './fake-platform';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  location.hash = '';
});

describe('the Studio', () => {
  it('speaks the profile’s Russian, and English at once when switched, saved to the profile', async () => {
    const russian = { ...session, user: { ...session.user, language: 'ru' as const } };
    const seen = fakePlatform({
      'GET /v1/auth/me': () => ({ body: russian }),
      'GET /v1/admin/widgets': () => ({ body: { widgets: [] } }),
      'PATCH /v1/auth/me': () => ({ body: { user: { ...russian.user, language: 'en' } } }),
    });
    render(h(App, {}));
    const nav = await screen.findByRole('navigation', { name: 'Студия' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Виджеты', 'Новый виджет', 'Группы', 'История звонков', 'Аккаунт']);
    expect(screen.getByRole('heading', { level: 1, name: 'Виджеты' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Создать виджет' })).toBeTruthy();
    expect(await screen.findByText('Виджетов пока нет.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('ru');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Язык' }), 'en');
    expect(screen.getByRole('heading', { level: 1, name: 'Widgets' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy();
    expect(screen.getByText('No widgets yet.')).toBeTruthy();
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/v1/auth/me', body: { language: 'en' } },
    ]);
  });

  it('signs an operator out again, saying why in the browser’s language', async () => {
    vi.stubGlobal('navigator', { ...navigator, languages: ['ru-RU'] });
    const operator = { ...session, user: { ...session.user, role: 'operator' as const } };
    fakePlatform({
      'GET /v1/auth/me': () => ({ status: 401, body: { error: { code: 'unauthenticated' } } }),
      'POST /v1/auth/login': () => ({ body: operator }),
      'POST /v1/auth/logout': () => ({}),
    });
    render(h(App, {}));
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Студия Frontdesk' })).toBeTruthy();
    await user.type(screen.getByLabelText('Эл. почта'), 'o@shop.example');
    await user.type(screen.getByLabelText('Пароль'), 'a long password');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Студия — для маркетологов и администраторов. Операторы работают в консоли.',
    );
  });
});
