/**
 * The edge's programs (Kamailio, rtpengine) run in process groups of their own and are stopped by
 * their PIDs: the whole group, so nothing they forked outlives them. Helpers shared by their
 * supervisors.
 */

import { createSocket } from 'node:dgram';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';

/** Waits `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A free TCP port on 127.0.0.1 (free now; the caller binds it right away). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A free UDP port on 127.0.0.1 (free now; the caller binds it right away). */
export async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => resolve());
  });
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

/**
 * Whether any process of group `pgid` is alive. Read from /proc, so that a zombie (an exited
 * process nobody reaped yet, which holds no socket) counts as gone; kill(0) where /proc is absent.
 */
export function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
  }
  return false;
}

/**
 * Ends what is left of the process group `pgid`: SIGTERM, then SIGKILL after 5 s. Resolves once
 * the group is gone; `outlived` is told when even SIGKILL did not end it within 3 s.
 */
export async function killGroup(
  pgid: number | undefined,
  outlived: (pgid: number) => void,
): Promise<void> {
  if (pgid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // Already gone.
    }
  };
  if (!groupAlive(pgid)) return;
  signalGroup('SIGTERM');
  const deadline = Date.now() + 5_000;
  while (groupAlive(pgid) && Date.now() < deadline) await delay(50);
  if (groupAlive(pgid)) {
    signalGroup('SIGKILL');
    const last = Date.now() + 3_000;
    while (groupAlive(pgid) && Date.now() < last) await delay(20);
    if (groupAlive(pgid)) outlived(pgid);
  }
}

/**
 * The PID in `pidFile` when that process still runs and its command line names `program` and
 * `marker` (this edge's config or runtime directory): a program an earlier run of the platform
 * left behind when it was killed. Undefined otherwise, so a reused PID is never touched.
 */
export async function leftoverPid(
  pidFile: string,
  program: string,
  marker: string,
): Promise<number | undefined> {
  let pid: number;
  try {
    pid = Number((await readFile(pidFile, 'utf8')).trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 1) return undefined;
  let commandLine = '';
  try {
    commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
  } catch {
    return undefined;
  }
  return commandLine.includes(program) && commandLine.includes(marker) ? pid : undefined;
}
