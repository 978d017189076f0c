// @vitest-environment jsdom
import { loadTexts, PhoneField } from '@frontdesk/callback';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { createRef, h } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';

const { callback: texts } = await loadTexts('en');

/** The field for a visitor from `visitorRegion`, on a widget of the Russian calendar. */
function field(visitorRegion?: string, initial = '') {
  const ref = createRef<PhoneField>();
  render(
    h(PhoneField, {
      ref,
      texts,
      locale: 'en-GB',
      country: 'ru',
      visitorRegion,
      initial,
      error: '',
      attempted: false,
      onInput: () => {},
    }),
  );
  const country = screen.getByRole('combobox', { name: 'Country code' }) as HTMLSelectElement;
  return { check: () => ref.current?.check(), country };
}

/** What the field says of the number (its description). */
const description = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent;

afterEach(cleanup);

describe('the phone field', () => {
  it('starts with the widget’s own countries, named in the visitor’s language', () => {
    const { country } = field('RU');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Belarus +375',
      'Kazakhstan +7',
      'Russia +7',
      'Uzbekistan +998',
    ]);
    expect(country.value).toBe('RU');
  });

  it('brings every country in when its list is opened', async () => {
    const { country } = field('RU');
    fireEvent.focus(country);
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(240));
    expect(screen.getByRole('option', { name: 'Germany +49' })).toBeTruthy();
    // The visitor's choice stays: the list grew, the country did not move.
    expect(country.value).toBe('RU');
    fireEvent.change(country, { target: { value: 'DE' } });
    fireEvent.input(screen.getByLabelText('Phone number'), { target: { value: '030 1234567' } });
    expect(await screen.findByText('The number looks right.')).toBeTruthy();
  });

  it('defaults to the visitor’s own country, loading it when it is not the widget’s', async () => {
    const { country, check } = field('GB');
    await waitFor(() => expect(country.value).toBe('GB'));
    fireEvent.input(screen.getByLabelText('Phone number'), { target: { value: '07911 123456' } });
    expect(await check()).toEqual({ kind: 'valid', e164: '+447911123456' });
  });

  it('says nothing of the number until the visitor enters one (its checker comes then)', async () => {
    field('RU');
    const phone = screen.getByLabelText('Phone number');
    expect(description(phone)).toBe('');
    fireEvent.input(phone, { target: { value: '912' } });
    fireEvent.blur(phone);
    await waitFor(() => expect(description(phone)).toBe(texts.phoneIncomplete));
  });

  it('reads a number the page told as soon as the field shows', async () => {
    field('RU', '+7 912 345 67 89');
    expect(await screen.findByText('The number looks right.')).toBeTruthy();
  });

  it('keeps the widget’s country for a visitor whose country it cannot tell', () => {
    expect(field(undefined).country.value).toBe('RU');
  });
});
