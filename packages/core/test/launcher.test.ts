// @vitest-environment jsdom
import { createLauncher, type LauncherTexts, setLauncherText } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

const look: LauncherTexts = {
  working: { buttonText: { ru: 'Напишите нам, мы онлайн!', en: 'Write to us, we are online!' } },
  nobody: { buttonText: { ru: 'Напишите нам', en: 'Write to us' } },
};

describe('setLauncherText', () => {
  it('names the launcher by the working text only while someone is online, in its language', () => {
    const launcher = createLauncher('button');
    const badge = document.createElement('span');
    badge.textContent = '3';
    launcher.append(badge);
    setLauncherText(launcher, look, undefined, 'en');
    expect(launcher.textContent).toBe('Write to us3');
    setLauncherText(launcher, look, 'online', 'en');
    expect(launcher.textContent).toBe('Write to us, we are online!3');
    setLauncherText(launcher, look, 'busy', 'ru');
    expect(launcher.textContent).toBe('Напишите нам3');
    expect(badge.textContent).toBe('3');
    setLauncherText(undefined, look, 'online', 'en');
  });
});
