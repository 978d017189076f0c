/**
 * The opened callback widget: header of the current variant, the order form (phone with
 * country, optional name, "now" or a slot, consent) or the confirmation, and the brand line.
 * Working time offers "now" and the slots; non-working time only the slots. While nobody can
 * call back now (presence), working time shows the "nobody available" texts and promises a call
 * as soon as possible, never one now. A class component: Preact's hooks would cost the opened
 * widget's budget a kilobyte.
 */
import { type Presence, type PublicCallbackConfig, textIn } from '@frontdesk/config';
import {
  BrandLine,
  errorText,
  LiveRegion,
  type Locale,
  PlatformError,
  pageInfo,
  uuid,
  type Variant,
  type Visitor,
} from '@frontdesk/core';
import { callbackSlots, type Schedule } from '@frontdesk/schedule/engine';
import { Component, createRef, type RefObject } from 'preact';
import type { Texts } from './callback-messages';
import type { Field, FormState } from './form-state';
import { type OrderAttempt, orderAttempt } from './order-attempt';
import { PhoneField } from './phone-field';
import { type SlotGroup, slotGroups } from './slot-groups';
import { slotLabel } from './slot-label';
import type { CallbackOrder, CallbackRequest, SubmitCallback } from './submit-callback';

/** Props of {@link CallbackWidget}. */
export interface CallbackWidgetProps {
  config: PublicCallbackConfig;
  /** The config's schedule with its calendar days. */
  schedule: Schedule;
  /** The variant when the widget opened. */
  variant: Variant;
  /** Who can call back now: only `online` promises a call right now. */
  presence: Presence;
  /** Opened by the lead generator: its title and text while the variant is working. */
  lead?: boolean | undefined;
  /** The widget's language: of its texts and of the marketer's (the config's `languages`). */
  lang: Locale;
  /** For Intl formatting (see `formatLocale`). */
  locale: string;
  texts: Texts;
  /** What the page told of the visitor (`identify`): prefill. */
  visitor: Visitor;
  /** The visitor's IANA time zone. */
  visitorZone: string;
  /** The visitor's country, by the browser language: the phone's default country. */
  visitorRegion?: string | undefined;
  now(): Date;
  /** Where the brand line links to. */
  brandHref: string;
  submit: SubmitCallback;
  onSubmitted(order: CallbackOrder): void;
  /**
   * Keeps an order the network could not take, to be sent when it is back; without it (the
   * Studio's preview), a network failure is an error like any other.
   */
  keep?: ((request: CallbackRequest, idempotencyKey: string) => void) | undefined;
  /** The visitor's token to send with the order; absent (the preview): none is sent. */
  visitorToken?: (() => string) | undefined;
}

/** Id of the widget's title, which names its dialog. */
export const TITLE_ID = 'fd-title';

/** The callback widget's content, inside its dialog. */
export class CallbackWidget extends Component<CallbackWidgetProps, FormState> {
  /** The last order sent and its idempotency key: a repeat of it keeps the key. */
  private attempt?: OrderAttempt | undefined;
  /** A send waits for the number's checker. */
  private checking = false;
  private groups?: { at: Date; value: SlotGroup[] };
  private readonly phoneRef = createRef<PhoneField>();
  private readonly whenRef = createRef<HTMLSelectElement>();
  private readonly consentRef = createRef<HTMLInputElement>();
  private readonly doneRef = createRef<HTMLDivElement>();

  constructor(props: CallbackWidgetProps) {
    super(props);
    this.state = {
      variant: props.variant,
      name: props.visitor.name ?? '',
      when: props.variant === 'working' ? 'now' : '',
      consent: false,
      website: '',
      attempted: false,
      sending: false,
      alert: '',
      announcement: '',
      slotsAt: props.now(),
    };
  }

  /** A slot's start with its day, as the visitor reads it. */
  private slotLabel(iso: string): string {
    const { locale, visitorZone } = this.props;
    return slotLabel(new Date(iso), { locale, visitorZone, now: this.state.slotsAt });
  }

  override componentDidUpdate(_: CallbackWidgetProps, previous: FormState) {
    // The confirmation takes focus, so a keyboard or screen-reader visitor lands on it.
    const { order, kept } = this.state;
    if ((order && !previous.order) || (kept && !previous.kept)) this.doneRef.current?.focus();
  }

  /** The slots on offer, grouped by the visitor's day (recomputed when `slotsAt` moves). */
  private slotGroups(): SlotGroup[] {
    const { slotsAt } = this.state;
    if (this.groups?.at !== slotsAt) {
      const { schedule, locale, visitorZone, config } = this.props;
      this.groups = {
        at: slotsAt,
        value: slotGroups(callbackSlots(schedule, slotsAt), {
          locale,
          visitorZone,
          companyZone: config.schedule.timeZone,
          now: slotsAt,
        }),
      };
    }
    return this.groups.value;
  }

  private fail(field: Field, text: string, focus: RefObject<{ focus(): void } | null>) {
    this.setState({ fieldError: { field, text } });
    focus.current?.focus();
  }

  /** "Now" means "as soon as we can": an employee calls back, or nobody can call right now. */
  private soon(): boolean {
    return this.props.config.mode === 'manual' || this.props.presence !== 'online';
  }

  private doneText(order: CallbackOrder): string {
    const m = this.props.texts.callback;
    if (!order.slot) return this.soon() ? m.doneSoon : m.doneNow;
    return m.doneAt(this.slotLabel(order.slot));
  }

  private readonly onSubmit = async (event: Event) => {
    event.preventDefault();
    const { config, texts } = this.props;
    const { when, consent, name, website, sending } = this.state;
    if (sending || this.checking) return;
    this.setState({ attempted: true, alert: '', fieldError: undefined });
    const m = texts.callback;
    // The number's checker may still be on its way (a number pasted and sent at once): a second
    // press meanwhile sends nothing more.
    this.checking = true;
    const checked = await this.phoneRef.current?.check().finally(() => {
      this.checking = false;
    });
    const phone =
      checked?.kind === 'valid'
        ? checked.e164
        : checked?.kind === 'unchecked'
          ? checked.typed
          : undefined;
    if (phone === undefined) return this.phoneRef.current?.focus();
    if (when === '') return this.fail('when', m.timeRequired, this.whenRef);
    if (config.consent.required && !consent) {
      return this.fail('consent', texts.core.errors.consent_required, this.consentRef);
    }
    const trimmedName = name.trim();
    const request: CallbackRequest = {
      phone,
      ...(when === 'now' ? { now: true as const } : { slot: when }),
      ...(trimmedName ? { name: trimmedName } : {}),
      ...(config.consent.required ? { consent: true } : {}),
      page: pageInfo(),
      timeZone: this.props.visitorZone,
      website,
      ...(this.props.visitorToken ? { visitorToken: this.props.visitorToken() } : {}),
    };
    this.attempt = orderAttempt(request, this.attempt, uuid);
    const { key } = this.attempt;
    this.setState({ sending: true, announcement: m.sending });
    try {
      if (this.props.keep && navigator.onLine === false) throw new PlatformError(0, 'network', '');
      const order = await this.props.submit(request, key);
      this.setState({
        order,
        sending: false,
        announcement: `${m.doneTitle} ${this.doneText(order)}`,
      });
      this.props.onSubmitted(order);
    } catch (error) {
      const code = error instanceof PlatformError ? error.code : 'unknown';
      if (code === 'network' && this.props.keep) {
        // Offline: kept, and sent (with this key) once the browser is back online.
        this.props.keep(request, key);
        return this.setState({
          kept: true,
          sending: false,
          announcement: `${m.doneTitle} ${m.kept}`,
        });
      }
      const text = errorText(texts.core, code);
      this.setState({ sending: false, announcement: '' });
      if (code === 'invalid_phone') this.fail('phone', text, this.phoneRef);
      else if (code === 'consent_required') this.fail('consent', text, this.consentRef);
      else if (code === 'slot_unavailable' || code === 'closed_now') {
        // The offer changed under the visitor: recompute it, and drop "now" if the company closed.
        this.setState({
          when: '',
          slotsAt: this.props.now(),
          ...(code === 'closed_now' ? { variant: 'non-working' as const } : {}),
        });
        this.fail('when', text, this.whenRef);
      } else this.setState({ alert: text, announcement: text });
    }
  };

  /** The order form, with the slots on offer. */
  private renderForm(groups: SlotGroup[]) {
    const { config, texts, visitorZone, lang } = this.props;
    const state = this.state;
    const { variant, fieldError, when } = state;
    const m = texts.callback;
    const soon = this.soon();
    const zonesDiffer = groups.some((group) => group.options.some((option) => option.companyTime));
    const errorOf = (field: Field) => (fieldError?.field === field ? fieldError.text : '');
    const chosen = groups.flatMap((group) => group.options).find((option) => option.value === when);
    const sendLabel = state.sending
      ? m.sending
      : when === 'now' && !soon
        ? m.sendNow
        : chosen
          ? m.sendAt(this.slotLabel(chosen.value))
          : m.send;
    const clear = (field: Field) => (fieldError?.field === field ? { fieldError: undefined } : {});

    return (
      <form class="form" noValidate onSubmit={this.onSubmit}>
        <PhoneField
          texts={m}
          locale={this.props.locale}
          country={config.country}
          visitorRegion={this.props.visitorRegion}
          initial={this.props.visitor.phone ?? ''}
          error={errorOf('phone')}
          attempted={state.attempted}
          ref={this.phoneRef}
          onInput={() => this.setState(clear('phone'))}
        />
        <div class="field">
          <label class="label" for="fd-name">
            {m.name}
          </label>
          <input
            id="fd-name"
            class="input"
            type="text"
            autoComplete="name"
            maxLength={100}
            value={state.name}
            onInput={(event) => this.setState({ name: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label class="label" for="fd-when">
            {m.when}
          </label>
          <select
            ref={this.whenRef}
            id="fd-when"
            class="select"
            value={when}
            aria-invalid={errorOf('when') ? 'true' : 'false'}
            aria-describedby="fd-when-msg"
            onChange={(event) =>
              this.setState({ when: event.currentTarget.value, ...clear('when') })
            }
          >
            {variant === 'working' ? (
              <option value="now">{soon ? m.soon : m.now}</option>
            ) : (
              <option value="" disabled>
                {m.chooseTime}
              </option>
            )}
            {groups.map((group) => (
              <optgroup key={group.date} label={group.label}>
                {group.options.map((option) => {
                  // The chosen slot shows its day in the field too; the list has it above.
                  const time = option.value === when ? this.slotLabel(when) : option.time;
                  return (
                    <option key={option.value} value={option.value}>
                      {option.companyTime ? `${time} (${m.companyTime(option.companyTime)})` : time}
                    </option>
                  );
                })}
              </optgroup>
            ))}
          </select>
          <p id="fd-when-msg" class="msg" data-tone={errorOf('when') ? 'error' : undefined}>
            {errorOf('when') || (zonesDiffer ? m.yourZone(visitorZone) : '')}
          </p>
        </div>
        {config.consent.required ? (
          <div class="field">
            <label class="check">
              <input
                ref={this.consentRef}
                type="checkbox"
                checked={state.consent}
                aria-describedby="fd-consent-msg"
                onChange={(event) =>
                  this.setState({ consent: event.currentTarget.checked, ...clear('consent') })
                }
              />
              <span>{textIn(config.consent.text, lang) || m.consent}</span>
            </label>
            <p id="fd-consent-msg" class="msg" data-tone="error">
              {errorOf('consent')}
            </p>
          </div>
        ) : null}
        <div class="trap" aria-hidden="true">
          <label>
            {m.trap}
            <input
              name="website"
              tabIndex={-1}
              autoComplete="off"
              value={state.website}
              onInput={(event) => this.setState({ website: event.currentTarget.value })}
            />
          </label>
        </div>
        <p class="alert">{state.alert}</p>
        <button
          type="submit"
          class="send"
          disabled={state.sending || (config.consent.required && !state.consent)}
        >
          {sendLabel}
        </button>
      </form>
    );
  }

  override render() {
    const { config, texts, lang } = this.props;
    const { variant, order, kept, announcement } = this.state;
    const m = texts.callback;
    const groups = this.slotGroups();
    const nobody = variant === 'working' && this.props.presence !== 'online';
    const lead = this.props.lead && variant === 'working' && !nobody;
    const look =
      variant !== 'working'
        ? config.appearance.nonWorking
        : nobody
          ? config.appearance.nobody
          : lead
            ? config.appearance.leadGenerator
            : config.appearance.working;
    const brandHidden = variant === 'working' ? config.brand.hidden : config.brand.nonWorkingHidden;
    const done = kept ? m.kept : order && this.doneText(order);
    const body = done ? (
      <div class="done" ref={this.doneRef} tabIndex={-1}>
        <h3>{m.doneTitle}</h3>
        <p>{done}</p>
      </div>
    ) : groups.length === 0 && variant === 'non-working' ? (
      <p class="hint">{m.noSlots}</p>
    ) : (
      this.renderForm(groups)
    );

    return (
      <>
        <header class="head" data-variant={lead ? 'lead' : nobody ? 'nobody' : variant}>
          <h2 id={TITLE_ID} class="title">
            {textIn(look.title, lang)}
          </h2>
          {textIn(look.text, lang) ? <p class="text">{textIn(look.text, lang)}</p> : null}
        </header>
        <div class="body">
          <LiveRegion message={announcement} />
          {body}
        </div>
        {brandHidden ? null : (
          <BrandLine poweredBy={texts.core.poweredBy} href={this.props.brandHref} />
        )}
      </>
    );
  }
}
