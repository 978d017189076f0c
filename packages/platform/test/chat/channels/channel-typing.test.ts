/** An operator typing to a Telegram customer: the customer sees "typing…" (sendChatAction). */
import type { ChatMessage } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customer,
  type TelegramStage,
  telegramStage,
  telegramWidget,
} from '../../support/channels';
import { engines, type TestDatabase } from '../../support/databases';
import { connectOps, type OpsClient } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

describe.each(engines)('operator typing to Telegram on $name', (engine) => {
  let stage: TelegramStage;
  let database: TestDatabase;
  let t: TestPlatform;
  let operator: OpsClient;

  beforeAll(async () => {
    stage = await telegramStage();
    database = await engine.open();
    t = await stage.platform(database);
    operator = await connectOps(t, 'operator');
  });
  afterAll(async () => {
    operator?.socket.close();
    await t?.close();
    await database?.drop();
    await stage?.close();
  });

  it('shows the customer that the operator is typing, in Telegram', async () => {
    const { bot } = await telegramWidget(t, stage.sandbox);
    const anna = customer(stage.sandbox);
    stage.sandbox.telegram.write(bot.username, anna, 'Hello?');
    const { conversationId } = await operator.next<ChatMessage>(
      'chat:message',
      (m) => m.text === 'Hello?',
    );
    const typing = stage.sandbox.telegram.waitForEvent(
      (e) => e.type === 'typing' && e.bot === bot.username,
    );
    await operator.ask('chat:typing', { conversationId, typing: true });
    expect(await typing).toEqual({
      type: 'typing',
      bot: bot.username,
      chatId: anna.id,
      action: 'typing',
    });
  });
});
