/**
 * The chat's contact form while nobody can answer (its own chunk, loaded only then): a name, a
 * phone or an e-mail (one of them at least), and the consent tick where the widget asks for
 * it (unless the composer's box is ticked already), sent as `leave-contact`; the platform reads the phone and names a field it refuses. A
 * visitor the account already knows (a callback order, this form earlier) sees how the company
 * will answer instead. A class component, like the rest of the window.
 */
import type { ChatWelcome, PublicChatConfig } from '@frontdesk/config';
import { type Locale, PlatformError } from '@frontdesk/core';
import { Component, type ComponentChild } from 'preact';
import type { ChatSession } from './chat-session';
import { type ContactMessages, loadContactTexts } from './contact-messages';

/** Props of the form, as the chat window gives them. */
export interface ContactFormProps {
  session: ChatSession;
  /** What the visitor told before (the session's state). */
  contact: ChatWelcome['contact'] | undefined;
  consent: PublicChatConfig['consent'];
  /** The visitor ticked the composer's consent box already: the form asks no second time. */
  consented: boolean;
  /** The consent checkbox's built-in wording. */
  consentText: string;
  /** The runtime's text for a refusal code the form has no words of its own for. */
  errorText(code: string): string;
}

interface FormState {
  name: string;
  phone: string;
  email: string;
  consent: boolean;
  sending: boolean;
  error?: { field: 'phone' | 'email' | ''; text: string } | undefined;
}

const ID = 'fd-contact';

/** The form (see the module comment) with `texts`. */
export class ContactForm extends Component<
  ContactFormProps & { texts: ContactMessages },
  FormState
> {
  override state: FormState = { name: '', phone: '', email: '', consent: false, sending: false };

  private readonly onSubmit = async (event: Event) => {
    event.preventDefault();
    const { texts: t, session } = this.props;
    const { name, phone, email, consent, sending } = this.state;
    if (sending) return;
    if (!phone.trim() && !email.trim()) {
      return this.setState({ error: { field: 'phone', text: t.needOne } });
    }
    this.setState({ sending: true, error: undefined });
    try {
      await session.leaveContact({
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(this.props.consent.required ? { consent: consent || this.props.consented } : {}),
      });
      this.setState({ sending: false });
    } catch (error) {
      const failure = error instanceof PlatformError ? error : undefined;
      const field =
        failure?.field === 'email' ? 'email' : failure?.field === 'phone' ? 'phone' : '';
      const text =
        field === 'email'
          ? t.emailInvalid
          : field === 'phone'
            ? failure?.code === 'invalid'
              ? t.needOne
              : t.phoneInvalid
            : this.props.errorText(failure?.code ?? 'unknown');
      this.setState({ sending: false, error: { field, text } });
    }
  };

  /**
   * An input of the form, named by its label; `field` ties it to the error it may have. Text
   * with the keyboard of `mode`: the platform, not the browser, judges what was typed.
   */
  private input(
    field: 'name' | 'phone' | 'email',
    label: string,
    mode: 'text' | 'tel' | 'email',
    autoComplete: 'name' | 'tel' | 'email',
  ) {
    const { error } = this.state;
    const invalid = error?.field === field;
    return (
      <label class="field">
        <span class="label">{label}</span>
        <input
          class="input"
          type="text"
          inputMode={mode}
          autoComplete={autoComplete}
          maxLength={field === 'phone' ? 40 : 200}
          value={this.state[field]}
          aria-invalid={invalid ? 'true' : 'false'}
          {...(invalid ? { 'aria-describedby': `${ID}-error` } : {})}
          onInput={(event) =>
            this.setState({
              [field]: event.currentTarget.value,
              ...(invalid ? { error: undefined } : {}),
            } as Pick<FormState, typeof field>)
          }
        />
      </label>
    );
  }

  override render() {
    const { texts: t, contact, consent, consented } = this.props;
    const asks = consent.required && !consented;
    const known = contact?.phone ?? contact?.email;
    if (known) return <p class="hint">{t.known(known)}</p>;
    const { error, sending } = this.state;
    return (
      <form class="contact" aria-labelledby={`${ID}-title`} noValidate onSubmit={this.onSubmit}>
        <p id={`${ID}-title`} class="hint">
          {t.title}
        </p>
        {this.input('name', t.name, 'text', 'name')}
        {this.input('phone', t.phone, 'tel', 'tel')}
        {this.input('email', t.email, 'email', 'email')}
        {asks ? (
          <label class="check">
            <input
              type="checkbox"
              checked={this.state.consent}
              onChange={(event) => this.setState({ consent: event.currentTarget.checked })}
            />
            <span>{consent.text || this.props.consentText}</span>
          </label>
        ) : null}
        <p id={`${ID}-error`} class="msg" data-tone="error" role="alert">
          {error?.text ?? ''}
        </p>
        <button type="submit" class="chip" disabled={sending || (asks && !this.state.consent)}>
          {sending ? t.sending : t.send}
        </button>
      </form>
    );
  }
}

/** The form in `locale`, ready to render with the window's props. */
export async function loadContactForm(
  locale: Locale,
): Promise<(props: ContactFormProps) => ComponentChild> {
  const texts = await loadContactTexts(locale);
  return (props) => <ContactForm {...props} texts={texts} />;
}
