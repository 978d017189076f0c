// @vitest-environment jsdom
/**
 * The opened callback widget read as a visitor reads it: the title and texts, the phone, name and
 * time fields by their labels, the messages that describe them, the button by its name, the
 * confirmation and the live region by role; typing, choosing and clicking through user-event.
 */
import {
  type CallbackOrder,
  type CallbackRequest,
  CallbackWidget,
  type CallbackWidgetProps,
  loadTexts,
} from '@frontdesk/callback';
import type { PublicCallbackConfig } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';
import { act, cleanup, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callbackConfig, formProps } from './fixtures';

const texts = await loadTexts('en');
const m = texts.callback;
const lunch = callbackConfig((s) => ({
  ...s,
  schedule: { ...s.schedule, lunch: { from: '13:00', to: '14:00' } },
}));

const settle = () => act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));

/** What describes `field` to a screen reader: the texts of its `aria-describedby` elements. */
function describedBy(field: Element): HTMLElement[] {
  const ids = field.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.flatMap((id) => field.ownerDocument.getElementById(id) ?? []);
}
const description = (field: Element) =>
  describedBy(field)
    .map((element) => element.textContent ?? '')
    .join(' ');

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
  render(
    h(
      CallbackWidget,
      formProps(config, {
        variant: options.variant ?? 'working',
        texts,
        submit,
        onSubmitted: (order) => submitted.push(order),
        keep: options.keep,
      }),
    ),
  );
  await settle();
  const user = userEvent.setup();
  const phone = () => screen.getByRole('textbox', { name: m.phone }) as HTMLInputElement;
  const when = () => screen.getByRole('combobox', { name: m.when }) as HTMLSelectElement;
  /** The form's one button: it sends, and its name says when the call comes. */
  const sendButton = () => screen.getByRole('button') as HTMLButtonElement;
  /** Replaces what a field holds with `value`, typed. */
  const type = async (field: HTMLInputElement, value: string) => {
    await user.clear(field);
    await user.type(field, value);
  };
  const choose = (value: string) => user.selectOptions(when(), value);
  const send = async () => {
    await user.click(sendButton());
    await settle();
  };
  const options_ = () => within(when()).getAllByRole('option') as HTMLOptionElement[];
  /** The visible alert line under the form (the live region, for screen readers, aside). */
  const alert = (text: string) => screen.getByText(text, { ignore: '[role=status]' });
  /** The confirmation: its heading, its text, and the element around them. */
  const done = () => {
    const heading = screen.getByRole('heading', { level: 3 });
    const box = heading.parentElement as HTMLElement;
    return { heading, box, text: within(box).getByText((_, element) => element?.tagName === 'P') };
  };
  return {
    submit,
    submitted,
    user,
    phone,
    when,
    sendButton,
    type,
    choose,
    send,
    options: options_,
    alert,
    done,
  };
}

afterEach(cleanup);

describe('the callback widget', () => {
  it('in working time: the working texts, "right now" first, then three working days of slots', async () => {
    const w = await widget();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      lunch.appearance.working.title.en,
    );
    expect(screen.getByText(lunch.appearance.working.text.en ?? '')).toBeTruthy();
    const options = w.options();
    expect(options[0]).toMatchObject({ value: 'now', selected: true, textContent: 'Right now' });
    const groups = within(w.when())
      .getAllByRole('group')
      .map((group) => (group as HTMLOptGroupElement).label);
    expect(groups).toEqual([
      'Today, Wednesday 4 March',
      'Tomorrow, Thursday 5 March',
      'Friday 6 March',
    ]);
    // 10:00 to 18:00 without the 13:00–14:00 lunch: 14 slots today.
    const today = within(w.when()).getByRole('group', { name: 'Today, Wednesday 4 March' });
    expect(within(today).getAllByRole('option')).toHaveLength(14);
    expect(w.sendButton().textContent).toBe('Call me now');
    const brand = screen.getByRole('link', { name: 'Frontdesk' }) as HTMLAnchorElement;
    expect(brand.parentElement?.textContent).toBe('Powered by Frontdesk');
    expect(brand.href).toBe('https://fd.example/');
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
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Closed');
    expect(screen.getByText('Pick a time.')).toBeTruthy();
    expect(screen.getByRole('banner').getAttribute('data-variant')).toBe('non-working');
    const options = w.options();
    expect(options.some((option) => option.value === 'now')).toBe(false);
    expect(options[0]).toMatchObject({
      value: '',
      disabled: true,
      selected: true,
      textContent: 'Choose a time',
    });
    expect(w.sendButton().textContent).toBe('Call me back');
    expect(screen.queryByRole('link', { name: 'Frontdesk' })).toBeNull();
    expect(screen.queryByText(/Powered by/)).toBeNull();

    await w.type(w.phone(), '912 345 67 89');
    await w.send();
    expect(w.submit).not.toHaveBeenCalled();
    expect(description(w.when())).toBe('Please choose a time for the call.');
    expect(w.when()).toBe(document.activeElement);
  });

  it('validates the phone as the visitor types', async () => {
    const w = await widget();
    await w.type(w.phone(), '912 34');
    expect(description(w.phone())).toBe(''); // still typing
    await w.user.tab(); // the visitor leaves the field
    expect(w.phone()).not.toBe(document.activeElement);
    expect(description(w.phone())).toBe('The number looks incomplete.');
    expect(w.phone().getAttribute('aria-invalid')).toBe('true');
    await w.type(w.phone(), '912 34x');
    expect(description(w.phone())).toBe('This does not look like a valid phone number.');
    await w.type(w.phone(), '912 345 67 89');
    expect(description(w.phone())).toBe('The number looks right.');
    expect(describedBy(w.phone())[0]?.getAttribute('data-tone')).toBe('ok');
    expect(w.phone().getAttribute('aria-invalid')).toBe('false');
    // Another country's number reads with that country's rules.
    await w.user.selectOptions(screen.getByRole('combobox', { name: m.country }), 'BY');
    await w.type(w.phone(), '29 123 45 67');
    expect(description(w.phone())).toBe('The number looks right.');
  });

  it('keeps Send disabled until the consent box is ticked', async () => {
    const config = callbackConfig((s) => ({
      ...s,
      consent: { required: true, text: { ru: 'Я согласен', en: 'I accept the policy' } },
    }));
    const w = await widget({ config });
    const consent = screen.getByRole('checkbox', { name: 'I accept the policy' });
    expect(consent.closest('label')?.textContent).toBe('I accept the policy');
    expect(w.sendButton().disabled).toBe(true);
    await w.user.click(consent);
    expect(w.sendButton().disabled).toBe(false);
    await w.type(w.phone(), '912 345 67 89');
    await w.send();
    expect(w.submit.mock.calls[0]?.[0]).toMatchObject({ consent: true });
  });

  it('orders a slot: the exact instant, under an idempotency key, then confirms', async () => {
    const w = await widget();
    await w.type(w.phone(), '8 (912) 345-67-89');
    await w.type(screen.getByRole('textbox', { name: m.name }) as HTMLInputElement, '  Ann  ');
    await w.choose('2026-03-05T11:30:00.000Z'); // tomorrow 14:30 in Moscow
    expect(w.sendButton().textContent).toBe('Call me tomorrow, Thu 5 Mar, 14:30');
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
    const done = w.done();
    expect(done.heading.textContent).toBe('Thank you!');
    expect(done.text.textContent).toBe('We will call you tomorrow, Thu 5 Mar, 14:30.');
    expect(done.box).toBe(document.activeElement);
    expect(screen.getByRole('status').textContent).toBe(
      'Thank you! We will call you tomorrow, Thu 5 Mar, 14:30.',
    );
    expect(w.submitted).toEqual([{ id: 'c1', status: 'new', slot: '2026-03-05T11:30:00.000Z' }]);
  });

  it('orders a call right now', async () => {
    const w = await widget();
    await w.type(w.phone(), '+7 912 345 67 89');
    await w.send();
    expect(w.submit.mock.calls[0]?.[0]).toMatchObject({ phone: '+79123456789', now: true });
    expect(w.submit.mock.calls[0]?.[0]).not.toHaveProperty('slot');
    expect(w.done().text.textContent).toBe('We are calling you in a moment.');
  });

  it('does not send an invalid number, and points at it', async () => {
    const w = await widget();
    await w.send();
    expect(w.submit).not.toHaveBeenCalled();
    expect(description(w.phone())).toBe('Please enter your phone number.');
    expect(w.phone()).toBe(document.activeElement);
  });

  it('repeats a failed order under the same key, and a changed one under a new key', async () => {
    const w = await widget({
      submit: async () => {
        throw new PlatformError(0, 'network', 'unreachable');
      },
    });
    await w.type(w.phone(), '912 345 67 89');
    await w.send();
    const unreachable = 'No connection to the server. Please check your connection and try again.';
    expect(w.alert(unreachable).textContent).toBe(unreachable);
    expect(screen.getByRole('status').textContent).toBe(w.alert(unreachable).textContent);
    await w.send();
    await w.type(w.phone(), '912 345 67 80');
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
    await w.type(w.phone(), '912 345 67 89');
    await w.send();
    expect(keep).toHaveBeenCalledTimes(1);
    const [request, key] = keep.mock.calls[0] ?? [];
    expect(request).toEqual(w.submit.mock.calls[0]?.[0]);
    expect(key).toBe(w.submit.mock.calls[0]?.[1]);
    const done = w.done();
    expect(done.heading.textContent).toBe('Thank you!');
    expect(done.text.textContent).toBe(
      'You are offline. We will send your request once you are back online.',
    );
    expect(done.box).toBe(document.activeElement);
    expect(w.submitted).toEqual([]);
  });

  it('keeps the order without trying the network when the browser is offline', async () => {
    const keep = vi.fn();
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const w = await widget({ keep });
      await w.type(w.phone(), '912 345 67 89');
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
    await w.type(w.phone(), '912 345 67 89');
    await w.send();
    expect(description(w.phone())).toBe('Please check the phone number.');
    expect(w.phone()).toBe(document.activeElement);

    answer.code = 'slot_unavailable';
    await w.choose('2026-03-05T11:30:00.000Z');
    await w.send();
    expect(description(w.when())).toBe(
      'This time is no longer available. Please choose another one.',
    );
    expect(w.when().value).toBe('');

    answer.code = 'rate_limited';
    await w.choose('2026-03-05T12:00:00.000Z');
    await w.send();
    const tooMany = 'Too many requests. Please try again in a minute.';
    expect(w.alert(tooMany).textContent).toBe(tooMany);

    answer.code = 'something_new';
    await w.send();
    const wrong = 'Something went wrong. Please try again.';
    expect(w.alert(wrong).textContent).toBe(wrong);
    expect(screen.queryByText(tooMany, { ignore: '[role=status]' })).toBeNull();
  });

  it('turns to the non-working variant when the platform says it closed meanwhile', async () => {
    const w = await widget({
      submit: async () => {
        throw new PlatformError(422, 'closed_now', 'closed');
      },
    });
    await w.type(w.phone(), '912 345 67 89');
    await w.send();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(
      lunch.appearance.nonWorking.title.en,
    );
    expect(w.options().some((option) => option.value === 'now')).toBe(false);
    expect(description(w.when())).toBe('We cannot call right now. Please choose a time.');
    expect(w.when()).toBe(document.activeElement);
  });

  it('passes the honeypot on as typed, for the platform to judge', async () => {
    const w = await widget();
    await w.type(w.phone(), '912 345 67 89');
    // Hidden from people and from screen readers: only a bot fills it in.
    const trap = screen.getByRole('textbox', { name: m.trap, hidden: true }) as HTMLInputElement;
    expect(screen.queryByRole('textbox', { name: m.trap })).toBeNull();
    await w.type(trap, 'http://spam.example');
    await w.send();
    expect(w.submit.mock.calls[0]?.[0]).toMatchObject({ website: 'http://spam.example' });
  });
});

describe('the chosen slot', () => {
  /** The widget in `lang`, its visitor in Moscow, its clock at Wednesday 4 March 10:00. */
  async function shown(lang: 'ru' | 'en', locale: string) {
    const submit = vi.fn(async (request: CallbackRequest) => ({
      id: 'c1',
      status: 'new',
      slot: request.slot ?? null,
    }));
    render(
      h(CallbackWidget, formProps(lunch, { lang, locale, texts: await loadTexts(lang), submit })),
    );
    return submit;
  }

  it('shows its day in the field, on the button and in the confirmation', async () => {
    await shown('en', 'en-GB');
    const user = userEvent.setup();
    const when = screen.getByLabelText('When should we call?') as HTMLSelectElement;
    await user.selectOptions(when, '2026-03-05T11:30:00.000Z');
    // The field shows the chosen option: its day is in it, not only in the list's heading.
    expect(when.selectedOptions[0]?.textContent).toBe('tomorrow, Thu 5 Mar, 14:30');
    await user.type(screen.getByLabelText('Phone number'), '912 345 67 89');
    await user.click(screen.getByRole('button', { name: 'Call me tomorrow, Thu 5 Mar, 14:30' }));
    await screen.findByText('We will call you tomorrow, Thu 5 Mar, 14:30.');
  });

  it('speaks Russian all through, in Russian', async () => {
    await shown('ru', 'ru-RU');
    screen.getByRole('heading', { name: 'Перезвоним за 30 секунд' });
    const when = screen.getByLabelText('Когда вам позвонить?') as HTMLSelectElement;
    await userEvent.setup().selectOptions(when, '2026-03-06T07:00:00.000Z');
    expect(when.selectedOptions[0]?.textContent).toBe('пт, 6 мар., 10:00');
    screen.getByRole('button', { name: 'Позвоните мне пт, 6 мар., 10:00' });
  });

  it('shows the marketer’s texts in the widget’s language, never the other one', async () => {
    await shown('en', 'en-GB');
    screen.getByRole('heading', { name: lunch.appearance.working.title.en ?? '' });
    expect(document.body.textContent).not.toMatch(/[А-Яа-яЁё]/);
  });
});
