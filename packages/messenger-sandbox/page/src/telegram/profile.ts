/**
 * Who the person at the page is in Telegram: kept in the browser, registered with the sandbox
 * (again after the sandbox restarted and forgot them).
 */
import { PlatformError, request } from '@frontdesk/staff';
import type { Customer } from './control-types';

const KEY = 'messenger-sandbox:telegram:customer';

/** The profile this browser used last, if any. */
export function savedProfile(): Customer | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return typeof saved?.id === 'number' && typeof saved.firstName === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Forgets the profile: the page asks again. */
export function forgetProfile(): void {
  localStorage.removeItem(KEY);
}

/** Registers `fields` with the sandbox (as the same customer when it still knows the id). */
export async function registerCustomer(
  fields: Omit<Customer, 'id'> & { id?: number },
): Promise<Customer> {
  let customer: Customer;
  try {
    customer = await request<Customer>('/control/telegram/customers', {
      method: 'POST',
      body: fields,
    });
  } catch (error) {
    if (!(error instanceof PlatformError && error.status === 404 && fields.id !== undefined))
      throw error;
    const { id: _, ...rest } = fields;
    customer = await request<Customer>('/control/telegram/customers', {
      method: 'POST',
      body: rest,
    });
  }
  localStorage.setItem(KEY, JSON.stringify(customer));
  return customer;
}

/** The customer's name as Telegram shows it. */
export function displayName(customer: Customer): string {
  return [customer.firstName, customer.lastName].filter(Boolean).join(' ');
}
