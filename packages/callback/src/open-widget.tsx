/**
 * The opened widget, loaded on intent (its own chunk): Preact, the dialog, the form, phone
 * validation and the slot picker arrive here, not with the launcher.
 */
import type { Presence, PublicCallbackConfig } from '@frontdesk/config';
import {
  type ConsentStorage,
  createPlatformClient,
  Dialog,
  dialogCss,
  formatLocale,
  type Locale,
  type MountedWidget,
  openInFrame,
  type Placement,
  type Variant,
  type Visitor,
  visitorToken,
  type WidgetHost,
} from '@frontdesk/core';
import type { Schedule } from '@frontdesk/schedule/engine';
import type { Texts } from './callback-messages';
import { callbackCss } from './callback-styles';
import { CallbackWidget, TITLE_ID } from './callback-widget';
import { orderOutbox, sendKept } from './outbox';
import { visitorRegion } from './phone-countries';
import { type CallbackOrder, platformSubmit, previewSubmit } from './submit-callback';

/** What {@link openWidget} needs. */
export interface OpenOptions {
  mounted: MountedWidget;
  config: PublicCallbackConfig;
  schedule: Schedule;
  variant: Variant;
  /** Who can call back now. */
  presence: Presence;
  /** Opened by the lead generator: its title and text. */
  lead?: boolean | undefined;
  /** What the popup sits next to: the launcher, or the link the visitor clicked. */
  anchor?: Element | undefined;
  placement: Placement;
  visitor: Visitor;
  locale: Locale;
  texts: Texts;
  /** The loader's host: the platform's URL, preview mode. */
  host: WidgetHost;
  onSubmitted(order: CallbackOrder): void;
  /** The widget's storage and the name its offline orders are kept under. */
  storage: ConsentStorage;
  outbox: string;
  /** An order is kept until the network is back (the visitor's submit: storage is allowed). */
  onKept(): void;
  /** The visitor closed the widget (Esc, the close button). */
  onClose(): void;
}

/** An opened widget. */
export interface OpenedWidget {
  close(): void;
}

/** Renders the opened callback widget into its mounted frame. */
export function openWidget(options: OpenOptions): OpenedWidget {
  const { mounted, config } = options;
  const { host, locale, texts } = options;
  // The Studio's preview sends nothing; a real widget orders through the platform.
  const submit = host.preview
    ? previewSubmit
    : platformSubmit(createPlatformClient(host.api), host.key);
  return openInFrame(
    mounted,
    [dialogCss, callbackCss],
    <Dialog
      labelledBy={TITLE_ID}
      display={config.appearance.display}
      anchor={options.anchor}
      placement={options.placement}
      closeLabel={texts.core.close}
      lang={locale}
      onClose={options.onClose}
    >
      <CallbackWidget
        config={config}
        schedule={options.schedule}
        variant={options.variant}
        presence={options.presence}
        lead={options.lead}
        lang={locale}
        locale={formatLocale(locale)}
        texts={texts}
        visitor={options.visitor}
        visitorZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        visitorRegion={visitorRegion()}
        now={() => new Date()}
        brandHref={new URL(host.api, location.href).origin}
        submit={submit}
        onSubmitted={options.onSubmitted}
        visitorToken={
          host.preview ? undefined : () => visitorToken(options.storage, config.accountTag)
        }
        keep={
          host.preview
            ? undefined
            : (request, key) => {
                options.onKept();
                orderOutbox(options.storage, options.outbox).keep({ key, request });
              }
        }
      />
    </Dialog>,
  );
}

/**
 * Sends the orders kept offline for `host`'s widget (see outbox.ts): the page hears of each
 * one placed (`callback:submitted`) or refused for good (`error`).
 */
export function sendKeptOrders(
  host: WidgetHost,
  storage: ConsentStorage,
  outbox: string,
): Promise<void> {
  return sendKept(storage, outbox, platformSubmit(createPlatformClient(host.api), host.key), {
    sent: (order) => host.emit('callback:submitted', { widget: host.key, ...order }),
    refused: host.report,
  });
}
