import {
  PresenceSchema,
  type PublicPresence,
  PublicPresenceSchema,
  readPresence,
} from '@frontdesk/config';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

/** The answer as the schema reads it (unknown keys dropped): what `readPresence` must give. */
function parsePresence(input: unknown): PublicPresence | undefined {
  const parsed = v.safeParse(PublicPresenceSchema, input);
  return parsed.success ? parsed.output : undefined;
}

describe('PublicPresenceSchema', () => {
  it('takes the three states, and a chat callback channel beside them', () => {
    for (const presence of ['online', 'busy', 'nobody'] as const) {
      expect(v.parse(PresenceSchema, presence)).toBe(presence);
    }
    expect(v.parse(PublicPresenceSchema, { presence: 'nobody', callback: 'busy' })).toEqual({
      presence: 'nobody',
      callback: 'busy',
    });
  });

  it('refuses anything else, naming the field', () => {
    const result = v.safeParse(PublicPresenceSchema, { presence: 'away' });
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe('must be "online", "busy" or "nobody"');
    expect(v.safeParse(PublicPresenceSchema, { presence: 'online', callback: true }).success).toBe(
      false,
    );
  });
});

describe('parsePresence', () => {
  it('reads an answer, dropping what it does not know, and gives undefined for anything else', () => {
    expect(parsePresence({ presence: 'busy', later: 1 })).toEqual({ presence: 'busy' });
    expect(parsePresence({ error: { code: 'widget_not_found' } })).toBeUndefined();
    expect(parsePresence(null)).toBeUndefined();
  });
});

describe('readPresence (the launchers’, without valibot)', () => {
  it('reads every answer as parsePresence does', () => {
    const answers: unknown[] = [
      { presence: 'busy', later: 1 },
      { presence: 'nobody', callback: 'online' },
      { presence: 'online', callback: 'away' },
      { presence: 'away' },
      { error: { code: 'widget_not_found' } },
      null,
      'online',
      [],
    ];
    for (const answer of answers) expect(readPresence(answer)).toEqual(parsePresence(answer));
    expect(readPresence({ presence: 'nobody', callback: 'online' })).toEqual({
      presence: 'nobody',
      callback: 'online',
    });
  });
});
