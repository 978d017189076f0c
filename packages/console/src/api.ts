/** The platform's HTTP API as only the console uses it; the session API is `@frontdesk/staff`'s. */
import { request, type StaffSession } from '@frontdesk/staff';
import type { OrderNotification } from './callback-order';
import type { SipCredentials } from './softphone';

/** The notifications of a callback order (manual mode), from `GET /v1/admin/orders/:id`. */
export async function orderNotifications(id: string): Promise<OrderNotification[]> {
  const { notifications } = await request<{ notifications: OrderNotification[] }>(
    `/v1/admin/orders/${encodeURIComponent(id)}`,
  );
  return notifications;
}

/** The softphone's SIP credentials (`POST /v1/ops/sip-credentials`, operator or admin). */
export function sipCredentials(session: StaffSession): Promise<SipCredentials> {
  return request('/v1/ops/sip-credentials', { method: 'POST', body: {}, session });
}
