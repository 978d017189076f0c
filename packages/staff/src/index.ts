/**
 * @frontdesk/staff — what the staff web apps (the console, the Studio) share: the client of the
 * platform's session API, the sign-in form, the language the apps speak (a context, its
 * switcher, `Intl` helpers, the shared texts' catalogue) and, as `@frontdesk/staff/staff.css`, the base styles
 * (import them before the app's own).
 */

// Counting is config's, shared with the platform's e-mails; the apps import it from here.
export type { PluralForms } from '@frontdesk/config';
export { clockLocale, formatNumber, plural } from '@frontdesk/config';
// The platform's error answers, as the widgets read them too: one class for every caller.
export { PlatformError } from '@frontdesk/core';
export type { EnquiryStatus } from './enquiry-status';
export { statusText } from './enquiry-status';
export { errorText, useErrorText } from './error-text';
export type { CallHistoryScreenProps } from './history/call-history-screen';
export { CallHistoryScreen } from './history/call-history-screen';
export { dateLocale } from './i18n/intl';
export type { Language, LanguageChoice } from './i18n/language';
export {
  browserLanguage,
  LANGUAGE_NAMES,
  LanguageContext,
  useLanguage,
  useTexts,
} from './i18n/language';
export { LanguageSwitcher } from './i18n/language-switcher';
export { useStaffLanguage } from './i18n/use-staff-language';
export { issueText } from './issue-text';
export type { RequestOptions } from './request';
export { request } from './request';
export type { StaffRole, StaffSession, StaffUser } from './session';
export { currentSession, saveLanguage, signIn, signOut } from './session';
export type { SignInGate, SignInProps } from './sign-in';
export { SignIn } from './sign-in';
export type { StaffTexts } from './staff-texts';
export { staffTexts } from './staff-texts';
