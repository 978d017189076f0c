/**
 * Starts the messenger sandbox: the front server (the customer's page and the control API) and
 * each messenger's API on a listener of its own. A messenger is one folder (`src/telegram/`)
 * with a start function like {@link startTelegram}, started here, and one folder of the page.
 */
import { type Clock, systemClock } from './clock';
import {
  type FacebookOptions,
  type FacebookSandbox,
  startFacebook,
} from './facebook/facebook-sandbox';
import { createFrontServer } from './front-server';
import { PAGE_DIR, registerPage } from './page-files';
import {
  startTelegram,
  type TelegramOptions,
  type TelegramSandbox,
} from './telegram/telegram-sandbox';
import { startViber, type ViberOptions, type ViberSandbox } from './viber/viber-sandbox';
import { startVk, type VkOptions, type VkSandbox } from './vk/vk-sandbox';

/** Where and how the sandbox runs. */
export interface SandboxOptions {
  /** The interface every listener binds (default 127.0.0.1). */
  host?: string;
  /** The front server's port: the page and the control API (0, the default: any free port). */
  port?: number;
  /** PEM file of the CA that webhook servers' certificates must chain to (default: Node's CAs). */
  caFile?: string;
  /** The sandbox's time: message dates, webhook error dates, 429 windows. */
  clock?: Clock;
  /** The built page (default: the package's `page/dist/`). */
  pageDir?: string;
  telegram?: TelegramOptions;
  viber?: ViberOptions;
  vk?: VkOptions;
  facebook?: FacebookOptions;
}

/** A running sandbox. */
export interface MessengerSandbox {
  /** The front server: the page at `/`, the control API at `/control/<messenger>/…`. */
  url: string;
  telegram: TelegramSandbox;
  viber: ViberSandbox;
  vk: VkSandbox;
  facebook: FacebookSandbox;
  close(): Promise<void>;
}

/** The messengers the page knows, by their path: `/telegram/<bot>?start=…`. */
const MESSENGER_PATHS = ['/telegram', '/viber', '/vk', '/facebook'];

/** Starts the sandbox; never for production: it stands in for the messengers' services. */
export async function startMessengerSandbox(
  options: SandboxOptions = {},
): Promise<MessengerSandbox> {
  const host = options.host ?? '127.0.0.1';
  const front = createFrontServer();
  registerPage(front.app, options.pageDir ?? PAGE_DIR, MESSENGER_PATHS);
  const setup = {
    host,
    clock: options.clock ?? systemClock,
    front: front.app,
    frontUrl: () => front.url,
    ...(options.caFile ? { caFile: options.caFile } : {}),
  };
  const telegram = await startTelegram(setup, options.telegram);
  const viber = await startViber(setup, options.viber);
  const vk = await startVk(setup, options.vk);
  const facebook = await startFacebook(setup, options.facebook);
  const closeApis = async () => {
    await telegram.close();
    await viber.close();
    await vk.close();
    await facebook.close();
  };
  let url: string;
  try {
    url = await front.listen(host, options.port ?? 0);
  } catch (error) {
    await closeApis();
    throw error;
  }
  return {
    url,
    telegram,
    viber,
    vk,
    facebook,
    async close() {
      await closeApis();
      await front.close();
    },
  };
}
