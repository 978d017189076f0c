/**
 * The control API of the sandbox's Telegram (`/control/telegram/…`), for the page and for tests
 * in another process: bots, customers, chats and their messages, a customer's message (text, or
 * media: a photo, file, sticker, location, contact, voice), deep-link
 * start or button press, blocking, the chat's events as a stream, and the faults.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { parseInput } from '../control-error';
import { openEventStream } from '../event-stream';
import type { CustomerMedia } from '../media/customer-media';
import type { TelegramSandbox } from './telegram-sandbox';
import type { TelegramState } from './telegram-state';

const ChatPath = v.object({
  bot: v.string(),
  chatId: v.pipe(v.string(), v.regex(/^\d{1,15}$/, 'chatId must be a number'), v.transform(Number)),
});
const TextBody = v.object({ text: v.string('text must be text') });
const StartBody = v.object({ payload: v.optional(v.string('payload must be text')) });
const PressBody = v.object({
  messageId: v.pipe(v.number('messageId must be a number'), v.integer()),
  data: v.string('data must be text'),
});
const BlockedBody = v.object({ blocked: v.boolean('blocked must be true or false') });
const FaultsBody = v.object({
  down: v.optional(v.picklist(['refused', 'bad-gateway'], 'down must be refused or bad-gateway')),
  slowMs: v.optional(v.pipe(v.number('slowMs must be a number'), v.minValue(0))),
  rateLimit: v.optional(
    v.object({
      retryAfter: v.pipe(v.number('retryAfter must be a number'), v.integer(), v.minValue(1)),
      methods: v.optional(v.array(v.string())),
      bot: v.optional(v.string()),
      chatId: v.optional(v.pipe(v.number('chatId must be a number'), v.integer())),
    }),
  ),
});

/** Registers the control API on the front server. */
export function registerControlRoutes(
  app: FastifyInstance,
  sandbox: TelegramSandbox,
  telegram: TelegramState,
): void {
  const chatOf = (params: unknown) => parseInput(ChatPath, params);
  app.get('/control/telegram', async () => ({
    apiUrl: sandbox.apiUrl,
    linkBase: sandbox.linkBase,
  }));
  app.get('/control/telegram/bots', async () =>
    sandbox.bots().map(({ id, username, firstName }) => ({ id, username, firstName })),
  );
  app.post('/control/telegram/bots', async (request, reply) =>
    reply.code(201).send(sandbox.createBot(request.body as never)),
  );
  app.post('/control/telegram/customers', async (request, reply) =>
    reply.code(201).send(sandbox.customer(request.body as never)),
  );
  app.get('/control/telegram/bots/:bot/chats', async (request) =>
    sandbox.chats((request.params as { bot: string }).bot),
  );
  app.get('/control/telegram/bots/:bot/webhook', async (request) =>
    sandbox.webhookInfo((request.params as { bot: string }).bot),
  );
  app.get('/control/telegram/bots/:bot/chats/:chatId/messages', async (request) => {
    const { bot, chatId } = chatOf(request.params);
    return sandbox.messages(bot, chatId);
  });
  app.post('/control/telegram/bots/:bot/chats/:chatId/messages', async (request, reply) => {
    const { bot, chatId } = chatOf(request.params);
    const { text } = parseInput(TextBody, request.body);
    return reply.code(201).send(sandbox.write(bot, telegram.knownCustomer(chatId), text));
  });
  app.post('/control/telegram/bots/:bot/chats/:chatId/media', async (request, reply) => {
    const { bot, chatId } = chatOf(request.params);
    return reply
      .code(201)
      .send(sandbox.send(bot, telegram.knownCustomer(chatId), request.body as CustomerMedia));
  });
  app.post('/control/telegram/bots/:bot/chats/:chatId/start', async (request, reply) => {
    const { bot, chatId } = chatOf(request.params);
    const { payload } = parseInput(StartBody, request.body ?? {});
    return reply.code(201).send(sandbox.start(bot, telegram.knownCustomer(chatId), payload));
  });
  app.post('/control/telegram/bots/:bot/chats/:chatId/presses', async (request, reply) => {
    const { bot, chatId } = chatOf(request.params);
    const { messageId, data } = parseInput(PressBody, request.body);
    return reply.code(201).send(sandbox.press(bot, chatId, messageId, data));
  });
  app.put('/control/telegram/bots/:bot/chats/:chatId/blocked', async (request, reply) => {
    const { bot, chatId } = chatOf(request.params);
    const { blocked } = parseInput(BlockedBody, request.body);
    sandbox.setBlocked(bot, chatId, blocked);
    return reply.code(204).send();
  });
  app.get('/control/telegram/bots/:bot/chats/:chatId/events', async (request, reply) => {
    const { bot, chatId } = chatOf(request.params);
    const state = telegram.bot(bot);
    const stream = openEventStream(reply);
    const chat = state.chats.get(chatId);
    stream.send('snapshot', { messages: chat?.messages ?? [], blocked: chat?.blocked ?? false });
    const unsubscribe = sandbox.subscribe((event) => {
      if (event.bot === state.bot.username && 'chatId' in event && event.chatId === chatId) {
        stream.send(event.type, event);
      }
    });
    await stream.closed;
    unsubscribe();
  });
  app.post('/control/telegram/faults', async (request, reply) => {
    const { down, slowMs, rateLimit } = parseInput(FaultsBody, request.body);
    if (down) await sandbox.faults.down(down);
    if (slowMs !== undefined) sandbox.faults.slow(slowMs);
    if (rateLimit) sandbox.faults.rateLimit(rateLimit);
    return reply.code(204).send();
  });
  app.delete('/control/telegram/faults', async (_request, reply) => {
    await sandbox.faults.clear();
    return reply.code(204).send();
  });
}
