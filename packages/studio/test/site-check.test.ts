// @vitest-environment jsdom
/** "Test on my site": the platform's findings in words, and its refusals at the field. */

import type { SiteCheck as Found } from '@frontdesk/config';
import { defaultSettings } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Widget } from '../src/api';
import { SiteCheck } from '../src/site-check';
import { fakePlatform, session } from './fake-platform';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const widget: Widget = {
  id: 'w1',
  key: 'shop-chat',
  type: 'chat',
  name: 'Shop chat',
  active: true,
  settings: { ...defaultSettings('chat'), allowedOrigins: ['https://shop.example'] },
  version: 1,
};

const found = (change: Partial<Found>): Found => ({
  url: 'https://shop.example/',
  origin: 'https://shop.example',
  loader: true,
  widget: true,
  originAllowed: true,
  truncated: false,
  ...change,
});

/** Checks `url` against a platform answering `answer`; the result region's text. */
async function check(url: string, answer: { status?: number; body: unknown }) {
  const seen = fakePlatform({ 'POST /v1/admin/widgets/w1/site-check': () => answer });
  render(h(SiteCheck, { widget, session }));
  const field = screen.getByLabelText('Address of a page with the code');
  fireEvent.input(field, { target: { value: url } });
  await user().click(screen.getByRole('button', { name: 'Check the page' }));
  // Done once the findings, or the refusal, are shown.
  await screen.findAllByText(
    (_, element) => element?.tagName === 'LI' || element?.id === 'check-url-error',
  );
  return { seen, field, result: screen.getByRole('status').textContent };
}

describe('test on my site', () => {
  it('says the code is there and the site may run the widget', async () => {
    const { seen, result } = await check('shop.example', { body: found({}) });
    expect(seen[0]?.body).toEqual({ url: 'shop.example' });
    expect(result).toContain('The code of this widget is on https://shop.example/.');
    expect(result).toContain('https://shop.example is one of the sites where the widget may run.');
  });

  it.each([
    [{ widget: false }, "has the Frontdesk code, but not this widget's"],
    [{ loader: false }, 'loads it from another address'],
    [{ loader: false, widget: false }, 'The code of this widget is not on https://shop.example/.'],
    [{ loader: false, widget: false, truncated: true }, 'only its first megabyte was read'],
  ])('tells what is wrong with the code (%o)', async (change, words) => {
    const { result } = await check('shop.example', { body: found(change) });
    expect(result).toContain(words);
  });

  it('says a site may not run the widget, and where to add it', async () => {
    await check('www.shop.example', {
      body: found({
        url: 'https://www.shop.example/',
        origin: 'https://www.shop.example',
        originAllowed: false,
      }),
    });
    expect(screen.getByRole('status').textContent).toContain(
      'https://www.shop.example is not among the sites where the widget may run',
    );
    expect(screen.getByRole('link', { name: /Settings → Sites/ }).getAttribute('href')).toBe(
      '#/widgets/w1/basic',
    );
  });

  it("shows the platform's refusal at the field", async () => {
    const { field } = await check('http://10.0.0.1/', {
      status: 400,
      body: {
        error: {
          code: 'private_address',
          field: 'url',
          message:
            '10.0.0.1 is on a private network or this machine: only public sites can be checked.',
        },
      },
    });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toMatch(/only public sites can be checked/);
  });

  it('asks for an address before asking the platform', async () => {
    const seen = fakePlatform({});
    render(h(SiteCheck, { widget, session }));
    await user().click(screen.getByRole('button', { name: 'Check the page' }));
    expect(screen.getByRole('alert').textContent).toMatch(/like example\.com/);
    expect(seen).toEqual([]);
  });
});
