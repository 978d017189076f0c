/**
 * One contact beside the list: its details to edit, a duplicate to merge into it, (admins) its
 * deletion, and its enquiries across channels and browsers, newest first, each opening its
 * record (a chat in the inbox, an order).
 */
import type { ContactAnswer } from '@frontdesk/config';
import { PlatformError, type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { ContactErase } from './contact-erase';
import { contactLabel } from './contact-list';
import { ContactMerge } from './contact-merge';
import { contactDetail, saveContact } from './contacts-api';
import { EnquiryList } from './enquiry-list';
import { useConsoleTexts } from './i18n/console-texts';
import { HOME, navigate } from './route';

/** See the module comment; `onSaved` tells the list to show the change. */
export function ContactView({
  id,
  session,
  onSaved,
}: {
  id: string;
  session: StaffSession;
  onSaved: () => void;
}) {
  const t = useConsoleTexts();
  const sayError = useErrorText();
  const [answer, setAnswer] = useState<ContactAnswer | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    contactDetail(id).then(setAnswer, (e: Error) => setError({ message: sayError(e) }));
  }, [id]);
  if (!answer) {
    return (
      <p class={error ? 'error' : 'empty'} role={error ? 'alert' : undefined}>
        {error?.message ?? t.opening}
      </p>
    );
  }
  const { contact, timeline } = answer;
  const save = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const read = (name: string) => String(form.get(name) ?? '').trim();
    setError(null);
    setStatus('');
    try {
      const saved = await saveContact(session, contact.id, {
        name: read('name'),
        phone: read('phone'),
        email: read('email'),
      });
      setAnswer({ contact: saved, timeline });
      setStatus(t.contacts.saved);
      onSaved();
    } catch (e) {
      const field = e instanceof PlatformError ? e.field : undefined;
      setError({ message: sayError(e), ...(field ? { field } : {}) });
    }
  };
  /** What each field's input has besides its type. */
  const common = (name: 'name' | 'phone' | 'email', value: string | null) => ({
    id: `contact-${name}`,
    name,
    defaultValue: value ?? '',
    'aria-invalid': error?.field === name ? ('true' as const) : undefined,
    'aria-describedby': error?.field === name ? 'contact-error' : undefined,
  });
  return (
    <article class="contact" aria-labelledby="contact-title" key={contact.updatedAt}>
      <h2 id="contact-title">{contactLabel(contact, t.contacts.unnamed)}</h2>
      <form class="contact-form" aria-label={t.contacts.edit} onSubmit={save}>
        <label for="contact-name">{t.name}</label>
        <input type="text" {...common('name', contact.name)} />
        <label for="contact-phone">{t.phone}</label>
        <input type="tel" {...common('phone', contact.phone)} />
        <label for="contact-email">{t.email}</label>
        <input type="email" {...common('email', contact.email)} />
        <button type="submit">{t.contacts.save}</button>
      </form>
      {error && (
        <p id="contact-error" role="alert" class="error">
          {error.message}
        </p>
      )}
      <p role="status">{status}</p>
      <ContactMerge
        contact={contact}
        session={session}
        onMerged={(merged, gone) => {
          setAnswer(merged);
          setStatus(t.contacts.merged(contactLabel(gone, t.contacts.unnamed)));
          onSaved();
        }}
      />
      {session.user.role === 'admin' && (
        <ContactErase
          contact={contact}
          session={session}
          onErased={() => {
            onSaved();
            navigate({ ...HOME, section: 'contacts' });
          }}
        />
      )}
      <h3>{t.contacts.enquiries}</h3>
      <EnquiryList enquiries={timeline} />
    </article>
  );
}
