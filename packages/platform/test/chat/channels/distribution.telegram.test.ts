/**
 * Distribution whatever the channel (issue 23): customers writing to the widget's Telegram bot
 * (the messenger sandbox, polled by the platform) are given to a distributing group's members in
 * turn, within the limit, like the site chat's visitors; the operators hear of each with its
 * holder.
 */
import type { ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { User } from '@frontdesk/platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  customer,
  type TelegramStage,
  telegramStage,
  telegramWidget,
} from '../../support/channels';
import { engines, type TestDatabase } from '../../support/databases';
import { connectOps, type OpsClient } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

describe.each(engines)('Telegram conversations in a distributing group on $name', (engine) => {
  let stage: TelegramStage;
  let database: TestDatabase;
  let t: TestPlatform;
  const sockets: OpsClient[] = [];

  beforeAll(async () => {
    stage = await telegramStage();
    database = await engine.open();
    t = await stage.platform(database);
  });
  afterEach(() => {
    for (const client of sockets.splice(0)) client.socket.close();
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await stage?.close();
  });

  it('gives each customer to one online member in turn, within the limit', async () => {
    const members: User[] = [];
    for (const name of ['Anna Tg', 'Boris Tg']) members.push(await t.addUser('operator', name));
    const [anna, boris] = members as [User, User];
    const group = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: 'Telegram desk',
      memberIds: members.map((m) => m.id),
      chatRules: { mode: 'distribute', limit: 1, answerSeconds: 0 },
    });
    const { bot } = await telegramWidget(t, stage.sandbox, {
      receiver: { kind: 'group', id: group.id },
    });
    const annaOps = await connectOps(t, anna);
    sockets.push(annaOps, await connectOps(t, boris));
    const holders: (string | undefined)[] = [];
    for (const name of ['Ivan', 'Petr', 'Sergei']) {
      stage.sandbox.telegram.write(bot.username, customer(stage.sandbox, name), `Hi, I am ${name}`);
      const message = await annaOps.next<ChatMessage>('chat:message', (m) => m.text.endsWith(name));
      // Heard of with its holder already (or waiting, when everyone is full).
      const summary = await annaOps.next<ConversationSummary>(
        'chat:conversation',
        (c) => c.id === message.conversationId,
      );
      holders.push(summary.assignee?.id);
    }
    expect(holders).toEqual([anna.id, boris.id, undefined]);
    const third = await t.platform.store.conversations.list(t.accountId, 'open', 10);
    expect(third.filter((c) => c.assignee === null && c.queuedAt !== null)).toHaveLength(1);
  });
});
