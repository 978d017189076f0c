// @vitest-environment jsdom
/** A call widget's forwarding scheme in its Settings tab: receiver, ringing, fallback, numbers. */
import { type CallSettings, defaultSettings } from '@frontdesk/config';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from './axe';
import type { SeenRequest } from './fake-platform';
import { openEditor, savedSettings, storedWidget } from './widget-fixture';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const widget = storedWidget(defaultSettings('call'), { name: 'Call us' });

/** The call widget's Settings tab over a fake platform that saves what it is sent. */
async function editor() {
  const people = {
    users: [{ id: 'u2', name: 'Anna' }],
    groups: [{ id: 'g1', name: 'Sales' }],
  };
  const opened = await openEditor(widget, people);
  await screen.findByRole('group', { name: 'Forwarding scheme' });
  return opened;
}

/** The settings the Studio's save sent. */
const saved = (seen: SeenRequest[]) => savedSettings<CallSettings>(seen);

describe('the call widget’s forwarding scheme', () => {
  it('forwards to an external number, rings one after the other, falls back to a number', async () => {
    const { seen, container } = await editor();
    expect(await axeViolations(container)).toEqual([]);
    await user().click(screen.getByRole('checkbox', { name: 'Forward to an external number' }));
    fireEvent.input(screen.getByRole('textbox', { name: /^External number/ }), {
      target: { value: '+74951234567' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Consoles and external phones ring' }), {
      target: { value: 'sequential' },
    });
    fireEvent.input(screen.getByRole('spinbutton', { name: /^Each ring lasts/ }), {
      target: { value: '30' },
    });
    fireEvent.change(
      screen.getByRole('combobox', {
        name: 'When nobody answers, nobody is online, or out of hours',
      }),
      { target: { value: 'external' } },
    );
    fireEvent.input(screen.getByRole('textbox', { name: /^Fallback number/ }), {
      target: { value: '+74951110001' },
    });
    fireEvent.input(screen.getByRole('textbox', { name: /^Outgoing number/ }), {
      target: { value: '+74951230000' },
    });
    expect(await axeViolations(container)).toEqual([]);
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(saved(seen)).toMatchObject({
      forwarding: { kind: 'external', number: '+74951234567' },
      ringing: 'sequential',
      ringSeconds: 30,
      fallback: { kind: 'external', number: '+74951110001' },
      outgoingNumber: '+74951230000',
    });
  });

  it('forwards to a group, offering a callback when nobody answers', async () => {
    const { seen } = await editor();
    const receiver = await screen.findByRole('combobox', { name: 'Forwarding: who answers calls' });
    await screen.findByRole('option', { name: 'Sales' });
    fireEvent.change(receiver, { target: { value: 'group:g1' } });
    await user().click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(saved(seen)).toMatchObject({
      forwarding: { kind: 'group', id: 'g1' },
      fallback: { kind: 'callback' },
      outgoingNumber: null,
    });
  });

  it('shows a ring too short and a fallback number missing on their fields, and saves nothing', async () => {
    const { seen } = await editor();
    const ring = screen.getByRole('spinbutton', { name: /^Each ring lasts/ });
    fireEvent.input(ring, { target: { value: '3' } });
    fireEvent.blur(ring);
    expect(ring.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(
      screen.getByRole('combobox', {
        name: 'When nobody answers, nobody is online, or out of hours',
      }),
      { target: { value: 'external' } },
    );
    await user().click(screen.getByRole('button', { name: 'Save' }));
    const number = screen.getByRole('textbox', { name: /^Fallback number/ });
    await waitFor(() => expect(number.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(
      // Counted through Intl.PluralRules.
      'Not saved: 2 fields need fixing.',
    );
    expect(seen.filter((r) => r.method === 'PATCH')).toEqual([]);
  });
});
