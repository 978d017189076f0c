import { personName } from '../peer-name';
import { callGraph, type FacebookPageApi } from './facebook-api';

/** How long a webhook's handling waits for a name: Facebook wants its events answered quickly. */
const PROFILE_TIMEOUT_MS = 3_000;

/**
 * The name a person shows on Messenger, from the User Profile API (`GET /{psid}` with
 * `fields=first_name,last_name` and the Page token), or undefined when Facebook refuses (a page
 * without the permission) or does not answer in time: the person is then named by number.
 */
export async function facebookProfileName(
  page: FacebookPageApi,
  psid: string,
): Promise<string | undefined> {
  try {
    const profile = await callGraph(page, `/${encodeURIComponent(psid)}`, undefined, {
      timeoutMs: PROFILE_TIMEOUT_MS,
      query: { fields: 'first_name,last_name' },
    });
    return personName([profile.first_name, profile.last_name]);
  } catch {
    return undefined;
  }
}
