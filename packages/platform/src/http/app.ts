import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyError } from 'fastify';
import {
  registerAdminAccount,
  registerAdminPeople,
  registerAuth,
  registerProfile,
} from '../accounts';
import {
  registerAdminCallHistory,
  registerAdminTrunks,
  registerCallPage,
  registerSipRoutes,
  type SipEdge,
} from '../calls';
import { registerAdminBotCheck, registerChatHandoff } from '../chat';
import { registerAdminContacts } from '../contacts';
import type { AppContext } from '../context';
import { registerAdminOrders, registerPublicCallbacks } from '../orders';
import { registerAdminOutbox } from '../outbox';
import { registerOpsSearch } from '../search';
import { StoreError } from '../storage/store-error';
import {
  registerAdminEmbedEmail,
  registerAdminSiteCheck,
  registerAdminWidgets,
  registerPublicWidgets,
  registerTestPage,
} from '../widgets';
import { ApiError } from './api-error';
import { registerAssets } from './assets';
import { fastifyTrustProxy } from './client-address';
import { serializeRequest } from './request-log';
import {
  type PlatformApp,
  unsafeStringPath,
  useValibotValidation,
  type ValibotTypeProvider,
} from './route-schema';
import { registerWebApp } from './web-apps';

/** Largest request body, in bytes: settings of a chat widget with many auto-replies fit easily. */
export const BODY_LIMIT = 256 * 1024;

/** Whether the app logs: not at all, to stdout, or to a stream of JSON lines (tests read it). */
export type AppLogger = boolean | { stream: { write(line: string): void } };

/**
 * The HTTP application: every route of the platform, its error shape and its limits. Requests
 * come from the client's address behind the TRUST_PROXY proxies (`request.ip`); the request log
 * leaves the URLs' secrets out.
 */
export async function buildApp(
  ctx: AppContext,
  options: { logger?: AppLogger; sipEdge?: SipEdge | undefined } = {},
): Promise<PlatformApp> {
  const { logger } = options;
  const app = Fastify({
    logger: logger
      ? {
          level: 'info',
          serializers: { req: serializeRequest },
          ...(typeof logger === 'object' ? { stream: logger.stream } : {}),
        }
      : false,
    trustProxy: fastifyTrustProxy(ctx.env.trustProxy),
    bodyLimit: BODY_LIMIT,
  }).withTypeProvider<ValibotTypeProvider>();
  useValibotValidation(app);
  await app.register(cookie);
  // Only the routes that ask (`compress: {}`): the widget config, which every page view fetches.
  // The bundles go out precompressed (assets.ts); the sockets and streams stay as they are.
  await app.register(compress, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Frontdesk platform API',
        version: '1',
        description: 'Public widget endpoints (/v1/widgets) and the admin API (/v1/admin).',
      },
    },
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof ApiError ? error : fromFastifyError(error);
    if (known) return reply.code(known.statusCode).send(known.toBody());
    request.log.error(error);
    return reply
      .code(500)
      .send({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        new ApiError(
          404,
          'not_found',
          `No route ${request.method} ${request.url.split('?')[0]}.`,
        ).toBody(),
      ),
  );
  // No endpoint accepts a NUL or a lone surrogate anywhere: refuse before any handler sees it.
  app.addHook('preValidation', async (request) => {
    for (const [part, value] of [
      ['', request.body],
      ['query', request.query],
      ['params', request.params],
    ] as const) {
      const path = unsafeStringPath(value);
      if (path) {
        const field = part && path !== '(body)' ? `${part}.${path}` : path;
        throw new ApiError(
          400,
          'invalid_string',
          'Text must not contain NUL characters or lone surrogates.',
          field,
        );
      }
    }
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  registerAuth(app, ctx);
  registerProfile(app, ctx);
  registerPublicWidgets(app, ctx);
  registerPublicCallbacks(app, ctx);
  registerAdminWidgets(app, ctx);
  registerAdminSiteCheck(app, ctx);
  registerAdminEmbedEmail(app, ctx);
  registerAdminBotCheck(app, ctx);
  registerAdminPeople(app, ctx);
  registerAdminAccount(app, ctx);
  registerAdminTrunks(app, ctx, options.sipEdge);
  registerAdminCallHistory(app, ctx);
  registerAdminContacts(app, ctx);
  registerAdminOrders(app, ctx);
  registerAdminOutbox(app, ctx);
  registerOpsSearch(app, ctx);
  registerChatHandoff(app, ctx);
  registerSipRoutes(app, ctx, options.sipEdge);
  registerAssets(app, ctx);
  registerTestPage(app, ctx);
  // The console's softphone and the pop-out call page talk to the SIP edge's WebSocket.
  const sipWsBase = () => options.sipEdge?.status().wsBaseUrl;
  registerCallPage(app, ctx, sipWsBase);
  for (const [prefix, dir] of Object.entries(ctx.webApps)) {
    registerWebApp(app, ctx, prefix, dir, sipWsBase);
  }
  return app;
}

const STORE_STATUS = { conflict: 409, not_found: 404, invalid: 400, exhausted: 409 } as const;

/** Fastify's own 4xx errors and the store's refusals in our error shape; undefined for a real failure. */
function fromFastifyError(error: FastifyError): ApiError | undefined {
  if (error instanceof StoreError) {
    return new ApiError(STORE_STATUS[error.code], error.code, error.message, error.field);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return new ApiError(
      413,
      'body_too_large',
      `The request body is larger than ${BODY_LIMIT} bytes.`,
    );
  }
  if (status === 415) {
    return new ApiError(
      415,
      'unsupported_media_type',
      'Send JSON with Content-Type: application/json.',
    );
  }
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (status >= 400 && status < 500) return new ApiError(status, 'bad_request', error.message);
  return undefined;
}
