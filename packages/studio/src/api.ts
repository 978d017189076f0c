/** The platform's HTTP API as only the Studio uses it; the session API is `@frontdesk/staff`'s. */
import type {
  AccountSettings,
  AdminTrunk,
  AdminWidget,
  BotInfo,
  ChannelStatus,
  GroupChatRules,
  GroupsAnswer,
  SecretState,
  SiteCheck,
  StaffGroup,
  StaffUser,
  TextLocale,
  TrunksAnswer,
  UsersAnswer,
  WidgetSettings,
  WidgetsAnswer,
  WidgetType,
} from '@frontdesk/config';
import { request, type StaffSession } from '@frontdesk/staff';

/** A widget as the admin API returns it: the fields the Studio reads. */
export type Widget = Pick<
  AdminWidget,
  'id' | 'key' | 'type' | 'name' | 'active' | 'settings' | 'version'
>;

/** An employee or a group, to pick as a receiver. */
export type Person = Pick<StaffUser | StaffGroup, 'id' | 'name'>;

/** The account's widgets. */
export async function listWidgets(): Promise<Widget[]> {
  return (await request<WidgetsAnswer>('/v1/admin/widgets')).widgets;
}

/** One widget. */
export function getWidget(id: string): Promise<Widget> {
  return request(`/v1/admin/widgets/${encodeURIComponent(id)}`);
}

/** Creates a widget with `settings`, for `site` (as typed: the platform makes it an origin). */
export function createWidget(
  session: StaffSession,
  input: { type: WidgetType; name: string; site: string; settings: WidgetSettings },
): Promise<Widget> {
  return request('/v1/admin/widgets', { method: 'POST', body: input, session });
}

/** Changes a widget's name, active flag or settings. */
export function updateWidget(
  session: StaffSession,
  id: string,
  patch: { name?: string; active?: boolean; settings?: WidgetSettings },
): Promise<Widget> {
  return request(`/v1/admin/widgets/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
    session,
  });
}

/** Deletes a widget, with the marketer's reason when given. */
export function deleteWidget(session: StaffSession, id: string, reason: string): Promise<void> {
  return request(`/v1/admin/widgets/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    body: { reason: reason.trim() || null },
    session,
  });
}

/** Employees and groups of the account, the receivers a widget may name. */
export async function listPeople(): Promise<{ users: Person[]; groups: Person[] }> {
  const [{ users }, { groups }] = await Promise.all([
    request<UsersAnswer>('/v1/admin/users'),
    request<GroupsAnswer>('/v1/admin/groups'),
  ]);
  return { users, groups };
}

/**
 * Checks a Telegram or Viber bot token or a VK community token through the messenger's API
 * (`invalidAuthToken` when wrong): the token given, or the one stored on the widget `widget`
 * (`no_token` when there is none).
 */
export function checkBot(
  session: StaffSession,
  channel: 'telegram' | 'viber' | 'vk',
  from: { token: string } | { widget: string | undefined },
): Promise<BotInfo> {
  return request('/v1/admin/bot-check', { method: 'POST', body: { channel, ...from }, session });
}

/** Queues an e-mail with the widget's code and instructions to a developer. */
export function emailEmbedCode(session: StaffSession, id: string, email: string): Promise<void> {
  return request(`/v1/admin/widgets/${encodeURIComponent(id)}/embed-email`, {
    method: 'POST',
    body: { email },
    session,
  });
}

/** Has the platform load `url` and look for the widget's code there. */
export function checkSite(session: StaffSession, id: string, url: string): Promise<SiteCheck> {
  return request(`/v1/admin/widgets/${encodeURIComponent(id)}/site-check`, {
    method: 'POST',
    body: { url },
    session,
  });
}

/** A group of operators with its rules for text enquiries: the fields the Studio reads. */
export type Group = Pick<StaffGroup, 'id' | 'name' | 'memberIds' | 'chatRules'>;

/** The account's groups and its people (to name the members). */
export async function listGroups(): Promise<{ groups: Group[]; users: Person[] }> {
  const [{ users }, { groups }] = await Promise.all([
    request<UsersAnswer>('/v1/admin/users'),
    request<GroupsAnswer>('/v1/admin/groups'),
  ]);
  return { groups, users };
}

/** Changes a group's rules for text enquiries (admins only). */
export function updateGroupRules(
  session: StaffSession,
  id: string,
  chatRules: GroupChatRules,
): Promise<Group> {
  return request(`/v1/admin/groups/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { chatRules },
    session,
  });
}

/** The live status of the widget's Telegram or Viber channel. */
export function channelStatus(
  id: string,
  channel: 'telegram' | 'viber' | 'vk' | 'facebook',
): Promise<ChannelStatus> {
  return request(`/v1/admin/widgets/${encodeURIComponent(id)}/${channel}-status`);
}

/**
 * A trunk as the Studio sends it: every field the admin API takes; the password a string to
 * replace it, null to clear it, the `{ set }` it read (or nothing) to keep it.
 */
export type TrunkInput = Omit<
  AdminTrunk,
  'id' | 'accountId' | 'password' | 'registration' | 'createdAt' | 'updatedAt'
> & { password?: string | null | SecretState | undefined };

/** The account's SIP trunks (admins only). */
export async function listTrunks(): Promise<AdminTrunk[]> {
  return (await request<TrunksAnswer>('/v1/admin/trunks')).trunks;
}

/** Adds a SIP trunk. */
export function createTrunk(session: StaffSession, input: TrunkInput): Promise<AdminTrunk> {
  return request('/v1/admin/trunks', { method: 'POST', body: input, session });
}

/** Changes a SIP trunk. */
export function updateTrunk(
  session: StaffSession,
  id: string,
  input: TrunkInput,
): Promise<AdminTrunk> {
  return request(`/v1/admin/trunks/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: input,
    session,
  });
}

/** Deletes a SIP trunk. */
export function deleteTrunk(session: StaffSession, id: string): Promise<void> {
  return request(`/v1/admin/trunks/${encodeURIComponent(id)}`, { method: 'DELETE', session });
}

/** The account's own settings. */
export function getAccount(): Promise<AccountSettings> {
  return request('/v1/admin/account');
}

/** The account's people with their languages (null: their browser's). */
export async function listUsers(): Promise<StaffUser[]> {
  return (await request<UsersAnswer>('/v1/admin/users')).users;
}

/** Sets the language the staff apps speak to user `id` (admins); null follows their browser. */
export function saveUserLanguage(
  session: StaffSession,
  id: string,
  language: TextLocale | null,
): Promise<StaffUser> {
  return request(`/v1/admin/users/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { language },
    session,
  });
}

/** Sets the language of what the platform writes for the account (admins). */
export function saveAccountLanguage(
  session: StaffSession,
  language: TextLocale,
): Promise<AccountSettings> {
  return request('/v1/admin/account', { method: 'PATCH', body: { language }, session });
}
