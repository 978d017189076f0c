/**
 * The Studio's SIP trunks screen against the real platform (issue 20): an admin adds a trunk
 * with a password — which the platform stores and the page never shows again — changes it
 * keeping the password, and deletes it; the screen, its form and its dialog pass axe.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Stage, startStage } from './harness.ts';

const PASSWORD = 'e2e-trunk-password-never-shown';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage(new Date());
});
afterAll(async () => {
  await stage?.stop();
});

/** The stored password of the trunk `id` (the platform's secret). */
const password = (id: string) =>
  stage.platform.platform.store.secrets.get({ kind: 'trunk', id }, 'password');

/** The Studio's SIP trunks screen, signed in as the demo admin. */
async function trunksScreen(): Promise<Page> {
  const context = await stage.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${stage.platform.url}/studio/`);
  await page.getByLabel('E-mail').fill('admin@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'SIP trunks' }).click();
  await page.getByRole('heading', { name: 'SIP trunks', level: 1 }).waitFor();
  return page;
}

describe('the Studio’s SIP trunks', () => {
  it('an admin adds, changes and deletes a trunk; the password is stored, never shown', async () => {
    const page = await trunksScreen();
    await page.getByText(/Loading/).waitFor({ state: 'detached' });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Add a trunk' }).click();
    const form = page.getByRole('form', { name: 'Add a trunk' });
    await form.getByLabel('Name', { exact: true }).fill('E2E provider');
    await form.getByLabel('Host').fill('sip.e2e.example');
    await form.getByLabel('Transport').selectOption('tcp');
    await form.getByLabel('Username').fill('e2e');
    await form.getByLabel('Password', { exact: true }).fill(PASSWORD);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Add trunk' }).click();
    const edit = page.getByRole('button', { name: 'Edit E2E provider' });
    await edit.waitFor();
    await expect
      .poll(() => edit.evaluate((button) => button === document.activeElement))
      .toBe(true);

    const trunks = await stage.platform.platform.store.trunks.all();
    const added = trunks.find((t) => t.name === 'E2E provider');
    if (!added) throw new Error('the trunk was not stored');
    expect(added).toMatchObject({ host: 'sip.e2e.example', transport: 'tcp', port: 5060 });
    expect(await password(added.id)).toBe(PASSWORD);
    expect(await page.content()).not.toContain(PASSWORD);

    await edit.click();
    const editing = page.getByRole('form', { name: 'Edit E2E provider' });
    await editing.getByText('Password: set —').waitFor();
    await editing.getByLabel('Name', { exact: true }).fill('E2E provider 2');
    await editing.getByRole('button', { name: 'Save trunk' }).click();
    await page.getByRole('button', { name: 'Edit E2E provider 2' }).waitFor();
    expect(await password(added.id)).toBe(PASSWORD);

    await page.getByRole('button', { name: 'Delete E2E provider 2' }).click();
    const dialog = page.getByRole('dialog', { name: /Delete/ });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete trunk' }).click();
    await page.getByText('E2E provider 2 was deleted.').waitFor();
    expect(await stage.platform.platform.store.trunks.get(added.id)).toBeUndefined();
    expect(await password(added.id)).toBeUndefined();
  });
});
