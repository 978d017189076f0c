/** The platform's call history as the screen reads it, with the widgets and people it names. */
import {
  type AdminWidget,
  type CallHistoryEntry,
  type CallHistoryFilter,
  callHistoryQuery,
  type ListPage,
  type UsersAnswer,
  type WidgetsAnswer,
} from '@frontdesk/config';
import { request } from '../request';

/** A page of the history under `filter`, after `cursor` when given. */
export function historyPage(
  filter: CallHistoryFilter,
  cursor: string | null,
): Promise<ListPage<CallHistoryEntry>> {
  const query = callHistoryQuery(filter, cursor ? { cursor } : {});
  return request(`/v1/admin/call-history${query ? `?${query}` : ''}`);
}

/** Where the CSV of what `filter` shows downloads from. */
export function historyCsvHref(filter: CallHistoryFilter): string {
  const query = callHistoryQuery(filter);
  return `/v1/admin/call-history.csv${query ? `?${query}` : ''}`;
}

/** What the filters offer: the account's widgets (deleted ones are gone) and people. */
export interface HistoryChoices {
  widgets: Pick<AdminWidget, 'id' | 'name' | 'sipLine' | 'settings'>[];
  people: { id: string; name: string }[];
}

/** The account's widgets and users, for the filters and the company's time zone. */
export async function historyChoices(): Promise<HistoryChoices> {
  const [{ widgets }, { users }] = await Promise.all([
    request<WidgetsAnswer>('/v1/admin/widgets'),
    request<UsersAnswer>('/v1/admin/users'),
  ]);
  return { widgets, people: users.map((u) => ({ id: u.id, name: u.name })) };
}
