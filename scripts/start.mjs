// `npm start`: runs everything Frontdesk has, seeded with the demo account: the platform with
// its SIP edge (Kamailio), the operator console and the Studio, and the demo site (its widgets
// come from the platform).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8080';
const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
const demoPort = process.env.DEMO_PORT ?? '8090';
const demoSiteUrl = process.env.DEMO_SITE_URL ?? `http://127.0.0.1:${demoPort}`;
// The platform finds the widget bundles it serves itself: the workspace's packages/*/dist/browser.
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
    // The demo site runs on loopback: let the Studio's "test on my site" load its pages.
    SITE_CHECK_PRIVATE: process.env.SITE_CHECK_PRIVATE ?? '1',
    LOG: process.env.LOG ?? '0',
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

const children = [platform, demo];
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
