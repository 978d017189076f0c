import { uuid } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('uuid', () => {
  it('makes distinct version-4 UUIDs', () => {
    const made = new Set(Array.from({ length: 200 }, uuid));
    expect(made.size).toBe(200);
    for (const id of made)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
