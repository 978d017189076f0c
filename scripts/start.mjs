// `npm start`: runs everything Frontdesk has, seeded with the demo account. Today that is the
// platform; the SIP edge, demo site, Studio and console join it as their issues land (README).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8080';
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;

const platform = spawn(process.execPath, ['packages/platform/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    PUBLIC_URL: publicUrl,
    DATA_DIR: process.env.DATA_DIR ?? '.data',
    SEED_DEMO: '1',
    LOG: process.env.LOG ?? '0',
    ASSET_DIRS: ['packages/loader/dist/browser'].map((dir) => `${root}${dir}`).join(':'),
  },
});

console.log(`Starting Frontdesk at ${publicUrl} — API: ${publicUrl}/v1/openapi.json`);
console.log(
  'Demo logins: admin@demo.test, marketer@demo.test, operator@demo.test, operator2@demo.test',
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => platform.kill('SIGTERM'));
}
platform.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
