/** The contacts feature: the address book, its admin API, and each visitor's contact for the chat. */
export {
  type AddressBookRepository,
  addressBookRepository,
  type ContactFacts,
} from './address-book-store';
export { registerAdminContacts } from './admin-contacts';
export { chatContactsRepository } from './contacts-store';
