/**
 * The address book's wire contract (`/v1/admin/contacts`): contacts, their edit and their
 * timeline of enquiries across channels and browsers.
 */
import * as v from 'valibot';
import { EmailSchema } from './contacts';
import { text } from './text';

/** A person of the address book. */
export interface AddressBookContact {
  id: string;
  name: string | null;
  /** E.164. */
  phone: string | null;
  /** Lower-cased. */
  email: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One enquiry of a contact: a chat, a callback order or a call from the site. */
export interface ContactEnquiry {
  kind: 'chat' | 'callback' | 'call';
  id: string;
  at: number;
  /** The widget it came through, by its name then (a chat: its name now). */
  widgetName: string;
  /** The chat's, the order's or the call's own status. */
  status: string;
}

/** `GET /v1/admin/contacts/:id`: the contact and its enquiries, newest first. */
export interface ContactAnswer {
  contact: AddressBookContact;
  timeline: ContactEnquiry[];
}

/**
 * `PATCH /v1/admin/contacts/:id`: what staff change. A phone in any format people write it (read
 * in the account's country), an e-mail; an empty string clears a field, a left-out one stays.
 */
export const ContactPatchSchema = v.object({
  name: v.optional(text(200)),
  phone: v.optional(text(40)),
  email: v.optional(v.union([v.literal(''), EmailSchema], 'must be an e-mail address')),
});

/** The body of `PATCH /v1/admin/contacts/:id`. */
export type ContactPatch = v.InferOutput<typeof ContactPatchSchema>;
