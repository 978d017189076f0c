/**
 * @frontdesk/callback — the callback widget for visitors: "call me now" in working time, or a
 * half-hour slot of the next three working days, in the visitor's time zone. `start` is what
 * the loader calls; the browser build's entry `callback.js` is `start.ts` alone, and the form,
 * Preact and phone validation load on intent, in their own chunk. The rest of this door is for
 * the Studio's live preview and for tests.
 */

export type { CallbackMessages, Texts } from './callback-messages';
export { loadTexts } from './callback-messages';
export type { CallbackWidgetProps } from './callback-widget';
export { CallbackWidget, TITLE_ID } from './callback-widget';
export type { PhoneCheck } from './check-phone';
export { checkPhone } from './check-phone';
export type { CountryOption, PhoneCountry } from './phone-countries';
export { countryOptions, isPhoneCountry, visitorRegion } from './phone-countries';
export type { PhoneFieldProps } from './phone-field';
export { PhoneField } from './phone-field';
export type { SlotGroup, SlotLabelling, SlotOption } from './slot-groups';
export { slotGroups } from './slot-groups';
export type { SlotReading } from './slot-label';
export { slotLabel } from './slot-label';
export { start } from './start';
export type { CallbackOrder, CallbackRequest, SubmitCallback } from './submit-callback';
export { platformSubmit, previewSubmit } from './submit-callback';
