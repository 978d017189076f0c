/**
 * Deleting a contact (admins): asked once more, since it erases the person's name, phone, e-mail
 * and words from every order, chat and message for good.
 */
import type { AddressBookContact } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { contactLabel } from './contact-list';
import { eraseContact } from './contacts-api';
import { useConsoleTexts } from './i18n/console-texts';

/** See the module comment; `onErased` runs once it is gone. */
export function ContactErase({
  contact,
  session,
  onErased,
}: {
  contact: AddressBookContact;
  session: StaffSession;
  onErased: () => void;
}) {
  const t = useConsoleTexts();
  const sayError = useErrorText();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);
  const [asked, setAsked] = useState(false);
  // The question takes the keyboard; cancelled, it goes back to the button that asked.
  useLayoutEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (asked) askRef.current?.focus();
  }, [asking, asked]);
  const erase = async () => {
    setError(null);
    try {
      await eraseContact(session, contact.id);
      onErased();
    } catch (e) {
      setError(sayError(e));
    }
  };
  return (
    <section class="contact-erase" aria-label={t.contacts.erase}>
      {asking ? (
        <fieldset>
          <legend>{t.contacts.eraseQuestion(contactLabel(contact, t.contacts.unnamed))}</legend>
          <button type="button" class="danger" ref={confirmRef} onClick={erase}>
            {t.contacts.yesErase}
          </button>{' '}
          <button type="button" onClick={() => setAsking(false)}>
            {t.cancel}
          </button>
        </fieldset>
      ) : (
        <button
          type="button"
          ref={askRef}
          onClick={() => {
            setAsked(true);
            setAsking(true);
          }}
        >
          {t.contacts.eraseAsk}
        </button>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
