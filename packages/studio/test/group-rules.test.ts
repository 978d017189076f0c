// @vitest-environment jsdom
/** The Groups screen: each group's rules for text enquiries, in the source's words (issue 23). */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Group } from '../src/api';
import { GroupRules } from '../src/group-rules';
import { fakePlatform, session } from './fake-platform';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const admin = { ...session, user: { ...session.user, role: 'admin' as const } };
const sales: Group = {
  id: 'g1',
  name: 'Sales',
  memberIds: ['u1', 'u2'],
  chatRules: { mode: 'everyone', limit: 3, answerSeconds: 0 },
};

function platform(patch: (body: unknown) => { status?: number; body?: unknown }) {
  return fakePlatform({
    'GET /v1/admin/users': () => ({
      body: {
        users: [
          { id: 'u1', name: 'Anna' },
          { id: 'u2', name: 'Boris' },
        ],
      },
    }),
    'GET /v1/admin/groups': () => ({ body: { groups: [sales] } }),
    'PATCH /v1/admin/groups/g1': patch,
  });
}

describe('the groups’ rules for text enquiries', () => {
  it('shows each group with its members and rules, and saves what an admin changes', async () => {
    const seen = platform((body) => ({ body: { ...sales, ...(body as object) } }));
    render(h(GroupRules, { session: admin }));
    const form = await screen.findByRole('form', { name: 'Sales' });
    expect(within(form).getByText('Members: Anna, Boris')).toBeTruthy();
    const everyone = within(form).getByRole('radio', {
      name: 'Everyone sees it, the first to reply takes it',
    }) as HTMLInputElement;
    expect(everyone.checked).toBe(true);
    await user().click(within(form).getByRole('radio', { name: /^Distribute automatically/ }));
    const limit = within(form).getByRole('spinbutton', {
      name: 'The most text enquiries one employee may handle at once',
    });
    expect(limit.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.input(limit, { target: { value: '0' } });
    fireEvent.input(
      within(form).getByRole('spinbutton', {
        name: 'The longest a client waits for the first answer, in seconds',
      }),
      { target: { value: '90' } },
    );
    await user().click(within(form).getByRole('button', { name: 'Save Sales' }));
    expect(await within(form).findByText('The rules of Sales are saved.')).toBeTruthy();
    expect(seen.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([
      { chatRules: { mode: 'distribute', limit: 0, answerSeconds: 90 } },
    ]);
  });

  it('marks the field the platform refused', async () => {
    platform(() => ({
      status: 400,
      body: {
        error: { code: 'invalid', message: 'must be at most 100', field: 'chatRules.limit' },
      },
    }));
    render(h(GroupRules, { session: admin }));
    const form = await screen.findByRole('form', { name: 'Sales' });
    const limit = within(form).getByRole('spinbutton', { name: /most text enquiries/ });
    fireEvent.input(limit, { target: { value: '101' } });
    await user().click(within(form).getByRole('button', { name: 'Save Sales' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('must be at most 100');
    expect(limit.getAttribute('aria-invalid')).toBe('true');
  });

  it('lets only admins change them', async () => {
    platform(() => ({ status: 403 }));
    render(h(GroupRules, { session }));
    const form = await screen.findByRole('form', { name: 'Sales' });
    expect(within(form).queryByRole('button', { name: 'Save Sales' })).toBeNull();
    expect(
      within(form)
        .getByRole('radio', { name: /^Distribute/ })
        .matches(':disabled'),
    ).toBe(true);
    expect(screen.getByText('Only admins change the rules.')).toBeTruthy();
  });
});
