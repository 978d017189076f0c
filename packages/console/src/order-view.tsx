/**
 * One callback order as the operator works it: the number to call and when (a scheduled one
 * shows its slot and can be taken early), Accept, then a note with Done or Failed; beside it the
 * visitor's page and local time, the notifications to staff (manual mode) and the order's story.
 * Opening it puts focus on its action; Accept moves it to the note; Done and Failed hand it to
 * `afterClose` (the list's next order).
 */

import type { CallbackOrder, OrderDetail } from '@frontdesk/config';
import { safeHref } from '@frontdesk/core';
import {
  dateLocale,
  type Language,
  type StaffUser,
  useErrorText,
  useLanguage,
} from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { orderDetail } from './api';
import { isScheduled } from './callback-order';
import { consoleTexts } from './i18n/console-texts';
import type { OrdersConnection } from './orders-connection';
import { visitorLocalTime } from './visitor-time';

/** Dates and times of an order as `language` writes them. */
const timeFormat = (language: Language) =>
  new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeStyle: 'short' });

function OrderContext({
  order,
  detail,
  now,
}: {
  order: CallbackOrder;
  detail: OrderDetail | null;
  now: number;
}) {
  const { language } = useLanguage();
  const t = consoleTexts[language];
  const time = timeFormat(language);
  const href = order.page.url ? safeHref(order.page.url) : undefined;
  const local = visitorLocalTime(order.visitorTimeZone, new Date(now), dateLocale(language));
  const notifications = detail?.notifications ?? [];
  return (
    <aside class="context" aria-label={t.order.about}>
      <h3>{t.visitor}</h3>
      <dl>
        <dt>{t.page}</dt>
        <dd data-field="page">
          {!order.page.url ? (
            t.unknown
          ) : href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {order.page.title || order.page.url}
            </a>
          ) : (
            order.page.title || order.page.url
          )}
        </dd>
        <dt>{t.localTime}</dt>
        <dd data-field="local-time">{local ? `${local} (${order.visitorTimeZone})` : t.unknown}</dd>
      </dl>
      {notifications.length > 0 && (
        <>
          <h3>{t.order.notifications}</h3>
          <ul class="past">
            {notifications.map((n) => (
              <li key={n.id}>
                {t.order.notification(
                  n.channel,
                  n.recipient,
                  t.order.outbox[n.status],
                  n.attempts,
                  n.lastError,
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>{t.order.history}</h3>
      <ul class="past">
        {(detail?.events ?? []).map((event) => (
          <li key={`${event.status}-${event.at}`}>
            {t.orders.statuses[event.status]}, {time.format(event.at)}
            {event.note ? `: ${event.note}` : ''}
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The order screen; see the module comment. `order` is the live copy, when the console has one. */
export function OrderView({
  id,
  order: live,
  user,
  orders,
  afterClose,
  now,
}: {
  id: string;
  order: CallbackOrder | undefined;
  user: StaffUser;
  orders: Pick<OrdersConnection, 'accept' | 'close'>;
  /** Called before closing the order: what to run once it closed (focus the next order). */
  afterClose: (id: string) => () => void;
  now: number;
}) {
  const { language } = useLanguage();
  const sayError = useErrorText();
  const t = consoleTexts[language];
  const time = timeFormat(language);
  const [detail, setDetail] = useState<OrderDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [focusNote, setFocusNote] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const actionRef = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const order = live ?? detail?.order;
  const status = order?.status;

  // The story and notifications change with the order's state: read them again then.
  useEffect(() => {
    let current = true;
    orderDetail(id).then(
      (found) => {
        if (current) setDetail(found);
      },
      (e: Error) => {
        if (current) setError(sayError(e));
      },
    );
    return () => {
      current = false;
    };
  }, [id, status]);

  // Opening puts the keyboard on what there is to do, else on the heading.
  const shown = order !== undefined;
  useLayoutEffect(() => {
    if (shown) (actionRef.current ?? noteRef.current ?? headingRef.current)?.focus();
  }, [id, shown]);
  // Accept's button is gone once the order is ours: the note takes focus in the same frame.
  useLayoutEffect(() => {
    if (focusNote && noteRef.current) {
      noteRef.current.focus();
      setFocusNote(false);
    }
  }, [focusNote, status]);

  if (!order) {
    return <p class="empty">{error ?? t.opening}</p>;
  }
  const mine = order.operator?.id === user.id;
  const scheduled = isScheduled(order, now);
  const run = async (action: () => Promise<unknown>, after: () => void) => {
    setError(null);
    try {
      await action();
      after();
    } catch (e) {
      setError(sayError(e));
    }
  };
  return (
    <article class="workspace order-view" aria-labelledby="item-title" data-order-id={order.id}>
      <div class="item-main">
        <h2 id="item-title" ref={headingRef} tabIndex={-1} data-focus-home="">
          <span class="status">{t.orders.statuses[order.status]}</span> {order.phone}
        </h2>
        <dl>
          {order.name && (
            <>
              <dt>{t.name}</dt>
              <dd>{order.name}</dd>
            </>
          )}
          <dt>{t.order.widget}</dt>
          <dd>{order.widgetName}</dd>
          <dt>{t.order.when}</dt>
          <dd data-field="when">
            {order.slot === null
              ? t.order.now
              : `${scheduled ? t.order.scheduledFor : ''}${time.format(order.slot)}`}
          </dd>
          <dt>{t.order.ordered}</dt>
          <dd>{time.format(order.createdAt)}</dd>
          {order.addressee?.kind === 'external' && (
            <>
              <dt>{t.order.connectWith}</dt>
              <dd>
                {order.addressee.number}
                {order.outgoingNumber ? t.order.showing(order.outgoingNumber) : ''}
              </dd>
            </>
          )}
        </dl>
        <p>
          <a href={`tel:${order.phone}`}>{t.order.call(order.phone)}</a>
        </p>
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
        {(order.status === 'ringing' || order.status === 'new') && (
          <button
            type="button"
            class="primary"
            ref={actionRef}
            onClick={() =>
              run(
                () => orders.accept(order.id),
                () => setFocusNote(true),
              )
            }
          >
            {scheduled ? t.order.takeEarly : t.order.accept}
          </button>
        )}
        {order.status === 'accepted' && !mine && (
          <p>{t.order.takenBy(order.operator?.name ?? null)}</p>
        )}
        {order.status === 'accepted' && mine && (
          <div class="close">
            <label>
              {t.order.note}
              <textarea
                ref={noteRef}
                value={note}
                maxLength={2000}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
            </label>
            <p class="actions">
              {(['done', 'failed'] as const).map((outcome) => (
                <button
                  key={outcome}
                  type="button"
                  class={outcome === 'done' ? 'primary' : undefined}
                  onClick={() =>
                    run(() => orders.close(order.id, outcome, note), afterClose(order.id))
                  }
                >
                  {outcome === 'done' ? t.order.done : t.order.failed}
                </button>
              ))}
            </p>
          </div>
        )}
        {(order.status === 'done' || order.status === 'failed') && order.note && (
          <p>{t.order.noteShown(order.note)}</p>
        )}
      </div>
      <OrderContext order={order} detail={detail} now={now} />
    </article>
  );
}
