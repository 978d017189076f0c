import { personName } from '../peer-name';
import { callVk, type VkApi } from './vk-api';

/** How long naming a user may hold up their message. */
const PROFILE_TIMEOUT_MS = 3_000;

/**
 * A VK user's first and last name (users.get with the community token), or undefined when VK
 * refuses or does not answer in time: the user is then named by number.
 */
export async function vkUserName(api: VkApi, userId: number): Promise<string | undefined> {
  try {
    const users = await callVk(
      api,
      'users.get',
      { user_ids: userId },
      { timeoutMs: PROFILE_TIMEOUT_MS },
    );
    const user = (Array.isArray(users) ? users[0] : undefined) as
      | { first_name?: unknown; last_name?: unknown }
      | undefined;
    return personName([user?.first_name, user?.last_name]);
  } catch {
    return undefined;
  }
}
