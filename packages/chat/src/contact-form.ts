/**
 * The chat's contact form while nobody can answer (its own chunk, loaded only then): a name, a
 * phone or an e-mail (one of them at least), and the consent tick where the widget asks for it
 * (unless the composer's box is ticked already), sent as `leave-contact`; the platform reads
 * the phone and names a field it refuses. A visitor the account already knows (a callback
 * order, this form earlier) sees how the company will answer instead. Plain DOM in a node the
 * window gives it: with Preact of its own, this chunk would pull Preact out of the window's
 * chunk into a third file every opened chat loads.
 */
import type { ChatWelcome, PublicChatConfig } from '@frontdesk/config';
import { type Locale, PlatformError } from '@frontdesk/core';
import type { ChatSession } from './chat-state';
import { type ContactMessages, loadContactTexts } from './contact-messages';

/** What the form follows, as the chat window gives it on every render. */
export interface ContactFormProps {
  session: ChatSession;
  /** What the visitor told before (the session's state). */
  contact: ChatWelcome['contact'] | undefined;
  consent: PublicChatConfig['consent'];
  /** The visitor ticked the composer's consent box already: the form asks no second time. */
  consented: boolean;
  /** The consent checkbox's wording in the widget's language (the marketer's, else built-in). */
  consentText: string;
  /** The runtime's text for a refusal code the form has no words of its own for. */
  errorText(code: string): string;
}

/** A form mounted in its node. */
export interface ContactForm {
  /** Follows the window's new props (a contact now known, the composer's tick). */
  update(props: ContactFormProps): void;
}

/** Mounts the form into a node of the window. */
export type MountContactForm = (root: HTMLElement, props: ContactFormProps) => ContactForm;

const ID = 'fd-contact';

/** An element with attributes and children. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The form with `t` in `root`; see the module comment. */
function mount(t: ContactMessages, root: HTMLElement, first: ContactFormProps): ContactForm {
  let props = first;
  let sending = false;
  const error = el('p', { id: `${ID}-error`, class: 'msg', 'data-tone': 'error', role: 'alert' });
  const input = (label: string, mode: string, complete: string, max: string) => {
    const field = el('input', {
      class: 'input',
      type: 'text',
      inputmode: mode,
      autocomplete: complete,
      maxlength: max,
      'aria-invalid': 'false',
    });
    field.addEventListener('input', () => fail(undefined));
    return [
      el('label', { class: 'field' }, el('span', { class: 'label' }, label), field),
      field,
    ] as const;
  };
  const [nameField, name] = input(t.name, 'text', 'name', '200');
  const [phoneField, phone] = input(t.phone, 'tel', 'tel', '40');
  const [emailField, email] = input(t.email, 'email', 'email', '200');
  const box = el('input', { type: 'checkbox' });
  const consentText = el('span', {});
  const consent = el('label', { class: 'check' }, box, consentText);
  const send = el('button', { type: 'submit', class: 'chip' });
  const form = el(
    'form',
    { class: 'contact', 'aria-labelledby': `${ID}-title`, novalidate: '' },
    el('p', { id: `${ID}-title`, class: 'hint' }, t.title),
    nameField,
    phoneField,
    emailField,
    error,
    send,
  );
  const known = el('p', { class: 'hint' });

  /** Shows `text` at `field` (marked invalid), or clears every error. */
  function fail(field: HTMLInputElement | undefined, text = '') {
    for (const input of [phone, email]) {
      const invalid = input === field;
      input.setAttribute('aria-invalid', String(invalid));
      if (invalid) input.setAttribute('aria-describedby', error.id);
      else input.removeAttribute('aria-describedby');
    }
    error.textContent = text;
  }

  const render = () => {
    const to = props.contact?.phone ?? props.contact?.email;
    known.textContent = to ? t.known(to) : '';
    // Moved only when it changes: moving the form would take the focus from its fields.
    const shown = to ? known : form;
    if (root.firstChild !== shown) root.replaceChildren(shown);
    const asks = props.consent.required && !props.consented;
    if (asks) error.before(consent);
    else consent.remove();
    consentText.textContent = props.consentText;
    send.textContent = sending ? t.sending : t.send;
    send.disabled = sending || (asks && !box.checked);
  };
  box.addEventListener('change', render);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const given = { name: name.value.trim(), phone: phone.value.trim(), email: email.value.trim() };
    if (sending) return;
    if (!given.phone && !given.email) return fail(phone, t.needOne);
    fail(undefined);
    sending = true;
    render();
    try {
      await props.session.leaveContact({
        ...(given.name ? { name: given.name } : {}),
        ...(given.phone ? { phone: given.phone } : {}),
        ...(given.email ? { email: given.email } : {}),
        ...(props.consent.required ? { consent: box.checked || props.consented } : {}),
      });
    } catch (failure) {
      const refusal = failure instanceof PlatformError ? failure : undefined;
      if (refusal?.field === 'email') fail(email, t.emailInvalid);
      else if (refusal?.field === 'phone') {
        fail(phone, refusal.code === 'invalid' ? t.needOne : t.phoneInvalid);
      } else error.textContent = props.errorText(refusal?.code ?? 'unknown');
    }
    sending = false;
    render();
  });

  render();
  return {
    update(next) {
      props = next;
      render();
    },
  };
}

/** The form in `locale`, ready to mount. */
export async function loadContactForm(locale: Locale): Promise<MountContactForm> {
  const texts = await loadContactTexts(locale);
  return (root, props) => mount(texts, root, props);
}
