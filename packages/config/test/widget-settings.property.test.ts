import { parseSettings, type WidgetType } from '@frontdesk/config';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryWidgetSettings } from './arbitraries';

describe('parseSettings on generated settings', () => {
  it.each<WidgetType>(['call', 'callback', 'chat'])(
    'accepts every generated %s value and returns it unchanged',
    (type) => {
      fc.assert(
        fc.property(arbitraryWidgetSettings(type), (settings) => {
          const result = parseSettings(settings);
          if (!result.ok) expect.fail(JSON.stringify(result.issues));
          expect(result.value).toStrictEqual(settings);
          // What the schema returns it accepts again, unchanged: parsing is idempotent.
          expect(parseSettings(result.value)).toStrictEqual(result);
        }),
        { numRuns: 150 },
      );
    },
  );
});
