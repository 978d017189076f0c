#!/usr/bin/env node
/**
 * Regenerates `src/phone-metadata.ts` from the installed libphonenumber-js:
 *
 *   node packages/callback/scripts/generate-phone-metadata.mjs
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderModule } from './phone-metadata.mjs';

const output = fileURLToPath(new URL('../src/phone-metadata.ts', import.meta.url));
writeFileSync(output, renderModule());
console.log(`wrote ${output}`);
