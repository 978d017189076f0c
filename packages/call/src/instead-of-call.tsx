/** What the visitor can do instead of calling: the page's callback widget, or its chat. */
import type { OpenedCallMessages } from './call-messages';

/** Props of {@link InsteadOfCall}. */
export interface InsteadOfCallProps {
  texts: OpenedCallMessages;
  /** Opens the page's callback widget; absent when the page has none. */
  orderCallback?: (() => void) | undefined;
  /** Opens the page's chat; absent when the page has none. */
  writeMessage?: (() => void) | undefined;
}

/** What the visitor can do instead of calling: the page's callback widget, or its chat. */
export function InsteadOfCall({ texts: t, orderCallback, writeMessage }: InsteadOfCallProps) {
  return (
    <>
      {orderCallback ? (
        <button type="button" class="send" data-autofocus onClick={orderCallback}>
          {t.orderCallback}
        </button>
      ) : null}
      {writeMessage ? (
        <button type="button" class="ctl" onClick={writeMessage}>
          {t.writeMessage}
        </button>
      ) : null}
    </>
  );
}
