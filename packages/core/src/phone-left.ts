/**
 * The storage key that remembers a visitor left a phone number: set by the callback widget and
 * the chat's callback tab alike; the lead generator skips such a visitor.
 */
export const PHONE_LEFT = 'callback:phone-left';
