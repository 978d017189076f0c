import { defaultSettings, parseSettings } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { NO_TRIGGERS, patched } from './helpers';

const callback = (changes: Record<string, unknown>) =>
  patched(defaultSettings('callback'), changes);

const issues = (input: unknown) => {
  const result = parseSettings(input);
  return result.ok ? [] : result.issues;
};
const paths = (input: unknown) => issues(input).map((i) => i.path);

const manual = { kind: 'manual', emails: ['sales@shop.example'], smsNumbers: [] };

describe('callback settings', () => {
  it('accepts manual mode with e-mails, SMS numbers or both', () => {
    for (const mode of [
      manual,
      { ...manual, emails: [], smsNumbers: ['+79161234567'] },
      { ...manual, emails: ["o'brien+calls@shop.example"], smsNumbers: ['+375291234567'] },
    ]) {
      expect(paths(callback({ mode }))).toEqual([]);
    }
  });

  it('needs at least one recipient in manual mode', () => {
    expect(issues(callback({ mode: { ...manual, emails: [] } }))).toEqual([
      { path: 'mode.emails', message: 'give at least one e-mail address or SMS number to notify' },
    ]);
  });

  it.each([
    [
      'a bad e-mail',
      { ...manual, emails: ['sales@shop.example', 'sales at shop'] },
      'mode.emails[1]',
    ],
    ['an e-mail without a dotted domain', { ...manual, emails: ['ivan@mailru'] }, 'mode.emails[0]'],
    [
      'an e-mail with a line break',
      { ...manual, emails: ['a@b.example\nBcc: x@y.example'] },
      'mode.emails[0]',
    ],
    ['a number without +', { ...manual, smsNumbers: ['89161234567'] }, 'mode.smsNumbers[0]'],
    ['a number with spaces', { ...manual, smsNumbers: ['+7 916 123-45-67'] }, 'mode.smsNumbers[0]'],
    [
      'too many e-mails',
      { ...manual, emails: Array.from({ length: 11 }, (_, i) => `s${i}@shop.example`) },
      'mode.emails',
    ],
    ['an unknown mode', { kind: 'smart' }, 'mode.kind'],
  ])('puts %s at its field', (_, mode, path) => {
    expect(paths(callback({ mode }))).toEqual([path]);
  });

  it('checks the automatic mode', () => {
    const external = (number: string) =>
      callback({ 'mode.addressee': { kind: 'external', number } });
    expect(paths(external('+74951234567'))).toEqual([]);
    expect(paths(external('84951234567'))).toEqual(['mode.addressee.number']);
    expect(paths(callback({ 'mode.outgoingNumber': 'office' }))).toEqual(['mode.outgoingNumber']);
    const nowhere = { local: false, national: false, international: false };
    expect(paths(callback({ 'mode.directions': nowhere }))).toEqual(['mode.directions']);
  });

  it('allows the lead generator only in automatic mode', () => {
    expect(paths(callback({ 'leadGenerator.enabled': true }))).toEqual([]);
    expect(issues(callback({ mode: manual, 'leadGenerator.enabled': true }))).toEqual([
      { path: 'leadGenerator.enabled', message: 'the lead generator works only in automatic mode' },
    ]);
    // Off, it may keep its settings in manual mode, ready for a switch back.
    expect(paths(callback({ mode: manual }))).toEqual([]);
  });

  it('reports the manual-mode rules alongside unrelated problems', () => {
    const input = callback({
      mode: { ...manual, emails: [] },
      'leadGenerator.enabled': true,
      'appearance.primaryColor': 'nope',
    });
    expect(paths(input).sort()).toEqual([
      'appearance.primaryColor',
      'leadGenerator.enabled',
      'mode.emails',
    ]);
  });

  it('does not run the recipients rule on broken recipients', () => {
    const input = callback({ mode: { ...manual, emails: 'x' }, 'leadGenerator.enabled': true });
    expect(paths(input).sort()).toEqual(['leadGenerator.enabled', 'mode.emails']);
    expect(issues(input).find((i) => i.path === 'mode.emails')?.message).toBe(
      'must be a list of e-mail addresses',
    );
  });

  it('needs a trigger when the lead generator is on', () => {
    const input = callback({
      'leadGenerator.enabled': true,
      'leadGenerator.triggers': NO_TRIGGERS,
    });
    expect(issues(input)).toEqual([
      {
        path: 'leadGenerator.triggers',
        message: 'choose at least one trigger, or turn the lead generator off',
      },
    ]);
    expect(paths(callback({ 'leadGenerator.triggers': NO_TRIGGERS }))).toEqual([]);
  });

  it.each([
    ['scroll depth over 100 %', 'leadGenerator.triggers.scrollDepth.percent', 101],
    ['a fractional page count', 'leadGenerator.triggers.pagesViewed.count', 2.5],
    ['zero seconds on the page', 'leadGenerator.triggers.timeOnPage.seconds', 0],
    ['NaN as a repeat frequency', 'leadGenerator.repeatAfterHours', Number.NaN],
    ['an unknown call format', 'appearance.callFormat', 'tab'],
    ['an unknown display', 'appearance.display', 'fullscreen'],
    ['an empty lead-generator title', 'appearance.leadGenerator.title.ru', ''],
  ])('puts %s at its field', (_, path, value) => {
    expect(paths(callback({ [path]: value }))).toEqual([path]);
  });

  it('takes the figured shape', () => {
    expect(paths(callback({ 'appearance.shape': 'figured' }))).toEqual([]);
  });
});
