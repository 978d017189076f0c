// @vitest-environment jsdom
/** Admins set each person's language of the staff apps on the Account screen. */
import type { StaffUser } from '@frontdesk/config';
import { LanguageContext } from '@frontdesk/staff';
import { cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountSettings } from '../src/account-settings';
import { axeViolations } from './axe';
import { adminSession, fakePlatform, type Handler, session } from './fake-platform';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const account = { id: 'a1', name: 'Shop', language: 'ru' };
const olga: StaffUser = { ...session.user, id: 'u2', name: 'Olga', role: 'operator' };
const ivan: StaffUser = { ...olga, id: 'u3', name: 'Ivan', language: 'en' };

/** The fake platform with the account and its people; PATCHes of a user answer the change. */
function platform(
  patchUser: Handler = (body, id) => ({
    body: { ...(id === 'u2' ? olga : ivan), ...(body as object) },
  }),
) {
  return fakePlatform({
    'GET /v1/admin/account': () => ({ body: account }),
    'GET /v1/admin/users': () => ({ body: { users: [olga, ivan] } }),
    'PATCH /v1/admin/users/:id': patchUser,
  });
}

describe('the staff’s languages', () => {
  it('let an admin give a person a language, or their browser’s back', async () => {
    const seen = platform();
    render(h(AccountSettings, { session: adminSession }));
    const people = await screen.findByRole('region', { name: 'Languages of the staff' });
    const olgaSelect = (await within(people).findByLabelText('Olga')) as HTMLSelectElement;
    expect(olgaSelect.value).toBe('');
    expect((within(people).getByLabelText('Ivan') as HTMLSelectElement).value).toBe('en');

    await userEvent.selectOptions(olgaSelect, 'ru');
    expect(await within(people).findByText('Olga: language saved.')).toBeTruthy();
    await userEvent.selectOptions(within(people).getByLabelText('Ivan'), '');
    expect(await within(people).findByText('Ivan: language saved.')).toBeTruthy();
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([
      { method: 'PATCH', path: '/v1/admin/users/u2', body: { language: 'ru' } },
      { method: 'PATCH', path: '/v1/admin/users/u3', body: { language: null } },
    ]);
    expect(olgaSelect.value).toBe('ru');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('say in Russian why a language was not saved', async () => {
    platform(() => ({
      status: 400,
      body: { error: { code: 'invalid', message: 'Invalid type', field: 'language' } },
    }));
    render(
      h(
        LanguageContext.Provider,
        { value: { language: 'ru', choose: async () => undefined } },
        h(AccountSettings, { session: adminSession }),
      ),
    );
    const people = await screen.findByRole('region', { name: 'Языки сотрудников' });
    const select = await within(people).findByLabelText('Olga');
    expect(within(select).getByRole('option', { name: 'Как в браузере' })).toBeTruthy();
    await userEvent.selectOptions(select, 'en');
    expect((await within(people).findByRole('alert')).textContent).toBe(
      'Платформа не приняла это значение: проверьте отмеченное поле.',
    );
  });

  it('are not offered to those who are not admins', async () => {
    platform();
    render(h(AccountSettings, { session }));
    await screen.findByRole('combobox', { name: 'Language of e-mails and SMS' });
    expect(screen.queryByRole('region', { name: 'Languages of the staff' })).toBeNull();
  });
});
