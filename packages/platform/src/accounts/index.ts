/**
 * The accounts feature: accounts, users and groups, sign-in and sessions, passwords, the people
 * admin, and who answers an enquiry.
 */
export type {
  Account,
  AccountsRepository,
  Group,
  GroupsRepository,
  OpsUser,
  Role,
  Session,
  SessionsRepository,
  User,
  UsersRepository,
} from './account-records';
export { accountsRepository } from './accounts-store';
export { registerAdminAccount } from './admin-account';
export { registerAdminPeople } from './admin-people';
export { registerAuth } from './auth';
export { groupsRepository } from './groups-store';
export {
  groupRoom,
  keepSessionExpiry,
  type OpsSessions,
  opsSessions,
  sessionExpired,
  sessionRoom,
  userRoom,
} from './ops-sessions';
export { DEFAULT_PASSWORD_COST, hashPassword, verifyPassword } from './passwords';
export { registerProfile } from './profile';
export { requireUser, SESSION_COOKIE, sessionId, sessionOf } from './session';
export { sessionsRepository } from './sessions-store';
export { usersRepository } from './users-store';
export { ANSWERING_ROLES, answers, groupsOf } from './who-answers';
