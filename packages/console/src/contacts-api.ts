/** The address book's API (`/v1/admin/contacts`) as the console's contacts screen uses it. */
import type { AddressBookContact, ContactAnswer, ContactPatch, ListPage } from '@frontdesk/config';
import { request, type StaffSession } from '@frontdesk/staff';

/** A page of contacts matching `q` (a name, a phone or its first digits, an e-mail). */
export function contactsPage(
  q: string,
  cursor: string | null,
): Promise<ListPage<AddressBookContact>> {
  const params = new URLSearchParams();
  if (q.trim()) params.set('q', q.trim());
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return request(`/v1/admin/contacts${query ? `?${query}` : ''}`);
}

/** One contact and its enquiries. */
export function contactDetail(id: string): Promise<ContactAnswer> {
  return request(`/v1/admin/contacts/${encodeURIComponent(id)}`);
}

/** Saves staff's edit of a contact. */
export function saveContact(
  session: StaffSession,
  id: string,
  patch: ContactPatch,
): Promise<AddressBookContact> {
  return request(`/v1/admin/contacts/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
    session,
  });
}

/** Folds contact `from` into `id`: its enquiries follow; the answer is `id` afterwards. */
export function mergeContacts(
  session: StaffSession,
  id: string,
  from: string,
): Promise<ContactAnswer> {
  return request(`/v1/admin/contacts/${encodeURIComponent(id)}/merge`, {
    method: 'POST',
    body: { from },
    session,
  });
}

/** Deletes contact `id`, erasing the person everywhere (admins only). */
export function eraseContact(session: StaffSession, id: string): Promise<void> {
  return request(`/v1/admin/contacts/${encodeURIComponent(id)}`, { method: 'DELETE', session });
}
