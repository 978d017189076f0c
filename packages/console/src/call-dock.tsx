/**
 * Calls, whatever list or item is open: a fixed pop-up over the navigation's corner (never over
 * the conversation, so no reply box is covered or moved) with each call's caller (widget, page,
 * the visitor's local time; for an automatic callback, the order's name and number, linked to the
 * order — answering it, the platform calls the visitor), Answer / Decline, then Mute / Hang up and
 * the digits the visitor presses. A ringing call is announced in an assertive live region. Focus follows a call the
 * operator works in the pop-up (Answer → Hang up → Dismiss) and goes back where they were after
 * the last Dismiss; a call answered by the shortcut leaves focus where it is.
 */
import { dateLocale, useLanguage } from '@frontdesk/staff';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { orderCaller } from './callback-call';
import { visitorTime } from './caller-info';
import { type ConsoleTexts, consoleTexts, useConsoleTexts } from './i18n/console-texts';
import { orderHref } from './route';
import type { Softphone } from './softphone';
import type { PhoneCall } from './softphone-calls';

/** The keys that answer the oldest ringing call, and that move focus into the pop-up. */
export const ANSWER_KEYS = 'Alt+Shift+A';
export const CALLS_KEYS = 'Alt+Shift+C';

/** `mm:ss` since `from`. */
function since(from: number, now: number): string {
  const s = Math.max(0, Math.floor((now - from) / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** The widget a call came through, as the pop-up, the list and the announcement say it. */
export function widgetOf(call: PhoneCall, t: ConsoleTexts): string {
  return call.order?.widget.name ?? call.caller?.widget?.name ?? t.unknownWidget;
}

/** The pop-up's heading of a call. */
function heading(call: PhoneCall, t: ConsoleTexts): string {
  const what = call.order
    ? t.dock.automatic
    : call.state === 'ringing'
      ? t.dock.incoming
      : t.dock.call;
  return `${what} — ${widgetOf(call, t)}`;
}

/** The remote audio of a call: plays it, and keeps it on the element for whoever listens. */
function RemoteAudio({ stream }: { stream: MediaStream }) {
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    audio.srcObject = stream;
    audio.play().catch(() => undefined);
    return () => {
      audio.srcObject = null;
    };
  }, [stream]);
  // biome-ignore lint/a11y/useMediaCaption: a phone call's audio has no captions
  return <audio ref={ref} autoplay data-remote="" />;
}

function CallCard({
  call,
  phone,
  now,
  dismiss,
}: {
  call: PhoneCall;
  phone: Softphone;
  now: number;
  dismiss: () => void;
}) {
  const { language } = useLanguage();
  const t = consoleTexts[language];
  const caller = call.caller;
  const local = visitorTime(caller, new Date(now), dateLocale(language));
  const ref = useRef<HTMLLIElement>(null);
  const hangUpRef = useRef<HTMLButtonElement>(null);
  const dismissRef = useRef<HTMLButtonElement>(null);
  // Whether the operator works this call here: focus came in and did not move elsewhere since
  // (a button removed under it moves focus nowhere, so that keeps it).
  const working = useRef(false);
  useLayoutEffect(() => {
    const active = document.activeElement;
    const lost = !active || active === document.body || ref.current?.contains(active);
    if (!working.current || !lost) return;
    if (call.state === 'ended') dismissRef.current?.focus();
    else if (call.state !== 'ringing') hangUpRef.current?.focus();
  }, [call.state]);
  const connected = call.state === 'answered' || call.state === 'connecting';
  return (
    <li
      ref={ref}
      class="call-card"
      data-state={call.state}
      data-kind={call.order ? 'callback' : 'call'}
      data-call-id={call.id}
      onFocusIn={() => {
        working.current = true;
      }}
      onFocusOut={(event) => {
        const to = event.relatedTarget as Node | null;
        if (to && !ref.current?.contains(to)) working.current = false;
      }}
    >
      <h3>{heading(call, t)}</h3>
      <dl>
        {call.order ? (
          <>
            <dt>{t.dock.visitor}</dt>
            <dd data-field="order">
              <a href={orderHref(call.order.id)}>{orderCaller(call.order)}</a>
            </dd>
            {call.state === 'ringing' ? (
              <>
                <dt>{t.dock.next}</dt>
                <dd>{t.dock.answerThenVisitor}</dd>
              </>
            ) : null}
          </>
        ) : null}
        {caller?.page?.url ? (
          <>
            <dt>{t.page}</dt>
            <dd data-field="page">
              {caller.page.title ? `${caller.page.title} — ` : ''}
              {caller.page.url}
            </dd>
          </>
        ) : null}
        {local ? (
          <>
            <dt>{t.localTime}</dt>
            <dd data-field="local-time">
              {local} ({caller?.visitor?.timeZone})
            </dd>
          </>
        ) : null}
        {call.state === 'answered' && call.answeredAt ? (
          <>
            <dt>{t.dock.duration}</dt>
            <dd>{since(call.answeredAt, now)}</dd>
          </>
        ) : null}
        <dt>{t.dock.digits}</dt>
        <dd data-field="digits" aria-live="polite">
          {call.digits || '—'}
        </dd>
      </dl>
      {call.state === 'ringing' ? (
        <p class="actions">
          <button
            type="button"
            class="primary"
            aria-keyshortcuts={ANSWER_KEYS}
            onClick={() => phone.answer(call.id)}
          >
            {t.dock.answer}
          </button>
          <button type="button" onClick={() => phone.decline(call.id)}>
            {t.dock.decline}
          </button>
          <span class="hint">{t.dock.answers(ANSWER_KEYS)}</span>
        </p>
      ) : connected ? (
        <p class="actions">
          {call.state === 'connecting' ? (
            <span>{t.dock.connecting}</span>
          ) : (
            <button
              type="button"
              aria-pressed={call.muted ? 'true' : 'false'}
              onClick={() => phone.setMuted(call.id, !call.muted)}
            >
              {t.dock.mute}
            </button>
          )}
          <button type="button" ref={hangUpRef} onClick={() => phone.hangUp(call.id)}>
            {t.dock.hangUp}
          </button>
        </p>
      ) : (
        <p class="actions">
          <span data-field="ended">{t.dock.ended[call.ended ?? 'visitor']}</span>{' '}
          <button type="button" ref={dismissRef} onClick={dismiss}>
            {t.dock.dismiss}
          </button>
        </p>
      )}
      {call.remote && call.state === 'answered' ? <RemoteAudio stream={call.remote} /> : null}
    </li>
  );
}

/** The pop-up of calls; see the module comment. `fallback` takes focus when nothing else can. */
export function CallDock({
  calls,
  phone,
  fallback,
}: {
  calls: PhoneCall[];
  phone: Softphone | null;
  fallback: () => void;
}) {
  const t = useConsoleTexts();
  const [now, setNow] = useState(Date.now());
  const ref = useRef<HTMLElement>(null);
  /** Where the operator was before coming into the pop-up. */
  const returnTo = useRef<HTMLElement | null>(null);
  /** What takes focus once a dismissed call is gone. */
  const afterDismiss = useRef<(() => void) | null>(null);
  const answered = calls.some((call) => call.state === 'answered');
  useEffect(() => {
    if (!answered) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [answered]);
  useLayoutEffect(() => {
    afterDismiss.current?.();
    afterDismiss.current = null;
  }, [calls]);

  const dismiss = (id: string) => {
    const next = calls.find((call) => call.id !== id);
    afterDismiss.current = () => {
      const card = [...(ref.current?.querySelectorAll<HTMLElement>('[data-call-id]') ?? [])].find(
        (element) => element.dataset.callId === next?.id,
      );
      const button = card?.querySelector<HTMLButtonElement>('button');
      if (button) button.focus();
      else if (returnTo.current?.isConnected) returnTo.current.focus();
      else fallback();
    };
    phone?.dismiss(id);
  };
  const ringing = calls.filter((call) => call.state === 'ringing').at(-1);
  const where = ringing?.caller?.page?.title || ringing?.caller?.page?.url;
  return (
    <>
      <p class="visually-hidden" role="alert">
        {ringing
          ? ringing.order
            ? t.dock.ringingCallback(
                orderCaller(ringing.order),
                widgetOf(ringing, t),
                ANSWER_KEYS,
                CALLS_KEYS,
              )
            : t.dock.ringing(widgetOf(ringing, t), where, ANSWER_KEYS, CALLS_KEYS)
          : ''}
      </p>
      {phone && calls.length > 0 && (
        <aside
          ref={ref}
          class="call-dock"
          aria-label={t.dock.label}
          onFocusIn={(event) => {
            // Focus coming back from nowhere (a button removed under it) is not "from" anywhere.
            const from = event.relatedTarget as HTMLElement | null;
            if (from && from !== document.body && !ref.current?.contains(from)) {
              returnTo.current = from;
            }
          }}
        >
          <ul>
            {calls.map((call) => (
              <CallCard
                key={call.id}
                call={call}
                phone={phone}
                now={now}
                dismiss={() => dismiss(call.id)}
              />
            ))}
          </ul>
        </aside>
      )}
    </>
  );
}
