/**
 * The control API of the sandbox's Facebook (`/control/facebook/…`), for the page and for tests
 * in another process: the app's webhook (the Dashboard), pages, people, a person's message (text or media),
 * quick-reply tap and m.me opening, the thread's events as a stream, and the faults.
 */
import type { FastifyInstance } from 'fastify';
import * as v from 'valibot';
import { parseInput } from '../control-error';
import { openEventStream } from '../event-stream';
import type { CustomerMedia } from '../media/customer-media';
import type { FacebookSandbox } from './facebook-sandbox';
import type { FacebookState } from './facebook-state';

const ThreadPath = v.object({ page: v.string(), psid: v.string() });
const WebhookBody = v.object({
  callbackUrl: v.string('callbackUrl must be text'),
  verifyToken: v.string('verifyToken must be text'),
});

/** Registers the control API on the front server. */
export function registerFacebookControl(
  app: FastifyInstance,
  sandbox: FacebookSandbox,
  facebook: FacebookState,
): void {
  const threadOf = (params: unknown) => {
    const { page, psid } = parseInput(ThreadPath, params);
    return { page: facebook.page(page), person: facebook.knownPerson(psid) };
  };
  app.get('/control/facebook', async () => ({
    graphUrl: sandbox.graphUrl,
    appId: sandbox.app.id,
    linkBase: sandbox.linkBase,
    callbackUrl: facebook.app.callbackUrl ?? null,
  }));
  app.put('/control/facebook/webhook', async (request, reply) => {
    const { callbackUrl, verifyToken } = parseInput(WebhookBody, request.body);
    await sandbox.setWebhook(callbackUrl, verifyToken);
    return reply.code(204).send();
  });
  app.get('/control/facebook/pages', async () =>
    facebook.allPages().map(({ id, name, username }) => ({ id, name, username })),
  );
  app.post('/control/facebook/pages', async (request, reply) =>
    reply.code(201).send(sandbox.createPage(request.body as never)),
  );
  app.post('/control/facebook/people', async (request, reply) =>
    reply.code(201).send(sandbox.person(request.body as never)),
  );
  app.post('/control/facebook/pages/:page/threads/:psid/messages', async (request, reply) => {
    const { page, person } = threadOf(request.params);
    const { text } = parseInput(v.object({ text: v.string('text must be text') }), request.body);
    return reply.code(201).send(sandbox.write(page.page, person, text));
  });
  app.post('/control/facebook/pages/:page/threads/:psid/media', async (request, reply) => {
    const { page, person } = threadOf(request.params);
    return reply.code(201).send(sandbox.send(page.page, person, request.body as CustomerMedia));
  });
  app.post('/control/facebook/pages/:page/threads/:psid/taps', async (request, reply) => {
    const { page, person } = threadOf(request.params);
    const { payload } = parseInput(v.object({ payload: v.string() }), request.body);
    return reply.code(201).send(sandbox.tap(page.page, person.psid, payload));
  });
  app.post('/control/facebook/pages/:page/threads/:psid/open', async (request, reply) => {
    const { page, person } = threadOf(request.params);
    const { ref } = parseInput(v.object({ ref: v.optional(v.string()) }), request.body ?? {});
    sandbox.open(page.page, person, ref);
    return reply.code(204).send();
  });
  app.get('/control/facebook/pages/:page/threads/:psid/events', async (request, reply) => {
    const { page, person } = threadOf(request.params);
    const stream = openEventStream(reply);
    stream.send('snapshot', { messages: page.threads.get(person.psid)?.messages ?? [] });
    const unsubscribe = sandbox.subscribe((event) => {
      if (event.page === page.page.id && 'psid' in event && event.psid === person.psid) {
        stream.send(event.type, event);
      }
    });
    await stream.closed;
    unsubscribe();
  });
}
