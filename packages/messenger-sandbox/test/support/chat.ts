/** A sandbox with one bot and one customer who has written to it: what most method tests need. */
import type { Customer, SandboxBot } from '../../src/index';
import { botApi, startSandbox, type TestSandbox } from './sandbox';

/** The sandbox, the bot, the customer (chat id = her id) and the bot's API client. */
export interface ChatFixture {
  sandbox: TestSandbox;
  bot: SandboxBot;
  anna: Customer;
  call: ReturnType<typeof botApi>;
}

/** Starts a sandbox where Anna has said hello to @shop_bot. */
export async function chatFixture(): Promise<ChatFixture> {
  const sandbox = await startSandbox();
  const bot = sandbox.telegram.createBot({ username: 'shop_bot', firstName: 'Shop Bot' });
  const anna = sandbox.telegram.customer({ firstName: 'Anna', username: 'anna_p' });
  sandbox.telegram.write('shop_bot', anna, 'Hello');
  return { sandbox, bot, anna, call: botApi(sandbox.telegram.apiUrl, bot.token) };
}
