/**
 * The sandbox's page: the home lists each messenger's bots; `/telegram/<bot>` is the chat with
 * that bot, where a person plays the customer (`?start=<payload>` is a deep link);
 * `/viber/<uri>` the chat with a Viber bot (`?context=<context>` as Viber's link carries it);
 * `/vk/<community>` the chat with a VK community (`?ref=<ref>` as vk.me's link carries it).
 */

import { FacebookChat } from './facebook/facebook-chat';
import { FacebookHome } from './facebook/facebook-home';
import { TelegramChat } from './telegram/telegram-chat';
import { TelegramHome } from './telegram/telegram-home';
import { ViberChat } from './viber/viber-chat';
import { ViberHome } from './viber/viber-home';
import { VkChat } from './vk/vk-chat';
import { VkHome } from './vk/vk-home';

/** Where the page is: the chat a path names, or the home. */
export function route(pathname: string, search: string) {
  const facebook = /^\/facebook\/([A-Za-z0-9.]+)\/?$/.exec(pathname);
  if (facebook?.[1]) {
    const ref = new URLSearchParams(search).get('ref');
    return { page: 'facebook-chat' as const, pageRef: facebook[1], ...(ref ? { ref } : {}) };
  }
  const vk = /^\/vk\/([A-Za-z0-9_.]+)\/?$/.exec(pathname);
  if (vk?.[1]) {
    const ref = new URLSearchParams(search).get('ref');
    return { page: 'vk-chat' as const, community: vk[1], ...(ref ? { ref } : {}) };
  }
  const viber = /^\/viber\/([A-Za-z0-9._-]+)\/?$/.exec(pathname);
  if (viber?.[1]) {
    const context = new URLSearchParams(search).get('context');
    return { page: 'viber-chat' as const, uri: viber[1], ...(context ? { context } : {}) };
  }
  const chat = /^\/telegram\/([A-Za-z0-9_]+)\/?$/.exec(pathname);
  if (!chat?.[1]) return { page: 'home' as const };
  const start = new URLSearchParams(search).get('start');
  return { page: 'telegram-chat' as const, bot: chat[1], ...(start ? { start } : {}) };
}

export function App() {
  const where = route(location.pathname, location.search);
  return (
    <div class="shell">
      <header>
        <a class="brand" href="/">
          Messenger sandbox
        </a>
        <p class="who">
          For development and tests: it stands in for the messengers, never use it in production.
        </p>
      </header>
      <main>
        {where.page === 'telegram-chat' ? (
          <TelegramChat bot={where.bot} start={where.start} />
        ) : where.page === 'facebook-chat' ? (
          <FacebookChat page={where.pageRef} {...(where.ref ? { referral: where.ref } : {})} />
        ) : where.page === 'vk-chat' ? (
          <VkChat community={where.community} {...(where.ref ? { linkRef: where.ref } : {})} />
        ) : where.page === 'viber-chat' ? (
          <ViberChat uri={where.uri} {...(where.context ? { context: where.context } : {})} />
        ) : (
          <>
            <h1>Messenger sandbox</h1>
            <p>Play the customer: pick a bot and write to it as your platform's customers would.</p>
            <p>
              Point the platform at <code>MESSENGER_LINK_BASE={location.origin}</code>: the site
              chat's "Continue in …" links then land here.
            </p>
            <TelegramHome />
            <ViberHome />
            <VkHome />
            <FacebookHome />
          </>
        )}
      </main>
    </div>
  );
}
