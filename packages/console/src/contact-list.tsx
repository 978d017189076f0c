/**
 * The contacts list: the address book, last changed first, with a search by name, phone (any
 * format, or its first digits) or e-mail; each contact a link that opens it beside the list.
 */
import type { AddressBookContact } from '@frontdesk/config';
import { useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { contactsPage } from './contacts-api';
import { useConsoleTexts } from './i18n/console-texts';
import { type Route, routeHref } from './route';

/** A contact's name, or what else it has, or `unnamed`. */
export function contactLabel(contact: AddressBookContact, unnamed: string): string {
  return contact.name ?? contact.phone ?? contact.email ?? unnamed;
}

/** See the module comment; `version` reloads the list (after an edit). */
export function ContactList({ route, version }: { route: Route; version: number }) {
  const t = useConsoleTexts();
  const sayError = useErrorText();
  const [q, setQ] = useState('');
  const [contacts, setContacts] = useState<AddressBookContact[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const load = async (cursor: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const page = await contactsPage(q, cursor);
      setContacts((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      setError(sayError(e));
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void load(null);
  }, [q, version]);
  return (
    <>
      <search>
        <form
          aria-label={t.contacts.form}
          onSubmit={(event) => {
            event.preventDefault();
            setQ(String(new FormData(event.currentTarget).get('q') ?? ''));
          }}
        >
          <label for="contact-search">{t.contacts.find}</label>
          <input id="contact-search" name="q" type="search" placeholder={t.contacts.placeholder} />
          <button type="submit">{t.find}</button>
        </form>
      </search>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <ul class="rows" aria-busy={busy ? 'true' : 'false'}>
        {contacts.map((contact) => (
          <li key={contact.id}>
            <a
              class="contact-row"
              href={routeHref({ ...route, open: { kind: 'contact', id: contact.id } })}
              aria-current={
                route.open?.kind === 'contact' && route.open.id === contact.id ? 'true' : undefined
              }
            >
              <span>{contactLabel(contact, t.contacts.unnamed)}</span>
              {contact.name && contact.phone && <small> {contact.phone}</small>}
            </a>
          </li>
        ))}
      </ul>
      {!busy && contacts.length === 0 && !error && <p class="empty">{t.contacts.empty}</p>}
      {next && (
        <button type="button" disabled={busy} onClick={() => load(next)}>
          {t.showMore}
        </button>
      )}
    </>
  );
}
