/** The platform's HTTP API as only the console uses it; the session API is `@frontdesk/staff`'s. */
import type {
  CallHistoryEntry,
  GroupsAnswer,
  ListPage,
  OperatorSipCredentials,
  OrderDetail,
  SearchResults,
  TransferTarget,
  UsersAnswer,
} from '@frontdesk/config';
import { request, type StaffSession } from '@frontdesk/staff';
import type { OrderSummary } from './callback-order';

/** One order with its states and notifications (`GET /v1/admin/orders/:id`). */
export function orderDetail(id: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/v1/admin/orders/${encodeURIComponent(id)}`);
}

/** How many closed orders of each outcome the Closed list reads. */
const CLOSED_LIMIT = 50;

/**
 * The latest done and failed orders, from the call history (until the console has a
 * call-history screen of its own), newest first.
 */
export async function closedOrders(): Promise<OrderSummary[]> {
  const pages = await Promise.all(
    (['done', 'failed'] as const).map((status) =>
      request<ListPage<CallHistoryEntry>>(
        `/v1/admin/call-history?status=${status}&limit=${CLOSED_LIMIT}`,
      ),
    ),
  );
  return pages
    .flatMap((page) => page.items)
    .filter((entry) => entry.kind === 'callback')
    .map((entry) => ({
      id: entry.id,
      widgetName: entry.dialled,
      phone: entry.caller,
      name: entry.callerName,
      slot: entry.slot,
      status: entry.status as OrderSummary['status'],
      operator: entry.operator,
      createdAt: entry.at,
    }))
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Conversations (contact, any message) and orders (name, phone) matching `q`. */
export function search(q: string): Promise<SearchResults> {
  return request<SearchResults>(`/v1/ops/search?q=${encodeURIComponent(q)}`);
}

/** The softphone's SIP credentials (`POST /v1/ops/sip-credentials`, operator or admin). */
export function sipCredentials(session: StaffSession): Promise<OperatorSipCredentials> {
  return request('/v1/ops/sip-credentials', { method: 'POST', body: {}, session });
}

/** Someone or some group a conversation can be handed to, by name. */
export type HandOverChoice = TransferTarget & { name: string };

/**
 * Whom a conversation can go to: the account's operators and admins but `userId`, then its
 * groups (`GET /v1/admin/users`, `GET /v1/admin/groups`), each by name.
 */
export async function handOverChoices(userId: string): Promise<HandOverChoice[]> {
  const [{ users }, { groups }] = await Promise.all([
    request<UsersAnswer>('/v1/admin/users'),
    request<GroupsAnswer>('/v1/admin/groups'),
  ]);
  const byName = (a: HandOverChoice, b: HandOverChoice) => a.name.localeCompare(b.name);
  return [
    ...users
      .filter((u) => u.id !== userId && (u.role === 'operator' || u.role === 'admin'))
      .map((u): HandOverChoice => ({ kind: 'employee', id: u.id, name: u.name }))
      .sort(byName),
    ...groups.map((g): HandOverChoice => ({ kind: 'group', id: g.id, name: g.name })).sort(byName),
  ];
}
