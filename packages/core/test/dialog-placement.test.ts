import { dialogPlacement } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('dialogPlacement', () => {
  it('opens below a link of the site, whatever the launcher', () => {
    expect(dialogPlacement('button', 'right', true)).toBe('bottom-start');
    expect(dialogPlacement('label', 'left', true)).toBe('bottom-start');
  });

  it('opens above the floating button, on its side', () => {
    expect(dialogPlacement('button', 'right', false)).toBe('top-end');
    expect(dialogPlacement('button', 'left', false)).toBe('top-start');
  });

  it('opens beside the edge tab, toward the page', () => {
    expect(dialogPlacement('label', 'right', false)).toBe('left');
    expect(dialogPlacement('label', 'left', false)).toBe('right');
  });
});
