/**
 * The console's calls in Russian and in English, in Chromium with the platform's SIP edge: the
 * calls list with the softphone registered and its lines, and the pop-up as a visitor's call from
 * the demo site rings, is answered and ends — each state clean under axe (colour contrast
 * included), with no catalogue key shown raw and, in Russian, no English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleTexts } from '../../packages/console/src/i18n/console-texts.ts';
import { staffTexts } from '../../packages/staff/src/staff-texts.ts';
import { type CallStage, call, startCallStage, waitPhase } from './call-helpers.ts';
import { type Allowed, demoData, screenProblems } from './staff-language.ts';

let callStage: CallStage;
let allowed: Allowed;

beforeAll(async () => {
  callStage = await startCallStage();
  allowed = await demoData(callStage.stage);
});
afterAll(() => callStage?.stop());

describe.each(['ru', 'en'] as const)('the calls in %s', (language) => {
  it('ring, are answered and end in the pop-up, every state in the language and clean', async () => {
    const t = consoleTexts[language];
    const { stage, operatorBrowser, visitorBrowser } = callStage;
    const context = await operatorBrowser.newContext({
      locale: language === 'ru' ? 'ru-RU' : 'en-GB',
      timezoneId: 'Europe/Moscow',
      viewport: { width: 1366, height: 768 },
    });
    const desk = await context.newPage();
    await desk.goto(`${stage.platform.url}/console/`);
    await desk.getByLabel(staffTexts[language].signIn.email).fill('operator@demo.test');
    await desk.getByLabel(staffTexts[language].signIn.password).fill('demo-password');
    await desk.keyboard.press('Enter');
    await expect
      .poll(() => desk.locator('.phone-status').textContent(), { timeout: 20_000 })
      .toBe(t.phoneStatus.registered);
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      const problems = await screenProblems(desk, language, allowed);
      if (problems.length > 0) found[name] = problems;
    };
    await desk.evaluate(() => {
      location.hash = '#/calls';
    });
    await desk.getByRole('heading', { name: t.calls.yourLines }).waitFor();
    await check('the calls list, ready');

    const caller = await visitorBrowser.newContext();
    const callPage = await caller.newPage();
    await callPage.goto(`${stage.site}/call.html`);
    await call(callPage);
    await desk.locator('.call-card[data-state=ringing]').waitFor({ timeout: 20_000 });
    await check('a call ringing');
    await desk.locator('.call-card[data-state=ringing] button.primary').click();
    await waitPhase(callPage, 'in-call');
    await desk.locator('.call-card[data-state=answered]').waitFor();
    await check('in the call');
    await desk.getByRole('button', { name: t.dock.hangUp }).click();
    await waitPhase(callPage, 'ended', 10_000);
    await desk.locator('.call-card[data-state=ended]').waitFor();
    await check('the call ended');
    await desk.getByRole('button', { name: t.dock.dismiss }).click();
    await desk.locator('.call-card').waitFor({ state: 'detached' });
    expect(found).toEqual({});
    await caller.close();
    await context.close();
  }, 180_000);
});
