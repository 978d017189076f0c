/**
 * The signed-in console: fixed panes side by side, each scrolling on its own — the navigation
 * with what waits in each list, the list (chats, orders, calls, search results), and the open
 * item with its context — plus the calls pop-up over the navigation's corner. What is open and
 * which filter are in the URL (route.ts). Everything that asks for the operator alerts
 * (alerts.ts) and counts in the tab's title.
 */
import type { CallbackOrder, ChatMessage, ConversationSummary } from '@frontdesk/config';
import { CallHistoryScreen, type StaffSession, signOut, useLanguage } from '@frontdesk/staff';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useAlerts } from './alerts';
import { handOverChoices } from './api';
import { cameToMe, holdsOrCanTake, titleWith, unreadCount } from './attention';
import { CallDock } from './call-dock';
import { CallList } from './call-list';
import { orderCaller } from './callback-call';
import { waitsForMe } from './callback-order';
import { useChatInbox } from './chat-connection';
import { ChatList } from './chat-list';
import { visitorName } from './chat-store';
import { ContactList } from './contact-list';
import { ContactView } from './contact-view';
import { ConversationView } from './conversation-view';
import { focusAfterRow, useFocusRescue } from './focus';
import { consoleTexts } from './i18n/console-texts';
import { missedCount, useMissed } from './missed';
import { MissedList } from './missed-list';
import { Navigation } from './navigation';
import { connectOps } from './ops-socket';
import { OrderList } from './order-list';
import { OrderView } from './order-view';
import { useOrders } from './orders-connection';
import { QueueStatus, useQueues } from './queues';
import { navigate, orderHref, type Route, type Section, useRoute } from './route';
import { SearchForm, SearchList } from './search';
import { useShortcuts } from './shortcuts';
import type { PhoneCall } from './softphone-calls';
import { useSoftphone } from './use-softphone';

/** How often times that depend on the clock (scheduled orders, local times) are redrawn. */
const TICK = 30_000;

/** Where the history opens an order: the closed orders' list, with the order open. */
const closedOrderHref = (id: string) => orderHref(id, 'closed');

/** The clock, read every `every` ms. */
function useNow(every: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), every);
    return () => clearInterval(tick);
  }, [every]);
  return now;
}

/** The console of `session`; see the module comment. */
export function Shell({
  session,
  onSignedOut,
}: {
  session: StaffSession;
  onSignedOut: () => void;
}) {
  const { user } = session;
  const { language } = useLanguage();
  const t = consoleTexts[language];
  // Socket handlers announce long after a render: they read the texts as they are now.
  const textsRef = useRef(t);
  textsRef.current = t;
  const answering = user.role === 'operator' || user.role === 'admin';
  const sections: readonly Section[] = answering
    ? ['chats', 'orders', 'calls', 'missed', 'history', 'contacts']
    : ['orders', 'history', 'contacts'];
  const asked = useRoute();
  const route: Route =
    asked.section === 'search' || sections.includes(asked.section)
      ? asked
      : { ...asked, section: 'orders' };
  // Notification clicks come long after a render: they go from the route as it is then.
  const routeRef = useRef(route);
  routeRef.current = route;
  const goTo = (open: Route['open']) => navigate({ ...routeRef.current, open });

  const socket = useMemo(() => connectOps(), [session]);
  const [connected, setConnected] = useState(socket.connected);
  const [announcement, announce] = useState('');
  const now = useNow(TICK);
  const alerts = useAlerts();
  const rootRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLElement>(null);
  const listHeadingRef = useRef<HTMLHeadingElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const toListHeading = useCallback(() => listHeadingRef.current?.focus(), []);
  useFocusRescue(rootRef, toListHeading);
  // Signed in (the form is gone) or reloaded: the keyboard starts at the list.
  useLayoutEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) toListHeading();
  }, [toListHeading]);

  useEffect(() => {
    const up = () => setConnected(true);
    const down = () => setConnected(false);
    socket.on('connect', up);
    socket.on('disconnect', down);
    return () => socket.disconnect();
  }, [socket]);

  const inbox = useChatInbox(socket, {
    newConversation(conversation: ConversationSummary) {
      // A distributing group's chat given to a colleague is theirs to answer: no alarm here.
      if (!holdsOrCanTake(conversation, user.id)) return;
      const t = textsRef.current;
      const who = visitorName(conversation.visitor, t.unnamedVisitor);
      announce(t.alerts.newChat(who, conversation.widget.name));
      alerts.alert({
        title: t.alerts.newChatTitle(who),
        body: conversation.lastMessage?.text ?? conversation.widget.name,
        tag: `chat-${conversation.id}`,
        onClick: () => goTo({ kind: 'chat', id: conversation.id }),
      });
    },
    holderChanged(conversation: ConversationSummary, before: ConversationSummary) {
      if (!cameToMe(conversation, before, user.id)) return;
      const t = textsRef.current;
      const who = visitorName(conversation.visitor, t.unnamedVisitor);
      announce(t.alerts.yoursNow(who));
      alerts.alert({
        title: t.alerts.forYouTitle(who),
        body:
          conversation.transfer?.note ?? conversation.lastMessage?.text ?? conversation.widget.name,
        tag: `chat-${conversation.id}`,
        onClick: () => goTo({ kind: 'chat', id: conversation.id }),
      });
    },
    visitorMessage(message: ChatMessage, conversation: ConversationSummary) {
      if (!holdsOrCanTake(conversation, user.id)) return;
      const who = visitorName(conversation.visitor, textsRef.current.unnamedVisitor);
      const shown = routeRef.current.open;
      // The open conversation's log announces its own messages.
      if (shown?.kind !== 'chat' || shown.id !== conversation.id) {
        announce(textsRef.current.alerts.newMessage(who));
      }
      alerts.alert({
        title: who,
        body: message.text,
        tag: `chat-${conversation.id}`,
        onClick: () => goTo({ kind: 'chat', id: conversation.id }),
      });
    },
  });
  const orders = useOrders(socket, (order: CallbackOrder) => {
    const t = textsRef.current;
    announce(t.alerts.orderRinging(order.phone, order.widgetName));
    alerts.alert({
      title: t.alerts.orderTitle(order.phone),
      body: order.widgetName,
      tag: `order-${order.id}`,
      onClick: () => goTo({ kind: 'order', id: order.id }),
    });
  });
  const queues = useQueues(socket);
  const { missed, handleCall } = useMissed(socket);
  const softphone = useSoftphone(session, answering, (call: PhoneCall) =>
    alerts.alert({
      title: call.order ? textsRef.current.dock.automatic : textsRef.current.alerts.incomingCall,
      body: call.order
        ? `${orderCaller(call.order)} · ${call.order.widget.name}`
        : (call.caller?.widget?.name ?? textsRef.current.alerts.fromSite),
      tag: `call-${call.id}`,
      onClick: () => rootRef.current?.querySelector<HTMLElement>('.call-dock button')?.focus(),
    }),
  );

  useShortcuts({
    KeyA: () => {
      const ringing = softphone.calls.find((call) => call.state === 'ringing');
      if (ringing) softphone.phone?.answer(ringing.id);
    },
    KeyC: () => rootRef.current?.querySelector<HTMLElement>('.call-dock button')?.focus(),
    KeyF: () => searchRef.current?.focus(),
  });

  // Opening a conversation (by a row, a link, a reload) loads it.
  const open = route.open;
  const [openError, setOpenError] = useState<string | null>(null);
  useEffect(() => {
    setOpenError(null);
    if (open?.kind === 'chat') inbox.open(open.id).catch((e: Error) => setOpenError(e.message));
  }, [open?.kind, open?.id, inbox.open]);

  const { conversations, threads } = inbox.state;
  const unreadOf = (conversation: ConversationSummary) =>
    unreadCount(conversation, user.id, threads.get(conversation.id)?.readSent);
  const counts = {
    chats: [...conversations.values()].reduce((sum, c) => sum + unreadOf(c), 0),
    orders: [...orders.orders.values()].filter((o) => waitsForMe(o, orders.ringsMe, now)).length,
    calls: softphone.calls.filter((call) => call.state === 'ringing').length,
    missed: answering ? missedCount(missed) : 0,
  };
  // The title counts what asks for someone now; missed ones wait in their own list.
  const waiting = counts.chats + counts.orders + counts.calls;
  useEffect(() => {
    document.title = titleWith(t.title, waiting);
    // Signed out, nothing waits any more.
    return () => {
      document.title = t.title;
    };
  }, [waiting, t.title]);

  // After Done or Failed, focus goes to the list's next order (read before the list changed).
  const [refocus, setRefocus] = useState<{ run: () => void } | null>(null);
  useLayoutEffect(() => refocus?.run(), [refocus]);
  const afterClose = (id: string) => {
    const run = focusAfterRow(listRef.current, 'orderId', id, toListHeading);
    return () => setRefocus({ run });
  };

  // An edit in the open contact reloads the contacts list.
  const [contactsVersion, setContactsVersion] = useState(0);

  const choices = useCallback(() => handOverChoices(user.id), [user.id]);

  const leave = async () => {
    await signOut(session).catch(() => undefined);
    onSignedOut();
  };

  let item = <p class="empty">{t.pickItem}</p>;
  if (open?.kind === 'chat') {
    const conversation = conversations.get(open.id);
    const thread = threads.get(open.id);
    item =
      conversation && thread ? (
        // Keyed: a draft, a pending question or the typing signal never follows to another chat.
        <ConversationView
          key={open.id}
          conversation={conversation}
          thread={thread}
          inbox={inbox}
          user={user}
          handOverChoices={choices}
        />
      ) : (
        <p class={openError ? 'error' : 'empty'} role={openError ? 'alert' : undefined}>
          {openError ?? t.opening}
        </p>
      );
  } else if (open?.kind === 'contact') {
    item = (
      <ContactView
        key={open.id}
        id={open.id}
        session={session}
        onSaved={() => setContactsVersion((n) => n + 1)}
      />
    );
  } else if (open?.kind === 'order') {
    item = (
      <OrderView
        key={open.id}
        id={open.id}
        order={orders.orders.get(open.id)}
        user={user}
        orders={orders}
        afterClose={afterClose}
        now={now}
      />
    );
  }

  return (
    <div class="console" ref={rootRef}>
      {answering && (
        <CallDock calls={softphone.calls} phone={softphone.phone} fallback={toListHeading} />
      )}
      <Navigation
        user={user}
        connected={connected}
        route={route}
        sections={sections}
        counts={counts}
        phone={answering ? softphone.status : undefined}
        muted={alerts.muted}
        setMuted={alerts.setMuted}
        socket={socket}
        signOut={leave}
      />
      {route.section === 'history' ? (
        <main class="pane wide" data-pane="">
          <CallHistoryScreen orderHref={closedOrderHref} />
        </main>
      ) : (
        <>
          <section class="pane list" ref={listRef} aria-labelledby="list-title" data-pane="">
            <SearchForm route={route} inputRef={searchRef} />
            <h1 id="list-title" ref={listHeadingRef} tabIndex={-1} data-focus-home="">
              {t.sections[route.section]}
            </h1>
            {orders.error && (
              <p role="alert" class="error">
                {orders.error}
              </p>
            )}
            {route.section === 'chats' && <QueueStatus queues={queues} now={now} />}
            {route.section === 'chats' && (
              <ChatList
                conversations={conversations.values()}
                route={route}
                userId={user.id}
                unreadOf={unreadOf}
              />
            )}
            {route.section === 'orders' && (
              <OrderList orders={orders.orders} route={route} now={now} />
            )}
            {route.section === 'calls' && (
              <CallList status={softphone.status} calls={softphone.calls} />
            )}
            {route.section === 'missed' && (
              <MissedList
                missed={missed}
                route={route}
                userId={user.id}
                conversations={conversations}
                orders={orders.orders}
                unreadOf={unreadOf}
                handleCall={handleCall}
                now={now}
              />
            )}
            {route.section === 'contacts' && (
              <ContactList route={route} version={contactsVersion} />
            )}
            {route.section === 'search' && (
              <SearchList
                route={route}
                conversations={conversations}
                orders={orders.orders}
                unreadOf={unreadOf}
                addOrders={orders.add}
                announce={announce}
                now={now}
                userId={user.id}
              />
            )}
          </section>
          <main class="pane item" data-pane="">
            {item}
          </main>
        </>
      )}
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
