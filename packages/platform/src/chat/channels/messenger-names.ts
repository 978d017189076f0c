import type { Messenger } from '@frontdesk/config';

/** Each messenger's name, as operators and customers read it. */
export const MESSENGER_NAMES: Readonly<Record<Messenger, string>> = {
  telegram: 'Telegram',
  viber: 'Viber',
  vk: 'VK',
  facebook: 'Facebook',
};
