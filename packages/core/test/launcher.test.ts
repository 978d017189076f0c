// @vitest-environment jsdom
import { createLauncher, setLauncherText } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('setLauncherText', () => {
  it("changes the launcher's text and accessible name, and leaves what follows alone", () => {
    const launcher = createLauncher('button', 'Write to us, we are online!');
    const badge = document.createElement('span');
    badge.textContent = '3';
    launcher.append(badge);
    setLauncherText(launcher, 'Write to us');
    expect(launcher.textContent).toBe('Write to us3');
    expect(badge.textContent).toBe('3');
    setLauncherText(undefined, 'no launcher: nothing happens');
  });
});
