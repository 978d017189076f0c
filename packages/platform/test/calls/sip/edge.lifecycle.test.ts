/**
 * The SIP edge's life: Kamailio started by the platform on loopback only (TCP, no UDP, no 5060),
 * restarted when it dies, stopped with the platform by its PID; and a platform without Kamailio
 * that keeps running with calls marked unavailable.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { type AddressInfo, connect, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, groupAlive } from '../../../src/calls/sip/process-group';
import { ngCommand } from '../../../src/calls/sip/rtpengine-ng';
import { RESTART_MS } from '../../support/arrival';
import { sqliteEngine, type TestDatabase } from '../../support/databases';
import { startPlatform, type TestPlatform } from '../../support/platform';
import {
  callCredentials,
  callWidget,
  type EdgePlatform,
  operatorCredentials,
  restartedAfterKill,
  startEdgePlatform,
  visitorAgent,
} from './edge-support';

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The processes of group `pgid`. */
function groupPids(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pgid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The sockets (by inode) the processes hold. */
function socketInodes(pids: number[]): Set<string> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m?.[1]) inodes.add(m[1]);
      } catch {
        // Closed meanwhile.
      }
    }
  }
  return inodes;
}

/** Rows of /proc/net/<table> as local address, port, state and inode. */
function netTable(table: string) {
  let text = '';
  try {
    text = readFileSync(`/proc/net/${table}`, 'utf8');
  } catch {
    return [];
  }
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const f = line.trim().split(/\s+/);
      const [address = '', port = ''] = (f[1] ?? '').split(':');
      return { address, port: Number.parseInt(port, 16), state: f[3], inode: f[9] ?? '' };
    });
}

describe('the SIP edge process', () => {
  let p: EdgePlatform;

  beforeAll(async () => {
    p = await startEdgePlatform();
  }, 30_000);
  afterAll(async () => {
    await p?.close();
  });

  it('listens on loopback only: WebSocket, RPC and the trunks’ side over TCP (and TLS), UDP for the loop and the trunks, nothing on 5060', () => {
    const pid = p.edge.status().pid ?? 0;
    const inodes = socketInodes(groupPids(pid));
    const tcp = netTable('tcp').filter((row) => inodes.has(row.inode) && row.state === '0A');
    const tcp6 = netTable('tcp6').filter((row) => inodes.has(row.inode) && row.state === '0A');
    // Bound, unconnected UDP sockets (state 07) would listen; the rtpengine module's sockets to
    // rtpengine are connected ones (01).
    const udp = [...netTable('udp'), ...netTable('udp6')].filter(
      (row) => inodes.has(row.inode) && row.state === '07',
    );
    expect(tcp.map((row) => row.port)).toContain(p.edge.status().wsPort);
    // 0100007F is 127.0.0.1.
    expect(tcp.every((row) => row.address === '0100007F')).toBe(true);
    // WebSocket, RPC, the trunks' side (TCP and TLS).
    expect(tcp).toHaveLength(4);
    expect(tcp6).toEqual([]);
    // The loop and the trunks' side.
    expect(udp).toHaveLength(2);
    expect(udp.every((row) => row.address === '0100007F')).toBe(true);
    const sip = [...netTable('tcp'), ...netTable('udp')].filter((row) => row.port === 5060);
    expect(sip).toEqual([]);
  });

  it(
    'restarts Kamailio when it dies, with its tables loaded again',
    async () => {
      const { t, edge } = p;
      const widget = await callWidget(t);
      const before = edge.status();
      expect(before.state).toBe('running');
      // A crash: the main process dies at once.
      process.kill(before.pid ?? 0, 'SIGKILL');
      const after = await restartedAfterKill(edge, before);
      expect(after).toMatchObject({ state: 'running', restarts: before.restarts + 1 });
      expect(after.pid).not.toBe(before.pid);
      expect(after.wsPort).toBe(before.wsPort);
      expect(groupAlive(before.pid ?? 0)).toBe(false);
      // The widget's origins and line are back: its visitor gets to the line (nobody there: 480).
      const credentials = await callCredentials(t, widget);
      const visitor = await visitorAgent(credentials);
      expect((await visitor.invite(credentials.target)).final.status).toBe(480);
      await visitor.socket.close();
    },
    RESTART_MS + 30_000,
  );

  it('runs rtpengine beside Kamailio: userspace, media and control on loopback only', async () => {
    const { media } = p.edge.status();
    expect(media.state).toBe('running');
    const pid = media.pid ?? 0;
    expect(await ngCommand(media.ngPort ?? 0, { command: 'ping' })).toEqual({ result: 'pong' });
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(commandLine).toEqual(
      expect.arrayContaining([
        '--config-file=none',
        '--table=-1',
        '--interface=127.0.0.1',
        `--listen-ng=127.0.0.1:${media.ngPort}`,
        '--foreground',
        `--pidfile=${p.edge.mediaPidFile}`,
      ]),
    );
    expect(readFileSync(p.edge.mediaPidFile, 'utf8').trim()).toBe(String(pid));
    const inodes = socketInodes(groupPids(pid));
    const sockets = ['tcp', 'tcp6', 'udp', 'udp6'].flatMap((table) =>
      netTable(table).filter((row) => inodes.has(row.inode)),
    );
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.every((row) => row.address === '0100007F')).toBe(true);
  });

  it(
    'restarts rtpengine when it dies, and Kamailio uses the new one',
    async () => {
      const before = p.edge.status();
      process.kill(before.media.pid ?? 0, 'SIGKILL');
      const after = await restartedAfterKill(p.edge, before, 'media');
      expect(after.media).toMatchObject({
        state: 'running',
        restarts: before.media.restarts + 1,
        ngPort: before.media.ngPort,
      });
      expect(groupAlive(before.media.pid ?? 0)).toBe(false);
      // Kamailio was not touched, and its rtpengine module finds the relay enabled again.
      expect(after.pid).toBe(before.pid);
      const engines = JSON.stringify(await p.edge.rpc('rtpengine.show', ['all']));
      expect(engines).toContain(`127.0.0.1:${before.media.ngPort}`);
      expect(engines).toMatch(/"disabled":\s*0/);
    },
    RESTART_MS + 30_000,
  );

  it('stops with the platform: PID gone, PID file removed, port free', async () => {
    const { pid, wsPort, media } = p.edge.status();
    expect(pid).toBeGreaterThan(0);
    expect(await listening(wsPort ?? 0)).toBe(true);
    await expect(access(p.edge.pidFile)).resolves.toBeUndefined();
    await p.t.close();
    expect(p.edge.status().state).toBe('stopped');
    expect(groupAlive(pid ?? 0)).toBe(false);
    expect(() => process.kill(pid ?? 0, 0)).toThrow();
    expect(await listening(wsPort ?? 0)).toBe(false);
    await expect(access(p.edge.pidFile)).rejects.toThrow();
    // rtpengine too.
    expect(groupAlive(media.pid ?? 0)).toBe(false);
    expect(p.edge.status().media.state).toBe('stopped');
    await expect(access(p.edge.mediaPidFile)).rejects.toThrow();
    await expect(ngCommand(media.ngPort ?? 0, { command: 'ping' }, 300)).rejects.toThrow();
  });
});

describe('a port another program takes between its pick and Kamailio’s start', () => {
  let p: EdgePlatform | undefined;
  const holder = createServer();

  afterAll(async () => {
    await p?.close();
    await new Promise((resolve) => holder.close(resolve));
  });

  it(
    'is picked again: the next start listens elsewhere and runs',
    async () => {
      await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
      const taken = (holder.address() as AddressInfo).port;
      // The edge's first pick (its WebSocket port) is the port this test holds, as if another
      // program had bound it since it was found free.
      let picks = 0;
      p = await startEdgePlatform({
        pickPort: () => (picks++ === 0 ? Promise.resolve(taken) : freePort()),
      });
      const status = p.edge.status();
      expect(status.state).toBe('running');
      expect(status.restarts).toBe(1);
      expect(status.wsPort).not.toBe(taken);
      expect(await listening(status.wsPort ?? 0)).toBe(true);
    },
    RESTART_MS + 30_000,
  );
});

describe('a platform whose Kamailio is missing', () => {
  let database: TestDatabase;
  let t: TestPlatform;
  const warnings: string[] = [];
  const warn = console.warn;

  beforeAll(async () => {
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    database = await sqliteEngine.open();
    t = await startPlatform(database, {
      env: { SIP_EDGE: '1', SIP_WS_PORT: '0', SIP_KAMAILIO: '/nonexistent/sbin/kamailio' },
    });
  });
  afterAll(async () => {
    console.warn = warn;
    await t?.close();
    await database?.drop();
  });

  it('keeps running, says how to install Kamailio, and answers 503 calls_unavailable', async () => {
    const status = t.platform.sipEdge?.status();
    expect(status?.state).toBe('unavailable');
    const hint =
      'apt-get install kamailio kamailio-websocket-modules kamailio-autheph-modules kamailio-utils-modules';
    expect(status?.message).toContain(hint);
    expect(warnings.join('\n')).toContain(hint);

    const widget = await callWidget(t);
    expect((await t.request(`/v1/widgets/${widget.key}/config`)).status).toBe(200);
    const response = await t.request(`/v1/widgets/${widget.key}/call-credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('calls_unavailable');
    await expect(operatorCredentials(t)).rejects.toThrow(/503.*calls_unavailable/);
  });
});
