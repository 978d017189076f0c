/**
 * `POST /v1/widgets/:key/callbacks`: a visitor's callback order. The contract (codes, the
 * idempotency and honeypot choices) is written up in ORDERS.md; in short, checks run in this
 * order — body (400 `invalid`), widget and Origin (404, 403), Idempotency-Key (400; a key seen
 * before answers at once: the same body gets the same 201 again, another body 409), per-IP limit
 * (429), honeypot (a fake 201), phone (400 `invalid_phone`: also a number the account's trunks
 * cannot dial in automatic mode), per-number limit (429), consent (422),
 * slot or "now" against the schedule at this moment (422) — then the order, its key and its
 * notifications or due task are committed in one transaction before the 201.
 */
import { randomUUID } from 'node:crypto';
import { callbackSlots, createSchedule, isOpen } from '@frontdesk/schedule';
import type { FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { rememberCaller } from '../chat';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { consumePoint } from '../http/rate-limits';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import {
  limitedText,
  VisitorPageSchema,
  VisitorTimeZoneSchema,
  WidgetKeyParams,
} from '../http/visitor-input';
import { accountLanguage } from '../texts';
import { activeWidget, allowWidgetOrigin } from '../widgets';
import { mayDial } from './call-directions';
import { orderRoutingOf } from './callback-mode';
import { newOrder } from './new-order';
import { rememberOrderContact } from './order-contact';
import type { Order } from './order-records';
import { parsePhone } from './parse-phone';
import { requestHash } from './request-hash';
import { unreachable } from './trunk-reach';

const OrderBody = v.pipe(
  v.object({
    phone: v.pipe(
      v.string('Give a phone number.'),
      v.trim(),
      v.nonEmpty('Give a phone number.'),
      v.maxLength(40, 'Use at most 40 characters.'),
    ),
    /** The chosen slot's start. */
    slot: v.optional(
      v.pipe(
        v.string('Give the slot as its start, an ISO 8601 instant.'),
        v.isoTimestamp('Give the slot as its start, an ISO 8601 instant.'),
        v.check(
          (slot) => !Number.isNaN(Date.parse(slot)),
          'Give the slot as its start, an ISO 8601 instant.',
        ),
      ),
    ),
    now: v.optional(v.literal(true, 'Send now: true, or leave it out.')),
    name: v.optional(v.pipe(v.string('Give the name as text.'), v.trim(), v.maxLength(100))),
    consent: v.optional(v.boolean('Send consent as true or false.')),
    page: v.optional(VisitorPageSchema),
    /** The visitor's IANA zone, so the operator sees their local time. */
    timeZone: v.optional(VisitorTimeZoneSchema),
    /** The honeypot: hidden from people, filled in by bots. */
    website: v.optional(limitedText(2000)),
    /**
     * The visitor's token in the account (the chat's, or one the widget made): the order's
     * phone and name become that visitor's contact (chat/known-visitor.ts).
     */
    visitorToken: v.optional(
      v.pipe(
        v.string('Give the visitor token as text.'),
        v.regex(
          /^[A-Za-z0-9_-]{32,128}$/,
          'Give a visitor token of 32 to 128 letters, digits, _ or -.',
        ),
      ),
    ),
  }),
  v.forward(
    v.check(
      (body) => body.slot === undefined || body.now === undefined,
      'Give a slot or now, not both.',
    ),
    ['slot'],
  ),
  v.forward(
    v.check(
      (body) => body.slot !== undefined || body.now !== undefined,
      "Give the slot's start, or now: true.",
    ),
    ['slot'],
  ),
);

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,100}$/;

/** The visitors' callback orders. */
export function registerPublicCallbacks(app: PlatformApp, ctx: AppContext): void {
  app.post(
    '/v1/widgets/:key/callbacks',
    {
      schema: {
        tags: ['public'],
        params: routeSchema(WidgetKeyParams),
        body: routeSchema(OrderBody),
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const body = request.body;
      const widget = await activeWidget(ctx, key);
      allowWidgetOrigin(ctx, request, reply, widget);
      const routing = orderRoutingOf(widget.settings);
      if (!routing) {
        throw new ApiError(
          404,
          'widget_not_found',
          `The widget "${key}" takes no callback orders.`,
        );
      }
      const idempotencyKey = idempotencyKeyOf(request);
      const hash = requestHash(body);

      // A repeat is answered before any limit or check: the order exists, whatever holds now.
      const earlier = await ctx.store.orders.byIdempotencyKey(widget.id, idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== hash) throw conflict();
        return reply.code(201).header('idempotent-replayed', 'true').send(receipt(earlier.order));
      }
      await consumePoint(ctx.limiters.ordersByIp, request.ip, 'callback orders from your address');
      if (body.website) {
        // Bots learn nothing from a success: nothing is stored or sent (see ORDERS.md).
        request.log.info({ widget: key }, 'callback order with the honeypot filled: dropped');
        const slot = body.slot === undefined ? null : new Date(body.slot).toISOString();
        return reply.code(201).send({ id: randomUUID(), status: 'new', slot });
      }

      const country = widget.settings.schedule.country ?? 'ru';
      const phone = parsePhone(body.phone, country);
      if (!phone) {
        throw new ApiError(400, 'invalid_phone', 'This is not a valid phone number.', 'phone');
      }
      const { mode } = routing;
      if (mode.kind === 'automatic' && !mayDial(phone, country, mode.directions)) {
        throw new ApiError(400, 'invalid_phone', 'We cannot call this number.', 'phone');
      }
      const unreachableBy =
        mode.kind === 'automatic' && (await unreachable(ctx.store, widget.accountId, phone.e164));
      if (unreachableBy) throw new ApiError(400, 'invalid_phone', unreachableBy, 'phone');
      await consumePoint(
        ctx.limiters.ordersByPhone,
        phone.e164,
        'callback orders for this number',
        'phone',
      );
      if (widget.settings.consent.required && body.consent !== true) {
        throw new ApiError(
          422,
          'consent_required',
          'Agree to the processing of personal data first.',
          'consent',
        );
      }

      const now = ctx.clock();
      const schedule = createSchedule(widget.settings.schedule);
      const slot = body.slot === undefined ? null : Date.parse(body.slot);
      if (slot !== null && !callbackSlots(schedule, now).some((s) => s.start.getTime() === slot)) {
        throw new ApiError(
          422,
          'slot_unavailable',
          'This slot is not offered now: choose one of the current slots.',
          'slot',
        );
      }
      if (slot === null && !isOpen(schedule, now)) {
        throw new ApiError(422, 'closed_now', 'We are closed now: choose a slot instead.', 'now');
      }

      const placed = await ctx.store.orders.place(
        newOrder(
          widget,
          routing,
          {
            phone: phone.e164,
            slot,
            name: body.name || null,
            consent: body.consent === true,
            page: {
              url: body.page?.url ?? null,
              title: body.page?.title ?? null,
              referrer: body.page?.referrer ?? null,
              utm: body.page?.utm ?? {},
            },
            visitorTimeZone: body.timeZone ?? null,
          },
          { idempotencyKey, requestHash: hash },
          now.getTime(),
          await accountLanguage(ctx.store, widget.accountId),
        ),
      );
      // A parallel request with the same key won the race: answer as a repeat would.
      if (placed.outcome === 'conflict') throw conflict();
      if (placed.outcome === 'replayed') reply.header('idempotent-replayed', 'true');
      else {
        ctx.orderPlaced(placed.order);
        const caller = { phone: phone.e164, name: body.name || null };
        const visitorId = body.visitorToken
          ? await rememberCaller(
              ctx.store,
              widget,
              body.visitorToken,
              { ...caller, timeZone: body.timeZone ?? null },
              now.getTime(),
            ).catch((error: unknown) => {
              // The order stands: a visitor who stays unknown to the chat loses nothing of it.
              request.log.error(error, 'could not remember the caller');
              return undefined;
            })
          : undefined;
        await rememberOrderContact(
          ctx.store,
          { id: placed.order.id, accountId: widget.accountId, ...caller },
          visitorId,
          now.getTime(),
        ).catch((error: unknown) => {
          request.log.error(error, 'could not save the caller to the address book');
        });
      }
      return reply.code(201).send(receipt(placed.order));
    },
  );
}

/** The Idempotency-Key header. @throws {ApiError} 400 naming it when missing or malformed. */
function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new ApiError(
      400,
      'invalid',
      'Send an Idempotency-Key header of 1 to 100 letters, digits, "_" or "-".',
      'Idempotency-Key',
    );
  }
  return key;
}

function conflict(): ApiError {
  return new ApiError(
    409,
    'idempotency_conflict',
    'This Idempotency-Key was used for a different order.',
    'Idempotency-Key',
  );
}

/**
 * The 201 body. Its status is the one every order is created with, so that a repeat under the
 * same key gets a byte-identical answer even after the order moved on.
 */
function receipt(order: Order): { id: string; status: 'new'; slot: string | null } {
  return {
    id: order.id,
    status: 'new',
    slot: order.slot === null ? null : new Date(order.slot).toISOString(),
  };
}
