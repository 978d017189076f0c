/**
 * The opened widget, loaded on intent (its own chunk): Preact, the dialog and the call button
 * arrive here, not with the launcher; the call itself (live-call.tsx) and sip.js come in chunks
 * of their own.
 */
import type { Presence, PublicCallConfig } from '@frontdesk/config';
import {
  type ConsentStorage,
  Dialog,
  dialogCss,
  type Locale,
  type MountedWidget,
  openInFrame,
  type Placement,
  type Variant,
  type WidgetHost,
} from '@frontdesk/core';
import type { OpenedTexts } from './call-messages';
import { callCss } from './call-styles';
import { CallWidget, type PlaceCall, TITLE_ID } from './call-widget';

// With the opened widget: the same intent fetches both (see start.ts).
export { checkCallConfig } from './checked-config';

/** What {@link openWidget} needs. */
export interface OpenOptions {
  mounted: MountedWidget;
  config: PublicCallConfig;
  /** The widget's storage: the visitor's token, which the call carries. */
  storage: ConsentStorage;
  variant: Variant;
  /** Who can answer now. */
  presence: Presence;
  anchor?: Element | undefined;
  placement: Placement;
  locale: Locale;
  texts: OpenedTexts;
  host: WidgetHost;
  /** Loads the sip.js chunk (the launcher may have started it on intent already). */
  loadSip(): Promise<PlaceCall>;
  /** Opens the page's callback widget, when it has one. */
  orderCallback?: (() => void) | undefined;
  /** Opens the page's chat, when it has one. */
  writeMessage?: (() => void) | undefined;
  onLive(live: boolean): void;
  onClose(): void;
}

/** An opened widget. */
export interface OpenedWidget {
  close(): void;
  /** Hides or shows the dialog without ending a live call. */
  hide(hidden: boolean): void;
}

/** Renders the opened call widget into its mounted frame. */
export function openWidget(options: OpenOptions): OpenedWidget {
  const { mounted, config, host, locale, texts } = options;
  const origin = new URL(host.api, location.href).origin;
  const popOut =
    config.popOut && !host.preview && window.name !== `frontdesk-call-${host.key}`
      ? () => {
          window.open(
            `${origin}/call/${encodeURIComponent(host.key)}`,
            `frontdesk-call-${host.key}`,
            'popup,width=400,height=600',
          );
          options.onClose();
        }
      : undefined;
  return openInFrame(
    mounted,
    [dialogCss, callCss],
    <Dialog
      labelledBy={TITLE_ID}
      display="popup"
      anchor={options.anchor}
      placement={options.placement}
      closeLabel={texts.core.close}
      lang={locale}
      onClose={options.onClose}
    >
      <CallWidget
        config={config}
        variant={options.variant}
        presence={options.presence}
        lang={locale}
        texts={texts}
        brandHref={origin}
        microphone={() => {
          if (!navigator.mediaDevices?.getUserMedia) {
            return Promise.reject(Object.assign(new Error('no media'), { name: 'NotFoundError' }));
          }
          return navigator.mediaDevices.getUserMedia({
            audio: { echoCancellation: true, noiseSuppression: true },
            video: false,
          });
        }}
        credentials={() =>
          host.preview
            ? Promise.reject(new Error('preview'))
            : import('./live-call').then((live) =>
                live.callCredentials(host, options.storage, config.accountTag),
              )
        }
        loadSip={options.loadSip}
        orderCallback={options.orderCallback}
        writeMessage={options.writeMessage}
        popOut={popOut}
        onLive={options.onLive}
      />
    </Dialog>,
  );
}
