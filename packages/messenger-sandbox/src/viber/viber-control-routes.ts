/**
 * The control API of the sandbox's Viber (`/control/viber/…`), for the page and for tests in
 * another process: bots, users, a user's opening, message (text or media), button press and subscription, the
 * chat's events as a stream, and the faults.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { parseInput } from '../control-error';
import { openEventStream } from '../event-stream';
import type { CustomerMedia } from '../media/customer-media';
import type { ViberSandbox } from './viber-sandbox';
import type { ViberState } from './viber-state';

const ChatPath = v.object({ bot: v.string(), userId: v.string() });
const TextBody = v.object({ text: v.string('text must be text') });
const OpenBody = v.object({ context: v.optional(v.string('context must be text')) });
const PressBody = v.object({ actionBody: v.string('actionBody must be text') });
const SubscribedBody = v.object({ subscribed: v.boolean('subscribed must be true or false') });
const FaultsBody = v.object({
  down: v.optional(v.picklist(['refused', 'bad-gateway'], 'down must be refused or bad-gateway')),
  slowMs: v.optional(v.pipe(v.number('slowMs must be a number'), v.minValue(0))),
  rateLimitSeconds: v.optional(
    v.pipe(v.number('rateLimitSeconds must be a number'), v.minValue(1)),
  ),
});

/** Registers the control API on the front server. */
export function registerViberControl(
  app: FastifyInstance,
  sandbox: ViberSandbox,
  viber: ViberState,
): void {
  const chatOf = (params: unknown) => {
    const { bot, userId } = parseInput(ChatPath, params);
    return { bot, user: viber.knownUser(userId) };
  };
  app.get('/control/viber', async () => ({ apiUrl: sandbox.apiUrl, linkBase: sandbox.linkBase }));
  app.get('/control/viber/bots', async () =>
    sandbox.bots().map(({ id, name, uri }) => ({ id, name, uri })),
  );
  app.post('/control/viber/bots', async (request, reply) =>
    reply.code(201).send(sandbox.createBot(request.body as never)),
  );
  app.post('/control/viber/users', async (request, reply) =>
    reply.code(201).send(sandbox.user(request.body as never)),
  );
  app.get('/control/viber/bots/:bot/webhook', async (request) =>
    sandbox.webhook((request.params as { bot: string }).bot),
  );
  app.get('/control/viber/bots/:bot/chats/:userId/messages', async (request) => {
    const { bot, user } = chatOf(request.params);
    return sandbox.messages(bot, user.id);
  });
  app.post('/control/viber/bots/:bot/chats/:userId/messages', async (request, reply) => {
    const { bot, user } = chatOf(request.params);
    const { text } = parseInput(TextBody, request.body);
    return reply.code(201).send(sandbox.write(bot, user, text));
  });
  app.post('/control/viber/bots/:bot/chats/:userId/media', async (request, reply) => {
    const { bot, user } = chatOf(request.params);
    return reply.code(201).send(sandbox.send(bot, user, request.body as CustomerMedia));
  });
  app.post('/control/viber/bots/:bot/chats/:userId/open', async (request, reply) => {
    const { bot, user } = chatOf(request.params);
    const { context } = parseInput(OpenBody, request.body ?? {});
    sandbox.open(bot, user, context);
    return reply.code(204).send();
  });
  app.post('/control/viber/bots/:bot/chats/:userId/presses', async (request, reply) => {
    const { bot, user } = chatOf(request.params);
    const { actionBody } = parseInput(PressBody, request.body);
    return reply.code(201).send(sandbox.press(bot, user.id, actionBody));
  });
  app.put('/control/viber/bots/:bot/chats/:userId/subscribed', async (request, reply) => {
    const { bot, user } = chatOf(request.params);
    const { subscribed } = parseInput(SubscribedBody, request.body);
    sandbox.setSubscribed(bot, user, subscribed);
    return reply.code(204).send();
  });
  app.get('/control/viber/bots/:bot/chats/:userId/events', async (request, reply) => {
    const { bot, user } = chatOf(request.params);
    const state = viber.bot(bot);
    const stream = openEventStream(reply);
    const chat = state.chats.get(user.id);
    stream.send('snapshot', {
      messages: chat?.messages ?? [],
      subscribed: chat?.subscribed ?? false,
    });
    const unsubscribe = sandbox.subscribe((event) => {
      if (event.bot === state.bot.uri && 'userId' in event && event.userId === user.id) {
        stream.send(event.type, event);
      }
    });
    await stream.closed;
    unsubscribe();
  });
  app.post('/control/viber/faults', async (request, reply) => {
    const { down, slowMs, rateLimitSeconds } = parseInput(FaultsBody, request.body);
    if (down) await sandbox.faults.down(down);
    if (slowMs !== undefined) sandbox.faults.slow(slowMs);
    if (rateLimitSeconds !== undefined) sandbox.faults.rateLimit(rateLimitSeconds);
    return reply.code(204).send();
  });
  app.delete('/control/viber/faults', async (_request, reply) => {
    await sandbox.faults.clear();
    return reply.code(204).send();
  });
}
