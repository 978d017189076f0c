#!/usr/bin/env node
/**
 * Regenerates `src/calendar-data.ts` from production calendars in the xmlcalendar format.
 *
 *   node packages/schedule/scripts/generate-calendars.mjs [calendars-dir]
 *
 * `calendars-dir` holds `<country>/<YYYY>.xml` (ru, by, kz, uz); default: `shared/calendars` next
 * to the repository. The output is deterministic: same files, same module. See CALENDARS.md.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertSources, readSources, renderModule } from './calendar-xml.mjs';

const dir = process.argv[2]
  ? resolve(process.argv[2])
  : fileURLToPath(new URL('../../../../shared/calendars/', import.meta.url));
const output = fileURLToPath(new URL('../src/calendar-data.ts', import.meta.url));

const table = convertSources(readSources(dir));
writeFileSync(output, renderModule(table));

for (const [country, years] of Object.entries(table)) {
  const list = Object.keys(years);
  console.log(`${country}: ${list[0]}–${list[list.length - 1]} (${list.length} years)`);
}
console.log(`wrote ${output}`);
