/**
 * Helpers of the call-from-the-site journeys, shared by the end-to-end test
 * (`call.e2e.test.ts`), the whole journeys and the call benchmark (`call.bench-run.ts`): the
 * stage with its SIP edge and tone microphones, Chromium with a fake microphone, the widget's call
 * button and phases, the operator's console.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { withLiveTexts } from '../../packages/call/src/live-texts.ts';
import { liveTexts as liveEn } from '../../packages/call/src/live-texts-en.ts';
import { liveTexts as liveRu } from '../../packages/call/src/live-texts-ru.ts';
import { texts as openedEn } from '../../packages/call/src/texts-en.ts';
import { texts as openedRu } from '../../packages/call/src/texts-ru.ts';
import { chromiumArgs, chromiumPath } from '../../vitest.config.ts';
import { type Stage, startStage } from './harness.ts';

/** Every text of the call widget, a call's own included, in English and in Russian. */
export const callTexts = {
  en: withLiveTexts(openedEn, liveEn),
  ru: withLiveTexts(openedRu, liveRu),
};

/** The visitor's microphone tone and the operator's, Hz. */
export const VISITOR_HZ = 440;
export const OPERATOR_HZ = 1250;

/** A mono 16-bit PCM WAV of a sine at `hz`, `seconds` long (whole periods, so it loops cleanly). */
export function toneWav(hz: number, seconds = 2, rate = 48_000): Buffer {
  const samples = rate * seconds;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) {
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 0.5 * 32767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** A Chromium process whose fake microphone plays `wav` (plus any `extraArgs`). */
export function launchWithMicrophone(wav: string, extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...chromiumArgs,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--allow-loopback-in-peer-connection',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
}

/** Waits until the call widget's status line is in `phase`. */
export async function waitPhase(page: Page, phase: string, timeout = 20_000) {
  await page.locator(`frontdesk-call [data-call-status="${phase}"]`).waitFor({ timeout });
}

/**
 * The dominant frequency (Hz) of the audio playing from `selector`'s remote stream, measured
 * with a WebAudio analyser; the stream is also attached to a muted <audio>, which Chromium needs
 * before a remote WebRTC stream flows into WebAudio.
 */
export async function heardFrequency(page: Page, host: string | null): Promise<number> {
  return page.evaluate(async (host) => {
    const root: ParentNode = host
      ? ((document.querySelector(host)?.shadowRoot as ParentNode | null) ?? document)
      : document;
    const audio = root.querySelector('audio[data-remote]') as HTMLAudioElement | null;
    const stream = audio?.srcObject as MediaStream | null;
    if (!stream) return -1;
    const sink = new Audio();
    sink.muted = true;
    sink.srcObject = stream;
    await sink.play().catch(() => undefined);
    const context = new AudioContext();
    await context.resume();
    const analyser = context.createAnalyser();
    analyser.fftSize = 8192;
    context.createMediaStreamSource(stream).connect(analyser);
    const bins = new Float32Array(analyser.frequencyBinCount);
    const sum = new Float32Array(analyser.frequencyBinCount);
    for (let i = 0; i < 15; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      analyser.getFloatFrequencyData(bins);
      for (let b = 0; b < bins.length; b++)
        sum[b] = (sum[b] ?? 0) + Math.max(-200, bins[b] ?? -200);
    }
    let best = 1;
    for (let b = 2; b < sum.length; b++) if ((sum[b] ?? 0) > (sum[best] ?? 0)) best = b;
    const hz = (best * context.sampleRate) / analyser.fftSize;
    const level = (sum[best] ?? -3000) / 15;
    await context.close();
    sink.srcObject = null;
    return level > -90 ? hz : -level;
  }, host);
}

/** Opens the widget and presses its call button. */
export async function call(page: Page) {
  await page.locator('frontdesk-call .launcher').click();
  await page.locator('frontdesk-call [role=dialog] .send').click();
}

/** The console in `browser`, signed in as operator@demo.test on `platformUrl`, softphone ready. */
export async function operatorConsole(browser: Browser, platformUrl: string): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Moscow',
  });
  const desk = await context.newPage();
  await desk.goto(`${platformUrl}/console/`);
  await desk.getByLabel('E-mail').fill('operator@demo.test');
  await desk.getByLabel('Password').fill('demo-password');
  await desk.keyboard.press('Enter');
  await expect
    .poll(() => desk.locator('.phone-status').textContent(), { timeout: 20_000 })
    .toMatch(/^Ready for calls/);
  return desk;
}

/** The stage of a call journey: the platform with its SIP edge, and two tone-microphone browsers. */
export interface CallStage {
  stage: Stage;
  /** The visitor's Chromium: its microphone plays {@link VISITOR_HZ}. */
  visitorBrowser: Browser;
  /** The operator's Chromium: its microphone plays {@link OPERATOR_HZ}. */
  operatorBrowser: Browser;
  /** Closes both browsers and the stage, and removes the tone files. */
  stop(): Promise<void>;
}

/**
 * Starts the stage with its SIP edge (and fails at once when Kamailio is not running) and the
 * visitor's and the operator's Chromium, each with its own tone (`visitorArgs`: extra flags of the
 * visitor's browser; `env`: more of the platform's environment, SMTP_URL say).
 */
export async function startCallStage(
  visitorArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<CallStage> {
  const stage = await startStage(new Date(), { sipEdge: {}, env });
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-call-'));
  const stop = async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
    await stage.stop();
    await rm(dir, { recursive: true, force: true });
  };
  const browsers: Browser[] = [];
  try {
    const status = stage.platform.platform.sipEdge?.status();
    if (status?.state !== 'running') {
      throw new Error(`the SIP edge is not running: ${JSON.stringify(status)}`);
    }
    await writeFile(join(dir, 'visitor.wav'), toneWav(VISITOR_HZ));
    await writeFile(join(dir, 'operator.wav'), toneWav(OPERATOR_HZ));
    browsers.push(
      ...(await Promise.all([
        launchWithMicrophone(join(dir, 'visitor.wav'), visitorArgs),
        launchWithMicrophone(join(dir, 'operator.wav')),
      ])),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const [visitorBrowser, operatorBrowser] = browsers as [Browser, Browser];
  return { stage, visitorBrowser, operatorBrowser, stop };
}
