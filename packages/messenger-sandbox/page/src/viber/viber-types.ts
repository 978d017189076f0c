/** The shapes of the sandbox's Viber control API, as the page reads them. */
import type {
  ViberChatMessage,
  ViberEvent,
  ViberSandboxBot,
  ViberUser,
} from '../../../src/viber/viber-model';

export type { ViberChatMessage, ViberEvent, ViberUser };

/** A bot as the control API lists it (without its token). */
export type ListedViberBot = Omit<ViberSandboxBot, 'token'>;

/** A bot just made: the one time its token is shown. */
export type MadeViberBot = ViberSandboxBot;
