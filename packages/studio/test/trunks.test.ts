// @vitest-environment jsdom
/** The SIP trunks screen (admins; issue 20): list, add, edit, delete; the password never shown. */
import type { AdminTrunk } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Trunks } from '../src/trunks';
import { axeViolations } from './axe';
import { adminSession, fakePlatform, session } from './fake-platform';
import { trunk, trunkRoutes } from './fake-trunks';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

// jsdom has no modal dialogs: opening one here only shows it, as far as the tests look.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PASSWORD = 'never-shown-in-the-studio';

/** The screen over a platform holding `trunks`; what it was asked, and the stored passwords. */
async function open(trunks: AdminTrunk[] = [trunk('t1', 'Provider'), trunk('t2', 'PBX', false)]) {
  const passwords = new Map(trunks.filter((t) => t.password.set).map((t) => [t.id, 'old']));
  const seen = fakePlatform(trunkRoutes(trunks, passwords));
  const { container } = render(h(Trunks, { session: adminSession }));
  if (trunks.length) await screen.findByRole('table');
  else await screen.findByText(/^No trunks yet/);
  return { seen, passwords, container };
}

/** The cells of the row of the trunk `name`. */
function row(name: string): string[] {
  const tr = screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
  return within(tr)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

const bodies = (seen: { method: string; body: unknown }[], method: string) =>
  seen.filter((r) => r.method === method).map((r) => r.body as Record<string, unknown>);

describe('the SIP trunks screen', () => {
  it('lists the trunks: proxy, transport, where the registration stands, whether a password is set', async () => {
    const registering = (id: string, name: string, registration: AdminTrunk['registration']) => ({
      ...trunk(id, name),
      register: true,
      registration,
    });
    const { container } = await open([
      { ...registering('t1', 'Provider', { state: 'registered' }), transport: 'tls', port: 5061 },
      registering('t2', 'Wrong password', {
        state: 'failed',
        reason: 'credentials',
        sipCode: null,
      }),
      registering('t3', 'Down', { state: 'failed', reason: 'refused', sipCode: 503 }),
      registering('t4', 'Silent', { state: 'failed', reason: 'no_answer', sipCode: 408 }),
      registering('t5', 'New', { state: 'pending' }),
      trunk('t6', 'PBX'),
    ]);
    expect(row('Provider')).toEqual([
      'sip.t1.example:5061',
      'TLS',
      'Registered',
      'set',
      'Edit Delete',
    ]);
    expect(row('Wrong password')[2]).toBe('Failed: the provider refused the username or password');
    expect(row('Down')[2]).toBe('Failed: the provider answered 503');
    expect(row('Silent')[2]).toBe('Failed: no answer from the provider');
    expect(row('New')[2]).toBe('Registering…');
    expect(row('PBX')[2]).toBe('No');
    expect(screen.getByRole('button', { name: 'Edit Provider' })).toBeTruthy();
    expect(await axeViolations(container)).toEqual([]);
  });

  it('adds a trunk with every field; the request carries the password, the screen only "set"', async () => {
    const { seen, passwords, container } = await open([]);
    await user().click(screen.getByRole('button', { name: 'Add a trunk' }));
    const form = screen.getByRole('form', { name: 'Add a trunk' });
    const name = within(form).getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(await axeViolations(container)).toEqual([]);
    type('Name', 'Provider');
    type(/^Host/, 'sip.provider.example');
    type('Port', '5061');
    fireEvent.change(screen.getByRole('combobox', { name: 'Transport' }), {
      target: { value: 'tls' },
    });
    type('Username', 'acme');
    type('Password', PASSWORD);
    await user().click(screen.getByRole('checkbox', { name: 'Register with the provider' }));
    type(/^Caller id/, '+74951230000');
    fireEvent.change(screen.getByRole('combobox', { name: 'Where the caller id goes' }), {
      target: { value: 'pai' },
    });
    type('Most calls at once', '3');
    type(/^Countries it may call/, '7\n375');
    await user().click(screen.getByRole('button', { name: 'Add trunk' }));

    const edit = await screen.findByRole('button', { name: 'Edit Provider' });
    expect(bodies(seen, 'POST')).toEqual([
      {
        name: 'Provider',
        host: 'sip.provider.example',
        port: 5061,
        transport: 'tls',
        username: 'acme',
        password: PASSWORD,
        register: true,
        callerId: '+74951230000',
        callerIdHeader: 'pai',
        maxCalls: 3,
        destinations: ['7', '375'],
      },
    ]);
    expect(passwords.get('t1')).toBe(PASSWORD);
    expect(row('Provider')).toEqual([
      'sip.provider.example:5061',
      'TLS',
      'Registering…',
      'set',
      'Edit Delete',
    ]);
    expect(screen.getByRole('status').textContent).toBe('Provider is added.');
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.body.innerHTML).not.toContain(PASSWORD);

    // Opened again, the password is "set — Replace / Clear", with no field holding it.
    await user().click(edit);
    expect(screen.getByText('Password: set —')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /password/i })).toBeNull();
    expect(document.body.innerHTML).not.toContain(PASSWORD);
  });

  it('keeps the password on an edit unless replaced, then sends only the new one', async () => {
    const { seen, passwords } = await open();
    await user().click(screen.getByRole('button', { name: 'Edit Provider' }));
    const form = screen.getByRole('form', { name: 'Edit Provider' });
    type('Name', 'Provider 2');
    await user().click(within(form).getByRole('button', { name: 'Save trunk' }));
    await screen.findByRole('rowheader', { name: 'Provider 2' });
    expect(bodies(seen, 'PATCH')[0]?.password).toEqual({ set: true });
    expect(passwords.get('t1')).toBe('old');
    expect(screen.getByRole('status').textContent).toBe('Provider 2 is saved.');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Edit Provider 2' })),
    );

    await user().click(screen.getByRole('button', { name: 'Edit Provider 2' }));
    await user().click(screen.getByRole('button', { name: 'Replace' }));
    type('New password', PASSWORD);
    await user().click(screen.getByRole('button', { name: 'Save trunk' }));
    await waitFor(() => expect(bodies(seen, 'PATCH')).toHaveLength(2));
    expect(bodies(seen, 'PATCH')[1]?.password).toBe(PASSWORD);
    expect(passwords.get('t1')).toBe(PASSWORD);
    expect(row('Provider 2')[3]).toBe('set');
    expect(document.body.innerHTML).not.toContain(PASSWORD);
  });

  it('clears the password', async () => {
    const { seen, passwords } = await open();
    await user().click(screen.getByRole('button', { name: 'Edit Provider' }));
    await user().click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByText('Password: cleared when you save —')).toBeTruthy();
    await user().click(screen.getByRole('button', { name: 'Save trunk' }));
    await waitFor(() => expect(row('Provider')[3]).toBe('none'));
    expect(bodies(seen, 'PATCH')[0]?.password).toBeNull();
    expect(passwords.has('t1')).toBe(false);
  });

  it('deletes after asking; the focus goes to the next row, then to "Add a trunk"', async () => {
    const { seen } = await open();
    await user().click(screen.getByRole('button', { name: 'Delete Provider' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Provider”?' });
    expect(within(dialog).queryByLabelText('Reason (optional)')).toBeNull();
    await user().click(within(dialog).getByRole('button', { name: 'Delete trunk' }));
    await screen.findByText('Provider was deleted.');
    expect(screen.queryByRole('rowheader', { name: 'Provider' })).toBeNull();
    const pbx = screen.getByRole('button', { name: 'Edit PBX' });
    await waitFor(() => expect(document.activeElement).toBe(pbx));

    await user().click(screen.getByRole('button', { name: 'Delete PBX' }));
    await user().click(screen.getByRole('button', { name: 'Delete trunk' }));
    await screen.findByText('PBX was deleted.');
    expect(screen.getByText(/^No trunks yet/)).toBeTruthy();
    const add = screen.getByRole('button', { name: 'Add a trunk' });
    await waitFor(() => expect(document.activeElement).toBe(add));
    expect(seen.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/v1/admin/trunks/t1',
      '/v1/admin/trunks/t2',
    ]);
  });

  it('shows the platform’s refusal on the field it names, which takes the focus', async () => {
    const { container } = await open();
    await user().click(screen.getByRole('button', { name: 'Edit Provider' }));
    type(/^Countries it may call/, '7\n999');
    await user().click(screen.getByRole('button', { name: 'Save trunk' }));
    const countries = screen.getByRole('textbox', { name: /^Countries it may call/ });
    await waitFor(() => expect(countries.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toBe(
      'item 2: Use country calling codes like "7" or "375".',
    );
    await waitFor(() => expect(document.activeElement).toBe(countries));
    expect(await axeViolations(container)).toEqual([]);
  });

  it('marks the host a new trunk was refused for', async () => {
    const { seen } = await open([]);
    await user().click(screen.getByRole('button', { name: 'Add a trunk' }));
    type('Name', 'Provider');
    type(/^Host/, 'bad host');
    await user().click(screen.getByRole('button', { name: 'Add trunk' }));
    const host = screen.getByRole('textbox', { name: /^Host/ });
    await waitFor(() => expect(host.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('alert').textContent).toBe('Give a host name or an IPv4 address.');
    await waitFor(() => expect(document.activeElement).toBe(host));
    expect(bodies(seen, 'POST')).toHaveLength(1);
  });

  it('is for admins only', () => {
    const seen = fakePlatform({});
    render(h(Trunks, { session }));
    expect(screen.getByText('Only admins see and change the SIP trunks.')).toBeTruthy();
    expect(seen).toEqual([]);
  });
});
