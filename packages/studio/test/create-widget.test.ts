// @vitest-environment jsdom
/** Creating a widget asks for its site, reads it as its owner types it, and sends it along. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateWidget } from '../src/create-widget';
import { fakePlatform, session } from './fake-platform';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  location.hash = '';
});

/** The create screen at its second step, a callback widget named "Shop". */
async function secondStep() {
  render(h(CreateWidget, { session }));
  await user().click(screen.getByLabelText('Callback'));
  await user().click(screen.getByRole('button', { name: 'Next' }));
  await user().click(screen.getByLabelText('I accept the terms of use'));
  fireEvent.input(screen.getByLabelText('Widget name'), { target: { value: 'Shop' } });
  return screen.getByLabelText("Your site's address") as HTMLInputElement;
}

describe('creating a widget', () => {
  it('shows a site error only once the field is left, and then the origin it read', async () => {
    const site = await secondStep();
    fireEvent.input(site, { target: { value: 'shop' } });
    expect(site.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(site);
    expect(site.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/like example\.com/);

    fireEvent.input(site, { target: { value: 'www.Shop.example' } });
    fireEvent.blur(site);
    expect(site.value).toBe('https://www.shop.example');
    expect(site.getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('sends the site with the new widget, then opens its settings', async () => {
    const seen = fakePlatform({
      'POST /v1/admin/widgets': () => ({ status: 201, body: { id: 'w9' } }),
    });
    const site = await secondStep();
    fireEvent.input(site, { target: { value: 'example.com:8443' } });
    await user().click(screen.getByRole('button', { name: 'Create widget' }));
    await waitFor(() => expect(location.hash).toBe('#/widgets/w9/basic'));
    expect(seen[0]?.body).toMatchObject({
      type: 'callback',
      name: 'Shop',
      site: 'example.com:8443',
    });
  });

  it('does not create a widget without a site: the field says why and takes the focus', async () => {
    const seen = fakePlatform({});
    const site = await secondStep();
    await user().click(screen.getByRole('button', { name: 'Create widget' }));
    expect(seen).toEqual([]);
    expect(document.activeElement).toBe(site);
    expect(screen.getByRole('alert').textContent).toBe(
      'Give the address of the site the widget is for, like example.com.',
    );
  });
});
