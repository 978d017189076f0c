/** Where a widget's dialog opens, by what opened it. */
import type { Placement } from '@floating-ui/core';
import type { LauncherFormat } from './widget-host';

/**
 * Below a link of the site when one opened it (`belowLink`); else beside the widget's own
 * launcher: above the floating button, beside the edge tab (toward the page).
 */
export function dialogPlacement(
  kind: LauncherFormat,
  position: 'left' | 'right',
  belowLink: boolean,
): Placement {
  if (belowLink) return 'bottom-start';
  if (kind === 'label') return position === 'right' ? 'left' : 'right';
  return position === 'right' ? 'top-end' : 'top-start';
}
