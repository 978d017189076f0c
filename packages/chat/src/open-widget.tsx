/**
 * The opened chat, loaded on intent (its own chunk): Preact, the dialog and the chat window
 * arrive here, not with the launcher. The window keeps the launcher's corner (no anchor: the
 * dialog's CSS places it). The callback tab's form is a chunk of its own again.
 */
import type { CallbackOrder } from '@frontdesk/callback';
import type { PublicChatConfig } from '@frontdesk/config';
import {
  Dialog,
  dialogCss,
  formatLocale,
  type Locale,
  type MountedWidget,
  sheet,
  type Variant,
  type Visitor,
  type WidgetHost,
} from '@frontdesk/core';
import type { Schedule } from '@frontdesk/schedule/engine';
import { render } from 'preact';
import type { Texts } from './chat-messages';
import type { ChatSession } from './chat-session';
import { chatCss } from './chat-styles';
import { ChatWidget, TITLE_ID } from './chat-widget';

/** What {@link openWidget} needs. */
export interface OpenOptions {
  mounted: MountedWidget;
  config: PublicChatConfig;
  schedule: Schedule;
  variant: Variant;
  /** Opened by the lead generator: on the callback tab, in its look. */
  lead: boolean;
  locale: Locale;
  texts: Texts;
  session: ChatSession;
  visitor: Visitor;
  host: WidgetHost;
  onCallbackSubmitted(order: CallbackOrder): void;
  onClose(): void;
}

/** An opened chat window. */
export interface OpenedWidget {
  close(): void;
}

const styled = new WeakSet<ShadowRoot>();

/** Renders the chat window into its mounted frame. */
export function openWidget(options: OpenOptions): OpenedWidget {
  const { mounted, config, host, locale, texts } = options;
  if (!styled.has(mounted.root)) {
    mounted.adopt(sheet(dialogCss), sheet(chatCss));
    styled.add(mounted.root);
  }
  const container = document.createElement('div');
  mounted.frame.append(container);
  const withCallback = config.channels.callback || config.leadGenerator !== undefined;
  render(
    <Dialog
      labelledBy={TITLE_ID}
      display="popup"
      placement={config.appearance.position === 'right' ? 'top-end' : 'top-start'}
      closeLabel={texts.core.close}
      lang={locale}
      onClose={options.onClose}
    >
      <ChatWidget
        config={config}
        variant={options.variant}
        session={options.session}
        texts={texts}
        lang={locale}
        locale={formatLocale(locale)}
        brandHref={new URL(host.api, location.href).origin}
        lead={options.lead}
        loadCallback={
          withCallback
            ? (lead) =>
                import('./callback-tab').then(({ callbackTab }) =>
                  callbackTab({
                    mounted,
                    config,
                    schedule: options.schedule,
                    variant: options.variant,
                    lead,
                    locale,
                    texts: texts.chat,
                    visitor: options.visitor,
                    host,
                    onSubmitted: options.onCallbackSubmitted,
                  }),
                )
            : undefined
        }
      />
    </Dialog>,
    container,
  );
  return {
    close() {
      render(null, container);
      container.remove();
    },
  };
}
