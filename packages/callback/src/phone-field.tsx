/**
 * The phone field of the callback form: the country list (the widget's own countries at first,
 * every country once the list is opened or the visitor comes from elsewhere; see
 * phone-countries.ts) and the number, checked as the visitor types, with its message. The
 * checker (libphonenumber-js, check-phone.ts) is a chunk of its own that comes when the visitor
 * starts entering a number (a key, a paste, autofill, a press on the field — not the focus the
 * opened dialog gives it) or the page told the number: a visitor who only looks at the form
 * never loads it. The form asks the field for its reading of the number (`check`) when it sends.
 */
import { lazy } from '@frontdesk/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import { Component, createRef, type RefObject } from 'preact';
import type { CallbackMessages } from './callback-messages';
import type { CheckPhone, PhoneCheck } from './check-phone';
import {
  type CountryOption,
  countryOptions,
  isPhoneCountry,
  type PhoneCountry,
} from './phone-countries';
import { phoneMetadata } from './phone-metadata';

/** A number the field could not read (its checker did not come): sent as typed. */
export interface UncheckedPhone {
  kind: 'unchecked';
  typed: string;
}

/** Props of {@link PhoneField}. */
export interface PhoneFieldProps {
  texts: CallbackMessages;
  /** For the country names (see `formatLocale`). */
  locale: string;
  /** The widget's country ("ru"): the default when the visitor's own is not known. */
  country: string;
  /** The visitor's country, by the browser language: the default when known. */
  visitorRegion?: string | undefined;
  /** What the page said the visitor's number is. */
  initial: string;
  /** The form's own word on the number (the platform refused it), shown first. */
  error: string;
  /** The form was sent once: an empty number is an error from now on. */
  attempted: boolean;
  /** The visitor typed (the form's own word on the number is old now). */
  onInput(): void;
  /** Receives the field itself, for the form to ask (a prop, not a special one, in Preact 11). */
  ref?: RefObject<PhoneField | null> | undefined;
}

interface PhoneState {
  country: PhoneCountry;
  /** The countries known: the widget's own, or all once loaded. */
  metadata: MetadataJson;
  /** Their options, named in the visitor's language. */
  countries: CountryOption[];
  /** The visitor chose a country or typed: the default country no longer moves. */
  touched: boolean;
  phone: string;
  /** The field lost focus once: "incomplete" may be said from now on. */
  blurred: boolean;
  /** The number's checker, once loaded: until then the field says nothing of the number. */
  checkPhone?: CheckPhone;
}

/** Every country libphonenumber-js knows, a chunk of its own (the browser imports it once). */
const allCountries = () => import('./all-phone-metadata');

/** The number's checker, a chunk of its own (see the module comment). */
const checker = lazy(() => import('./check-phone').then((module) => module.checkPhone));

/** The phone field; see the module comment. */
export class PhoneField extends Component<PhoneFieldProps, PhoneState> {
  private readonly input = createRef<HTMLInputElement>();

  constructor(props: PhoneFieldProps) {
    super(props);
    if (props.ref) props.ref.current = this;
    const region = props.visitorRegion ?? '';
    this.state = {
      country: isPhoneCountry(region) ? region : (props.country.toUpperCase() as PhoneCountry),
      metadata: phoneMetadata,
      countries: countryOptions(phoneMetadata, props.locale),
      touched: false,
      phone: props.initial,
      blurred: false,
    };
  }

  override componentDidMount() {
    // A visitor from elsewhere gets their own country as soon as the list of all is here.
    const region = this.props.visitorRegion;
    if (region && !isPhoneCountry(region)) this.loadAll();
    if (this.props.initial) this.loadChecker();
  }

  /**
   * The number as read once the checker is here: what the form sends. When it cannot come (the
   * network went before the visitor typed, and a browser keeps a failed import's error for the
   * page's life), the number is `unchecked`: it goes as typed, and the platform, which reads it
   * in the widget's country, refuses it if it is not one — an order is never stuck on the field.
   */
  async check(): Promise<PhoneCheck | UncheckedPhone> {
    this.loadChecker();
    const checkPhone = await checker().catch(() => undefined);
    const { phone, country, metadata } = this.state;
    if (checkPhone) return checkPhone(phone, country, metadata);
    const typed = phone.trim();
    return typed ? { kind: 'unchecked', typed } : { kind: 'empty' };
  }

  /** Brings the number's checker in (once); the field reads the number with it from then on. */
  private readonly loadChecker = () => {
    if (this.state.checkPhone) return;
    checker().then(
      (checkPhone) => this.setState({ checkPhone }),
      () => undefined,
    );
  };

  /** Takes the focus (the number is what to fix). */
  focus() {
    this.input.current?.focus();
  }

  /** Loads every country into the list, once; the default follows the visitor's country. */
  private readonly loadAll = () => {
    allCountries().then(
      ({ metadata }) => {
        const region = this.props.visitorRegion ?? '';
        this.setState((state) =>
          state.metadata === metadata
            ? null
            : {
                metadata,
                countries: countryOptions(metadata, this.props.locale),
                ...(!state.touched && isPhoneCountry(region, metadata) ? { country: region } : {}),
              },
        );
      },
      () => undefined,
    );
  };

  override render() {
    const { texts: m, error, attempted } = this.props;
    const state = this.state;
    const check = state.checkPhone?.(state.phone, state.country, state.metadata);
    const message =
      error ||
      (check?.kind === 'invalid'
        ? m.phoneInvalid
        : (state.blurred || attempted) && check?.kind === 'incomplete'
          ? m.phoneIncomplete
          : attempted && check?.kind === 'empty'
            ? m.phoneRequired
            : '');
    return (
      <div class="field">
        <label class="label" for="fd-phone">
          {m.phone}
        </label>
        <div class="phone">
          <select
            id="fd-country"
            class="select"
            aria-label={m.country}
            value={state.country}
            // Opening the list is the moment to bring every country in.
            onFocus={this.loadAll}
            onPointerDown={this.loadAll}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isPhoneCountry(next, state.metadata)) {
                this.setState({ country: next, touched: true });
              }
            }}
          >
            {state.countries.map((option) => (
              <option key={option.code} value={option.code}>
                {`${option.name} ${option.callingCode}`}
              </option>
            ))}
          </select>
          <input
            ref={this.input}
            id="fd-phone"
            class="input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            data-autofocus
            value={state.phone}
            aria-invalid={message ? 'true' : 'false'}
            aria-describedby="fd-phone-msg"
            onPointerDown={this.loadChecker}
            onInput={(event) => {
              this.loadChecker();
              this.setState({ phone: event.currentTarget.value, touched: true });
              this.props.onInput();
            }}
            onBlur={() => this.setState({ blurred: true })}
          />
        </div>
        <p
          id="fd-phone-msg"
          class="msg"
          data-tone={message ? 'error' : check?.kind === 'valid' ? 'ok' : undefined}
        >
          {message || (check?.kind === 'valid' ? m.phoneValid : '')}
        </p>
      </div>
    );
  }
}
