/**
 * Merging a duplicate into the open contact: find the other one (name, phone or e-mail), then
 * merge it — its enquiries follow, its details fill the gaps, and it is gone from the list.
 */
import type { AddressBookContact, ContactAnswer } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { contactLabel } from './contact-list';
import { contactsPage, mergeContacts } from './contacts-api';
import { useConsoleTexts } from './i18n/console-texts';

/** See the module comment; `onMerged` gets the contact as it is after the merge. */
export function ContactMerge({
  contact,
  session,
  onMerged,
}: {
  contact: AddressBookContact;
  session: StaffSession;
  onMerged: (answer: ContactAnswer, gone: AddressBookContact) => void;
}) {
  const t = useConsoleTexts();
  const sayError = useErrorText();
  const label = (c: AddressBookContact) => contactLabel(c, t.contacts.unnamed);
  const [found, setFound] = useState<AddressBookContact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = async (event: Event) => {
    event.preventDefault();
    const q = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '');
    setError(null);
    try {
      const page = await contactsPage(q, null);
      setFound(page.items.filter((c) => c.id !== contact.id));
    } catch (e) {
      setError(sayError(e));
    }
  };
  const merge = async (other: AddressBookContact) => {
    setError(null);
    try {
      onMerged(await mergeContacts(session, contact.id, other.id), other);
      setFound(null);
    } catch (e) {
      setError(sayError(e));
    }
  };
  return (
    <section class="contact-merge" aria-labelledby="contact-merge-title">
      <h3 id="contact-merge-title">{t.contacts.mergeTitle}</h3>
      <form onSubmit={find}>
        <label for="contact-merge-q">{t.contacts.findOther}</label>
        <input id="contact-merge-q" name="q" type="search" required />
        <button type="submit">{t.find}</button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {found && found.length === 0 && <p class="empty">{t.contacts.noOther}</p>}
      {found && found.length > 0 && (
        <ul>
          {found.map((other) => (
            <li key={other.id}>
              {label(other)} {other.phone ?? ''} {other.email ?? ''}{' '}
              <button type="button" onClick={() => merge(other)}>
                {t.contacts.mergeInto(label(other))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
