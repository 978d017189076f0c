/**
 * The control API of the sandbox's VK (`/control/vk/…`), for the page and for tests in another
 * process: communities, users, a user's opening (with a link's ref), message (text or media) and
 * button press, whether they allow the community's messages, the chat's events as a stream, what the community set up
 * to hear its events, and the faults.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { parseInput } from '../control-error';
import { openEventStream } from '../event-stream';
import type { CustomerMedia } from '../media/customer-media';
import type { VkSandbox } from './vk-sandbox';
import type { VkState } from './vk-state';

const ChatPath = v.object({
  community: v.string(),
  userId: v.pipe(
    v.string(),
    v.regex(/^\d{1,12}$/, 'userId must be a VK user id'),
    v.transform(Number),
  ),
});
const TextBody = v.object({ text: v.string('text must be text') });
const OpenBody = v.object({ ref: v.optional(v.string('ref must be text')) });
const PressBody = v.object({ payload: v.string('payload must be text') });
const AllowedBody = v.object({ allowed: v.boolean('allowed must be true or false') });
const FaultsBody = v.object({
  down: v.optional(v.picklist(['refused', 'bad-gateway'], 'down must be refused or bad-gateway')),
  slowMs: v.optional(v.pipe(v.number('slowMs must be a number'), v.minValue(0))),
  rateLimitSeconds: v.optional(
    v.pipe(v.number('rateLimitSeconds must be a number'), v.minValue(1)),
  ),
});

/** Registers the control API on the front server. */
export function registerVkControl(app: FastifyInstance, sandbox: VkSandbox, vk: VkState): void {
  const chatOf = (params: unknown) => {
    const { community, userId } = parseInput(ChatPath, params);
    return { community, user: vk.knownUser(userId) };
  };
  app.get('/control/vk', async () => ({ apiUrl: sandbox.apiUrl, linkBase: sandbox.linkBase }));
  app.get('/control/vk/communities', async () =>
    sandbox.communities().map(({ id, name, screenName }) => ({ id, name, screenName })),
  );
  app.post('/control/vk/communities', async (request, reply) =>
    reply.code(201).send(sandbox.createCommunity(request.body as never)),
  );
  app.post('/control/vk/users', async (request, reply) =>
    reply.code(201).send(sandbox.user(request.body as never)),
  );
  app.get('/control/vk/communities/:community/delivery', async (request) =>
    sandbox.delivery((request.params as { community: string }).community),
  );
  app.get('/control/vk/communities/:community/chats/:userId/messages', async (request) => {
    const { community, user } = chatOf(request.params);
    return sandbox.messages(community, user.id);
  });
  app.post('/control/vk/communities/:community/chats/:userId/messages', async (request, reply) => {
    const { community, user } = chatOf(request.params);
    const { text } = parseInput(TextBody, request.body);
    return reply.code(201).send(sandbox.write(community, user, text));
  });
  app.post('/control/vk/communities/:community/chats/:userId/media', async (request, reply) => {
    const { community, user } = chatOf(request.params);
    return reply.code(201).send(sandbox.send(community, user, request.body as CustomerMedia));
  });
  app.post('/control/vk/communities/:community/chats/:userId/open', async (request, reply) => {
    const { community, user } = chatOf(request.params);
    const { ref } = parseInput(OpenBody, request.body ?? {});
    sandbox.open(community, user, ref);
    return reply.code(204).send();
  });
  app.post('/control/vk/communities/:community/chats/:userId/presses', async (request, reply) => {
    const { community, user } = chatOf(request.params);
    const { payload } = parseInput(PressBody, request.body);
    return reply.code(201).send(sandbox.press(community, user.id, payload));
  });
  app.put('/control/vk/communities/:community/chats/:userId/allowed', async (request, reply) => {
    const { community, user } = chatOf(request.params);
    const { allowed } = parseInput(AllowedBody, request.body);
    sandbox.allow(community, user, allowed);
    return reply.code(204).send();
  });
  app.get('/control/vk/communities/:community/chats/:userId/events', async (request, reply) => {
    const { community, user } = chatOf(request.params);
    const state = vk.community(community);
    const stream = openEventStream(reply);
    stream.send('snapshot', { messages: state.chats.get(user.id)?.messages ?? [] });
    const unsubscribe = sandbox.subscribe((event) => {
      if (
        event.community === state.community.screenName &&
        'userId' in event &&
        event.userId === user.id
      ) {
        stream.send(event.type, event);
      }
    });
    await stream.closed;
    unsubscribe();
  });
  app.post('/control/vk/faults', async (request, reply) => {
    const { down, slowMs, rateLimitSeconds } = parseInput(FaultsBody, request.body);
    if (down) await sandbox.faults.down(down);
    if (slowMs !== undefined) sandbox.faults.slow(slowMs);
    if (rateLimitSeconds !== undefined) sandbox.faults.rateLimit(rateLimitSeconds);
    return reply.code(204).send();
  });
  app.delete('/control/vk/faults', async (_request, reply) => {
    await sandbox.faults.clear();
    return reply.code(204).send();
  });
}
