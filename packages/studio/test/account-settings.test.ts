// @vitest-environment jsdom
import { LanguageContext } from '@frontdesk/staff';
import { cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountSettings } from '../src/account-settings';
import { axeViolations } from './axe';
import { adminSession, fakePlatform, session } from './fake-platform';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account = { id: 'a1', name: 'Shop', language: 'ru' };

describe('the account settings', () => {
  it('let an admin set the language of what the platform writes', async () => {
    const seen = fakePlatform({
      'GET /v1/admin/account': () => ({ body: account }),
      'GET /v1/admin/users': () => ({ body: { users: [] } }),
      'PATCH /v1/admin/account': (body) => ({ body: { ...account, ...(body as object) } }),
    });
    render(h(AccountSettings, { session: adminSession }));
    const select = (await screen.findByRole('combobox', {
      name: 'Language of e-mails and SMS',
    })) as HTMLSelectElement;
    expect(select.value).toBe('ru');
    await userEvent.selectOptions(select, 'en');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/v1/admin/account', body: { language: 'en' } },
    ]);
    expect(select.value).toBe('en');
  });

  it('say a refusal in the Studio’s language, not the platform’s English', async () => {
    fakePlatform({
      'GET /v1/admin/account': () => ({ body: account }),
      'GET /v1/admin/users': () => ({ body: { users: [] } }),
      'PATCH /v1/admin/account': () => ({
        status: 403,
        body: { error: { code: 'forbidden', message: 'Only admins may do this.' } },
      }),
    });
    render(
      h(
        LanguageContext.Provider,
        { value: { language: 'ru', choose: async () => undefined } },
        h(AccountSettings, { session: adminSession }),
      ),
    );
    await screen.findByRole('combobox', { name: 'Язык писем и SMS' });
    await userEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Вашей роли это не разрешено.');
  });

  it('show others the language, in Russian in a Russian Studio, without a way to change it', async () => {
    fakePlatform({ 'GET /v1/admin/account': () => ({ body: account }) });
    render(
      h(
        LanguageContext.Provider,
        { value: { language: 'ru', choose: async () => undefined } },
        h(AccountSettings, { session }),
      ),
    );
    const select = await screen.findByRole('combobox', { name: 'Язык писем и SMS' });
    expect(select).toHaveProperty('disabled', true);
    expect(screen.getByRole('heading', { level: 1, name: 'Аккаунт' })).toBeTruthy();
    expect(screen.getByText('Менять настройки аккаунта могут только администраторы.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Сохранить' })).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
