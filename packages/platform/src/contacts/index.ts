/** The contacts feature: the address book. */
export { chatContactsRepository } from './contacts-store';
