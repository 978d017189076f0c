/**
 * The opened widget's frame: a named `role="dialog"` that takes focus, keeps Tab inside,
 * closes on Esc and gives focus back to whatever had it — placed next to its anchor (popup),
 * at the side of the screen (side panel), or over the whole screen on narrow viewports (CSS).
 * A class component: Preact's hooks would cost the opened widget's budget a kilobyte.
 */
import { Component, type ComponentChildren, createRef } from 'preact';
import { type Placement, placeNear } from './place-near';

/** Props of {@link Dialog}. */
export interface DialogProps {
  /** Id of the element that names the dialog (its title). */
  labelledBy: string;
  display: 'popup' | 'side';
  /** What the popup sits next to; without it, the popup takes the launcher's corner. */
  anchor?: Element | undefined;
  placement: Placement;
  /** Accessible name of the close button. */
  closeLabel: string;
  /** Language of the widget's own texts. */
  lang: string;
  onClose(): void;
  children: ComponentChildren;
}

const FOCUSABLE =
  'a[href],button:not([disabled]),input:not([disabled]):not([type=hidden]),select:not([disabled]),textarea:not([disabled]),[tabindex]';

/** The elements Tab reaches inside `container`, in order. */
function tabbable(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.tabIndex >= 0 && element.getClientRects().length > 0,
  );
}

/** The focused element, looking into shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A dialog with a focus trap, Esc to close and focus return; see the module comment. */
export class Dialog extends Component<DialogProps> {
  private readonly ref = createRef<HTMLDivElement>();
  /** What had focus before the dialog took it. */
  private back: Element | null = null;
  private unplace?: () => void;

  override componentDidMount() {
    const dialog = this.ref.current;
    if (!dialog) return;
    this.back = deepActiveElement();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus]') ?? tabbable(dialog)[0];
    (first ?? dialog).focus();
    const { anchor, display, placement } = this.props;
    if (display === 'popup' && anchor) this.unplace = placeNear(dialog, anchor, placement);
  }

  override componentWillUnmount() {
    this.unplace?.();
    // Give focus back only if it is still ours (or lost): a click elsewhere keeps its focus.
    const active = deepActiveElement();
    const dialog = this.ref.current;
    const ours = !active || active === document.body || dialog?.contains(active);
    if (ours && this.back instanceof HTMLElement && this.back.isConnected) this.back.focus();
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const dialog = this.ref.current;
    if (!dialog) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.props.onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = tabbable(dialog);
    const first = items[0];
    const last = items[items.length - 1];
    const active = deepActiveElement();
    if (event.shiftKey && (active === first || active === dialog)) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  override render() {
    const { display, anchor } = this.props;
    return (
      <div
        ref={this.ref}
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={this.props.labelledBy}
        data-display={display}
        data-anchored={display === 'popup' && anchor ? '' : undefined}
        tabIndex={-1}
        lang={this.props.lang}
        onKeyDown={this.onKeyDown}
      >
        <button
          type="button"
          class="close"
          aria-label={this.props.closeLabel}
          onClick={this.props.onClose}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
        {this.props.children}
      </div>
    );
  }
}
