/**
 * The phone field of the callback form: the country list (the widget's own countries at first,
 * every country once the list is opened or the visitor comes from elsewhere; see
 * phone-countries.ts) and the number, checked as the visitor types, with its message. The form
 * hears each new reading of the number (`onCheck`) and sends what it last heard.
 */
import { lazy } from '@frontdesk/core';
import type { MetadataJson } from 'libphonenumber-js/core';
import { Component, type RefObject } from 'preact';
import type { CallbackMessages } from './callback-messages';
import { checkPhone, isPhoneCountry, type PhoneCheck, type PhoneCountry } from './check-phone';
import { type CountryOption, countryOptions } from './phone-countries';
import { phoneMetadata } from './phone-metadata';

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
  inputRef: RefObject<HTMLInputElement | null>;
  onCheck(check: PhoneCheck): void;
}

interface PhoneState {
  country: PhoneCountry;
  /** The countries known: the widget's own, or all once loaded. */
  metadata: MetadataJson;
  /** The visitor chose a country or typed: the default country no longer moves. */
  touched: boolean;
  phone: string;
  /** The field lost focus once: "incomplete" may be said from now on. */
  blurred: boolean;
}

/** Every country libphonenumber-js knows, a chunk of its own. */
const allCountries = lazy(() => import('./all-phone-metadata'));

/** The phone field; see the module comment. */
export class PhoneField extends Component<PhoneFieldProps, PhoneState> {
  private options?: { of: MetadataJson; value: CountryOption[] };

  constructor(props: PhoneFieldProps) {
    super(props);
    const region = props.visitorRegion ?? '';
    this.state = {
      country: isPhoneCountry(region) ? region : (props.country.toUpperCase() as PhoneCountry),
      metadata: phoneMetadata,
      touched: false,
      phone: props.initial,
      blurred: false,
    };
  }

  override componentDidMount() {
    this.tell();
    // A visitor from elsewhere gets their own country as soon as the list of all is here.
    const region = this.props.visitorRegion;
    if (region && !isPhoneCountry(region)) this.loadAll();
  }

  override componentDidUpdate(_: PhoneFieldProps, previous: PhoneState) {
    const { phone, country, metadata } = this.state;
    if (
      phone !== previous.phone ||
      country !== previous.country ||
      metadata !== previous.metadata
    ) {
      this.tell();
    }
  }

  private check(): PhoneCheck {
    const { phone, country, metadata } = this.state;
    return checkPhone(phone, country, metadata);
  }

  private tell() {
    this.props.onCheck(this.check());
  }

  /** Loads every country into the list, once; the default follows the visitor's country. */
  private readonly loadAll = () => {
    allCountries().then(
      ({ metadata }) => {
        const region = this.props.visitorRegion ?? '';
        this.setState((state) => ({
          metadata,
          ...(!state.touched && isPhoneCountry(region, metadata) ? { country: region } : {}),
        }));
      },
      () => undefined,
    );
  };

  /** The list's options, named in the visitor's language. */
  private countries(): CountryOption[] {
    const { metadata } = this.state;
    if (this.options?.of !== metadata) {
      this.options = { of: metadata, value: countryOptions(metadata, this.props.locale) };
    }
    return this.options.value;
  }

  override render() {
    const { texts: m, error, attempted } = this.props;
    const state = this.state;
    const check = this.check();
    const message =
      error ||
      (check.kind === 'invalid'
        ? m.phoneInvalid
        : (state.blurred || attempted) && check.kind === 'incomplete'
          ? m.phoneIncomplete
          : attempted && check.kind === 'empty'
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
            {this.countries().map((option) => (
              <option key={option.code} value={option.code}>
                {option.name} {option.callingCode}
              </option>
            ))}
          </select>
          <input
            ref={this.props.inputRef}
            id="fd-phone"
            class="input"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            data-autofocus
            value={state.phone}
            aria-invalid={message ? 'true' : 'false'}
            aria-describedby="fd-phone-msg"
            onInput={(event) => this.setState({ phone: event.currentTarget.value, touched: true })}
            onBlur={() => this.setState({ blurred: true })}
          />
        </div>
        <p
          id="fd-phone-msg"
          class="msg"
          data-tone={message ? 'error' : check.kind === 'valid' ? 'ok' : undefined}
        >
          {message || (check.kind === 'valid' ? m.phoneValid : '')}
        </p>
      </div>
    );
  }
}
