/**
 * @frontdesk/staff — what the staff web apps (the console, the Studio) share: the client of the
 * platform's session API, the sign-in form and, as `@frontdesk/staff/staff.css`, the base styles
 * (import them before the app's own).
 */

// The platform's error answers, as the widgets read them too: one class for every caller.
export { PlatformError } from '@frontdesk/core';
export type { CallHistoryScreenProps } from './history/call-history-screen';
export { CallHistoryScreen } from './history/call-history-screen';
export type { RequestOptions } from './request';
export { request } from './request';
export type { StaffRole, StaffSession, StaffUser } from './session';
export { currentSession, signIn, signOut } from './session';
export type { SignInGate, SignInProps } from './sign-in';
export { SignIn } from './sign-in';
