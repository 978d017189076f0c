// @vitest-environment jsdom
import {
  type CallbackOrder,
  type CallbackRequest,
  CallbackWidget,
  type CallbackWidgetProps,
  loadTexts,
} from '@frontdesk/callback';
import type { PublicCallbackConfig } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';
import { createSchedule } from '@frontdesk/schedule/engine';
import * as tl from '@testing-library/preact';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callbackConfig, WEDNESDAY_10_MSK } from './fixtures';

const texts = await loadTexts('en');
const lunch = callbackConfig((s) => ({
  ...s,
  schedule: { ...s.schedule, lunch: { from: '13:00', to: '14:00' } },
}));

/** The widget rendered into the page with `config` in `variant`, posting through `submit`. */
async function widget(
  options: {
    config?: PublicCallbackConfig;
    variant?: 'working' | 'non-working';
    submit?: CallbackWidgetProps['submit'];
    keep?: CallbackWidgetProps['keep'];
  } = {},
) {
  const config = options.config ?? lunch;
  const submit = vi.fn(
    options.submit ??
      (async (request: CallbackRequest) => ({
        id: 'c1',
        status: 'new',
        slot: request.slot ?? null,
      })),
  );
  const submitted: CallbackOrder[] = [];
  const container = document.createElement('div');
  document.body.append(container);
  await act(() =>
    render(
      h(CallbackWidget, {
        config,
        schedule: createSchedule(config.schedule, config.calendar),
        variant: options.variant ?? 'working',
        presence: 'online',
        lang: 'en',
        locale: 'en-GB',
        texts,
        visitor: {},
        visitorZone: 'Europe/Moscow',
        now: () => WEDNESDAY_10_MSK,
        brandHref: 'https://fd.example',
        submit,
        onSubmitted: (order) => submitted.push(order),
        keep: options.keep,
      }),
      container,
    ),
  );
  const $ = <E extends Element>(selector: string) => container.querySelector<E>(selector);
  const text = (selector: string) => $(selector)?.textContent ?? '';
  const type = (selector: string, value: string) =>
    act(() => {
      const input = $<HTMLInputElement>(selector);
      if (!input) throw new Error(`no ${selector}`);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const choose = (value: string) =>
    act(() => {
      const select = $<HTMLSelectElement>('#fd-when');
      if (!select) throw new Error('no slot picker');
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
  const send = () =>
    act(async () => {
      $<HTMLFormElement>('form')?.requestSubmit();
      await Promise.resolve();
    });
  const options_ = () => [...container.querySelectorAll<HTMLOptionElement>('#fd-when option')];
  return { container, submit, submitted, $, text, type, choose, send, options: options_ };
}

afterEach(() => {
  act(() => render(null, document.body));
  document.body.replaceChildren();
});

describe('the callback widget', () => {
  it('in working time: the working texts, "right now" first, then three working days of slots', async () => {
    const w = await widget();
    expect(w.text('#fd-title')).toBe(lunch.appearance.working.title.en);
    expect(w.text('.text')).toBe(lunch.appearance.working.text.en);
    const options = w.options();
    expect(options[0]).toMatchObject({ value: 'now', selected: true, textContent: 'Right now' });
    const groups = [...w.container.querySelectorAll('optgroup')].map((group) => group.label);
    expect(groups).toEqual([
      'Today, Wednesday 4 March',
      'Tomorrow, Thursday 5 March',
      'Friday 6 March',
    ]);
    // 10:00 to 18:00 without the 13:00–14:00 lunch: 14 slots today.
    expect(w.container.querySelector('optgroup')?.children).toHaveLength(14);
    expect(w.text('.send')).toBe('Call me now');
    expect(w.text('.brand')).toBe('Powered by Frontdesk');
    expect(w.$<HTMLAnchorElement>('.brand a')?.href).toBe('https://fd.example/');
  });

  it('in non-working time: the non-working texts and only the slots', async () => {
    const config = callbackConfig((s) => ({
      ...s,
      appearance: {
        ...s.appearance,
        nonWorking: {
          title: { ru: 'Не работаем', en: 'Closed' },
          text: { ru: 'Выберите время.', en: 'Pick a time.' },
          hideBrand: true,
        },
      },
    }));
    const w = await widget({ config, variant: 'non-working' });
    expect(w.text('#fd-title')).toBe('Closed');
    expect(w.text('.text')).toBe('Pick a time.');
    expect(w.$('.head')?.getAttribute('data-variant')).toBe('non-working');
    const options = w.options();
    expect(options.some((option) => option.value === 'now')).toBe(false);
    expect(options[0]).toMatchObject({
      value: '',
      disabled: true,
      selected: true,
      textContent: 'Choose a time',
    });
    expect(w.text('.send')).toBe('Call me back');
    expect(w.$('.brand')).toBeNull();

    await w.type('#fd-phone', '912 345 67 89');
    await w.send();
    expect(w.submit).not.toHaveBeenCalled();
    expect(w.text('#fd-when-msg')).toBe('Please choose a time for the call.');
    expect(w.$('#fd-when')).toBe(document.activeElement);
  });

  it('validates the phone as the visitor types', async () => {
    const w = await widget();
    const phone = () => w.$<HTMLInputElement>('#fd-phone');
    await w.type('#fd-phone', '912 34');
    expect(w.text('#fd-phone-msg')).toBe(''); // still typing
    await act(() => {
      phone()?.dispatchEvent(new FocusEvent('blur'));
    });
    expect(w.text('#fd-phone-msg')).toBe('The number looks incomplete.');
    expect(phone()?.getAttribute('aria-invalid')).toBe('true');
    await w.type('#fd-phone', '912 34x');
    expect(w.text('#fd-phone-msg')).toBe('This does not look like a valid phone number.');
    await w.type('#fd-phone', '912 345 67 89');
    expect(w.text('#fd-phone-msg')).toBe('The number looks right.');
    expect(w.$('#fd-phone-msg')?.getAttribute('data-tone')).toBe('ok');
    expect(phone()?.getAttribute('aria-invalid')).toBe('false');
    // Another country's number reads with that country's rules.
    await act(() => {
      const country = w.$<HTMLSelectElement>('#fd-country');
      if (country) country.value = 'BY';
      country?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await w.type('#fd-phone', '29 123 45 67');
    expect(w.text('#fd-phone-msg')).toBe('The number looks right.');
  });

  it('keeps Send disabled until the consent box is ticked', async () => {
    const config = callbackConfig((s) => ({
      ...s,
      consent: { required: true, text: { ru: 'Я согласен', en: 'I accept the policy' } },
    }));
    const w = await widget({ config });
    const sendButton = () => w.$<HTMLButtonElement>('.send');
    expect(w.text('.check span')).toBe('I accept the policy');
    expect(sendButton()?.disabled).toBe(true);
    await act(() => w.$<HTMLInputElement>('.check input')?.click());
    expect(sendButton()?.disabled).toBe(false);
    await w.type('#fd-phone', '912 345 67 89');
    await w.send();
    expect(w.submit.mock.calls[0]?.[0]).toMatchObject({ consent: true });
  });

  it('orders a slot: the exact instant, under an idempotency key, then confirms', async () => {
    const w = await widget();
    await w.type('#fd-phone', '8 (912) 345-67-89');
    await w.type('#fd-name', '  Ann  ');
    await w.choose('2026-03-05T11:30:00.000Z'); // tomorrow 14:30 in Moscow
    expect(w.text('.send')).toBe('Call me tomorrow, Thu 5 Mar, 14:30');
    await w.send();
    expect(w.submit).toHaveBeenCalledTimes(1);
    const [request, key] = w.submit.mock.calls[0] ?? [];
    expect(request).toEqual({
      phone: '+79123456789',
      slot: '2026-03-05T11:30:00.000Z',
      name: 'Ann',
      page: { url: location.href, title: document.title, referrer: '', utm: {} },
      timeZone: 'Europe/Moscow',
      website: '',
    });
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(w.text('.done h3')).toBe('Thank you!');
    expect(w.text('.done p')).toBe('We will call you tomorrow, Thu 5 Mar, 14:30.');
    expect(w.$('.done')).toBe(document.activeElement);
    expect(w.text('[role=status]')).toBe('Thank you! We will call you tomorrow, Thu 5 Mar, 14:30.');
    expect(w.submitted).toEqual([{ id: 'c1', status: 'new', slot: '2026-03-05T11:30:00.000Z' }]);
  });

  it('orders a call right now', async () => {
    const w = await widget();
    await w.type('#fd-phone', '+7 912 345 67 89');
    await w.send();
    expect(w.submit.mock.calls[0]?.[0]).toMatchObject({ phone: '+79123456789', now: true });
    expect(w.submit.mock.calls[0]?.[0]).not.toHaveProperty('slot');
    expect(w.text('.done p')).toBe('We are calling you in a moment.');
  });

  it('does not send an invalid number, and points at it', async () => {
    const w = await widget();
    await w.send();
    expect(w.submit).not.toHaveBeenCalled();
    expect(w.text('#fd-phone-msg')).toBe('Please enter your phone number.');
    expect(w.$('#fd-phone')).toBe(document.activeElement);
  });

  it('repeats a failed order under the same key, and a changed one under a new key', async () => {
    const w = await widget({
      submit: async () => {
        throw new PlatformError(0, 'network', 'unreachable');
      },
    });
    await w.type('#fd-phone', '912 345 67 89');
    await w.send();
    expect(w.text('.alert')).toBe(
      'No connection to the server. Please check your connection and try again.',
    );
    expect(w.text('[role=status]')).toBe(w.text('.alert'));
    await w.send();
    await w.type('#fd-phone', '912 345 67 80');
    await w.send();
    const keys = w.submit.mock.calls.map((call) => call[1]);
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('keeps an order the network could not take, with its key, and says it goes out later', async () => {
    const keep = vi.fn();
    const w = await widget({
      keep,
      submit: async () => {
        throw new PlatformError(0, 'network', 'unreachable');
      },
    });
    await w.type('#fd-phone', '912 345 67 89');
    await w.send();
    expect(keep).toHaveBeenCalledTimes(1);
    const [request, key] = keep.mock.calls[0] ?? [];
    expect(request).toEqual(w.submit.mock.calls[0]?.[0]);
    expect(key).toBe(w.submit.mock.calls[0]?.[1]);
    expect(w.text('.done h3')).toBe('Thank you!');
    expect(w.text('.done p')).toBe(
      'You are offline. We will send your request once you are back online.',
    );
    expect(w.$('.done')).toBe(document.activeElement);
    expect(w.submitted).toEqual([]);
  });

  it('keeps the order without trying the network when the browser is offline', async () => {
    const keep = vi.fn();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const w = await widget({ keep });
      await w.type('#fd-phone', '912 345 67 89');
      await w.send();
      expect(w.submit).not.toHaveBeenCalled();
      expect(keep.mock.calls[0]?.[0]).toMatchObject({ phone: '+79123456789', now: true });
      expect(typeof keep.mock.calls[0]?.[1]).toBe('string');
    } finally {
      online.mockRestore();
    }
  });

  it('explains each platform error where it belongs', async () => {
    const answer = { code: 'invalid_phone', field: 'phone' };
    const w = await widget({
      submit: async () => {
        throw new PlatformError(422, answer.code, 'no', answer.field);
      },
    });
    await w.type('#fd-phone', '912 345 67 89');
    await w.send();
    expect(w.text('#fd-phone-msg')).toBe('Please check the phone number.');
    expect(w.$('#fd-phone')).toBe(document.activeElement);

    answer.code = 'slot_unavailable';
    await w.choose('2026-03-05T11:30:00.000Z');
    await w.send();
    expect(w.text('#fd-when-msg')).toBe(
      'This time is no longer available. Please choose another one.',
    );
    expect(w.$<HTMLSelectElement>('#fd-when')?.value).toBe('');

    answer.code = 'rate_limited';
    await w.choose('2026-03-05T12:00:00.000Z');
    await w.send();
    expect(w.text('.alert')).toBe('Too many requests. Please try again in a minute.');

    answer.code = 'something_new';
    await w.send();
    expect(w.text('.alert')).toBe('Something went wrong. Please try again.');
  });

  it('turns to the non-working variant when the platform says it closed meanwhile', async () => {
    const w = await widget({
      submit: async () => {
        throw new PlatformError(422, 'closed_now', 'closed');
      },
    });
    await w.type('#fd-phone', '912 345 67 89');
    await w.send();
    expect(w.text('#fd-title')).toBe(lunch.appearance.nonWorking.title.en);
    expect(w.options().some((option) => option.value === 'now')).toBe(false);
    expect(w.text('#fd-when-msg')).toBe('We cannot call right now. Please choose a time.');
    expect(w.$('#fd-when')).toBe(document.activeElement);
  });

  it('passes the honeypot on as typed, for the platform to judge', async () => {
    const w = await widget();
    await w.type('#fd-phone', '912 345 67 89');
    await w.type('input[name=website]', 'http://spam.example');
    await w.send();
    expect(w.submit.mock.calls[0]?.[0]).toMatchObject({ website: 'http://spam.example' });
  });
});

describe('the chosen slot (Testing Library)', () => {
  afterEach(tl.cleanup);

  /** The widget in `lang`, its visitor in Moscow, its clock at Wednesday 4 March 10:00. */
  async function shown(lang: 'ru' | 'en', locale: string) {
    const submit = vi.fn(async (request: CallbackRequest) => ({
      id: 'c1',
      status: 'new',
      slot: request.slot ?? null,
    }));
    tl.render(
      h(CallbackWidget, {
        config: lunch,
        schedule: createSchedule(lunch.schedule, lunch.calendar),
        variant: 'working',
        presence: 'online',
        lang,
        locale,
        texts: await loadTexts(lang),
        visitor: {},
        visitorZone: 'Europe/Moscow',
        now: () => WEDNESDAY_10_MSK,
        brandHref: 'https://fd.example',
        submit,
        onSubmitted: () => {},
      }),
    );
    return submit;
  }

  it('shows its day in the field, on the button and in the confirmation', async () => {
    await shown('en', 'en-GB');
    const when = tl.screen.getByLabelText('When should we call?') as HTMLSelectElement;
    tl.fireEvent.change(when, { target: { value: '2026-03-05T11:30:00.000Z' } });
    // The field shows the chosen option: its day is in it, not only in the list's heading.
    expect(when.selectedOptions[0]?.textContent).toBe('tomorrow, Thu 5 Mar, 14:30');
    tl.fireEvent.input(tl.screen.getByLabelText('Phone number'), {
      target: { value: '912 345 67 89' },
    });
    tl.fireEvent.click(
      tl.screen.getByRole('button', { name: 'Call me tomorrow, Thu 5 Mar, 14:30' }),
    );
    await tl.screen.findByText('We will call you tomorrow, Thu 5 Mar, 14:30.');
  });

  it('speaks Russian all through, in Russian', async () => {
    await shown('ru', 'ru-RU');
    tl.screen.getByRole('heading', { name: 'Перезвоним за 30 секунд' });
    const when = tl.screen.getByLabelText('Когда вам позвонить?') as HTMLSelectElement;
    tl.fireEvent.change(when, { target: { value: '2026-03-06T07:00:00.000Z' } });
    expect(when.selectedOptions[0]?.textContent).toBe('пт, 6 мар., 10:00');
    tl.screen.getByRole('button', { name: 'Позвоните мне пт, 6 мар., 10:00' });
  });

  it('shows the marketer’s texts in the widget’s language, never the other one', async () => {
    await shown('en', 'en-GB');
    tl.screen.getByRole('heading', { name: lunch.appearance.working.title.en ?? '' });
    expect(document.body.textContent).not.toMatch(/[А-Яа-яЁё]/);
  });
});
