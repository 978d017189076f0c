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
export type { PhoneCheck, PhoneCountry } from './check-phone';
export { callingCode, checkPhone, isPhoneCountry, PHONE_COUNTRIES } from './check-phone';
export type { PageInfo, Utm } from './page-info';
export { pageInfo } from './page-info';
export type { SlotGroup, SlotLabelling, SlotOption } from './slot-groups';
export { slotGroups } from './slot-groups';
export { PHONE_LEFT, start } from './start';
export type { CallbackOrder, CallbackRequest, SubmitCallback } from './submit-callback';
export { platformSubmit, previewSubmit } from './submit-callback';
