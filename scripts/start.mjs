// `npm start`: runs everything Frontdesk has, seeded with the demo account: the platform with
// its SIP edge (Kamailio), the operator console and the Studio, the demo site (its widgets
// come from the platform), and the messenger sandbox that stands in for Telegram (no machine
// here reaches the real one), with the platform pointed at it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8080';
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const demoPort = process.env.DEMO_PORT ?? '8090';
const demoSiteUrl = process.env.DEMO_SITE_URL ?? `http://127.0.0.1:${demoPort}`;
const sandboxPort = process.env.MESSENGER_SANDBOX_PORT ?? '8070';
const sandboxTelegramPort = process.env.MESSENGER_SANDBOX_TELEGRAM_PORT ?? '8071';
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
/** Folders of the browser bundles the platform serves at /v1/loader.js and /v1/assets/. */
const assetDirs = [
  'packages/loader/dist/browser',
  'packages/callback/dist/browser',
  'packages/call/dist/browser',
  'packages/chat/dist/browser',
];

const platform = spawn(process.execPath, ['packages/platform/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    PUBLIC_URL: publicUrl,
    DATA_DIR: process.env.DATA_DIR ?? '.data',
    SEED_DEMO: '1',
    SIP_EDGE: process.env.SIP_EDGE ?? '1',
    DEMO_SITE_URL: demoSiteUrl,
    LOG: process.env.LOG ?? '0',
    ASSET_DIRS: assetDirs.map((dir) => `${root}${dir}`).join(':'),
    TELEGRAM_API_URL: process.env.TELEGRAM_API_URL ?? `http://127.0.0.1:${sandboxTelegramPort}`,
    MESSENGER_LINK_BASE: process.env.MESSENGER_LINK_BASE ?? `${sandboxUrl}/telegram`,
  },
});

const sandbox = spawn(process.execPath, ['packages/messenger-sandbox/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    MESSENGER_SANDBOX_PORT: sandboxPort,
    MESSENGER_SANDBOX_TELEGRAM_PORT: sandboxTelegramPort,
  },
});

const demo = spawn(process.execPath, ['demo/serve.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: demoPort, PLATFORM_URL: publicUrl },
});

console.log(`Starting Frontdesk at ${publicUrl} — API: ${publicUrl}/v1/openapi.json`);
console.log(
  `Demo site: ${demoSiteUrl} (home page: the shop with all three widgets; the plain callback page /callback.html, office hours, link and label codes, call, strict CSP, hostile CSS, English and Russian pages)`,
);
console.log(`Operator console: ${publicUrl}/console/`);
console.log(`Studio (marketers configure widgets): ${publicUrl}/studio/`);
console.log(
  'Demo logins: admin@demo.test, marketer@demo.test, operator@demo.test, operator2@demo.test',
);
console.log(
  `Messenger sandbox (play the customer in Telegram; make a bot there, paste its token in the Studio): ${sandboxUrl}`,
);

const children = [platform, demo, sandbox];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}
// Either one ending ends both: a half-running quick start is worse than none.
for (const child of children) {
  child.on('exit', (code, signal) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
