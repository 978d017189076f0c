// @vitest-environment jsdom
/** The contacts screen: the address book's list and search, a contact's edit and its enquiries. */
import type { AddressBookContact, ContactAnswer } from '@frontdesk/config';
import { LanguageContext, type StaffSession } from '@frontdesk/staff';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactList } from '../src/contact-list';
import { ContactView } from '../src/contact-view';
import { HOME } from '../src/route';
import { fakeFetch } from './fake-fetch';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const T0 = Date.parse('2026-03-04T07:00:00Z');

const ivan: AddressBookContact = {
  id: 'k1',
  name: 'Иван Петров',
  phone: '+79991112233',
  email: 'ivan@example.com',
  createdAt: T0,
  updatedAt: T0,
};

const session: StaffSession = {
  user: {
    id: 'u1',
    accountId: 'a1',
    email: 'o@demo.test',
    name: 'Oleg',
    role: 'operator',
    photoUrl: null,
    phone: null,
    language: null,
    createdAt: 0,
  },
  csrfToken: 'csrf',
};

const answer: ContactAnswer = {
  contact: ivan,
  timeline: [
    { kind: 'chat', id: 'c1', at: T0 + 60_000, widgetName: 'Shop chat', status: 'open' },
    { kind: 'callback', id: 'o1', at: T0, widgetName: 'Shop callback', status: 'done' },
  ],
};

describe('ContactList', () => {
  it('lists contacts as links that open them, and searches', async () => {
    const seen = fakeFetch({
      'GET /v1/admin/contacts': (url) => ({
        body: { items: url.searchParams.get('q') === 'нет' ? [] : [ivan], next: null },
      }),
    });
    render(h(ContactList, { route: { ...HOME, section: 'contacts' }, version: 0 }));
    const link = await screen.findByRole('link', { name: /Иван Петров/ });
    expect(link.getAttribute('href')).toBe('#/contacts?contact=k1');
    fireEvent.input(screen.getByLabelText('Find a contact'), { target: { value: 'нет' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    await screen.findByText('No contacts found.');
    expect(seen.at(-1)).toBe(`/v1/admin/contacts?q=${encodeURIComponent('нет')}`);
  });
});

describe('ContactView', () => {
  it('shows the enquiries newest first, each opening its record, and is clean under axe', async () => {
    fakeFetch({ 'GET /v1/admin/contacts/k1': () => ({ body: answer }) });
    const { container } = render(h(ContactView, { id: 'k1', session, onSaved: () => undefined }));
    await screen.findByRole('heading', { name: 'Иван Петров' });
    const items = within(screen.getByRole('list')).getAllByRole('link');
    expect(items.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Chat on Shop chat', '#/chats?chat=c1'],
      ['Callback order on Shop callback', '#/orders?filter=closed&order=o1'],
    ]);
    const outcome = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    expect(outcome.violations.map((v) => v.id)).toEqual([]);
  });

  it('says each enquiry’s status in the user’s language, not the platform’s code', async () => {
    fakeFetch({ 'GET /v1/admin/contacts/k1': () => ({ body: answer }) });
    const view = h(ContactView, { id: 'k1', session, onSaved: () => undefined });
    const inRussian = { language: 'ru' as const, choose: async () => undefined };
    render(h(LanguageContext.Provider, { value: inRussian }, view));
    await screen.findByRole('heading', { name: 'Иван Петров' });
    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent?.split(', ').at(-1))).toEqual([
      'открыт',
      'выполнен',
    ]);
  });

  it('saves an edit, and ties a refusal to the field it names', async () => {
    let refuse = true;
    const saved: string[] = [];
    fakeFetch({
      'GET /v1/admin/contacts/k1': () => ({ body: answer }),
      'PATCH /v1/admin/contacts/k1': () => {
        if (refuse) {
          return {
            status: 409,
            body: {
              error: {
                code: 'conflict',
                field: 'phone',
                message: 'Another contact has this phone.',
              },
            },
          };
        }
        return { body: { ...ivan, name: 'Ivan Petrov' } };
      },
    });
    render(h(ContactView, { id: 'k1', session, onSaved: () => saved.push('saved') }));
    const name = await screen.findByLabelText('Name');
    fireEvent.input(name, { target: { value: 'Ivan Petrov' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Another contact has this phone.');
    const phone = screen.getByLabelText('Phone');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toBe(alert.id);
    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved.'));
    expect(screen.getByRole('heading', { name: 'Ivan Petrov' })).toBeTruthy();
    expect(saved).toEqual(['saved']);
  });

  it('in Russian, says a refusal in Russian (not the platform’s English) at the field it names', async () => {
    fakeFetch({
      'GET /v1/admin/contacts/k1': () => ({ body: answer }),
      'PATCH /v1/admin/contacts/k1': () => ({
        status: 409,
        body: {
          error: { code: 'conflict', field: 'phone', message: 'Another contact has this phone.' },
        },
      }),
    });
    const inRussian = { language: 'ru' as const, choose: async () => undefined };
    const view = h(ContactView, { id: 'k1', session, onSaved: () => undefined });
    render(h(LanguageContext.Provider, { value: inRussian }, view));
    fireEvent.click(await screen.findByRole('button', { name: 'Сохранить' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Платформа не приняла это значение: проверьте отмеченное поле.');
    expect(screen.getByLabelText('Телефон').getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('merges a duplicate found by phone into the open contact', async () => {
    const twin: AddressBookContact = { ...ivan, id: 'k2', name: null, phone: '+79990000000' };
    const merged: ContactAnswer = {
      ...answer,
      timeline: [
        ...answer.timeline,
        { kind: 'callback', id: 'o2', at: T0 - 60_000, widgetName: 'Shop callback', status: 'new' },
      ],
    };
    const seen = fakeFetch({
      'GET /v1/admin/contacts/k1': () => ({ body: answer }),
      'GET /v1/admin/contacts': () => ({ body: { items: [ivan, twin], next: null } }),
      'POST /v1/admin/contacts/k1/merge': () => ({ body: merged }),
    });
    const saved: string[] = [];
    render(h(ContactView, { id: 'k1', session, onSaved: () => saved.push('saved') }));
    fireEvent.input(await screen.findByLabelText('Find the other contact'), {
      target: { value: '+7999000' },
    });
    fireEvent.submit(
      screen.getByLabelText('Find the other contact').closest('form') as HTMLElement,
    );
    // The open contact itself is never offered.
    const button = await screen.findByRole('button', {
      name: 'Merge +79990000000 into this contact',
    });
    expect(screen.queryByRole('button', { name: /Merge Иван/ })).toBeNull();
    fireEvent.click(button);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('+79990000000 merged into this contact.'),
    );
    expect(seen).toContain('/v1/admin/contacts/k1/merge');
    expect(screen.getAllByRole('link', { name: /Callback order/ })).toHaveLength(2);
    expect(saved).toEqual(['saved']);
  });

  it('lets an admin erase the contact after asking once more, and nobody else', async () => {
    const seen = fakeFetch({
      'GET /v1/admin/contacts/k1': () => ({ body: answer }),
      'DELETE /v1/admin/contacts/k1': () => ({ status: 204 }),
    });
    const first = render(h(ContactView, { id: 'k1', session, onSaved: () => undefined }));
    await screen.findByRole('heading', { name: 'Иван Петров' });
    expect(screen.queryByRole('button', { name: 'Delete contact…' })).toBeNull();
    first.unmount();
    const admin = { ...session, user: { ...session.user, role: 'admin' as const } };
    const saved: string[] = [];
    location.hash = '#/contacts?contact=k1';
    render(h(ContactView, { id: 'k1', session: admin, onSaved: () => saved.push('saved') }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete contact…' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Yes, erase' }));
    expect(screen.getByRole('group').textContent).toContain('Erase Иван Петров everywhere?');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete contact…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete contact…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase' }));
    await waitFor(() => expect(location.hash).toBe('#/contacts'));
    expect(seen.filter((path) => path === '/v1/admin/contacts/k1')).toHaveLength(3);
    expect(saved).toEqual(['saved']);
  });
});
