// What the shared machine was doing during a `npm run bench:load` run (Linux /proc; null elsewhere):
// the load average, the server's memory and the CPU time it got. On 2 cores shared with other work,
// pages a second alone cannot tell a slow app from a starved one; the server's CPU share can.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The process and its direct children (next start's worker, if any). */
function family(pid: number): number[] {
  const r = spawnSync('ps', ['-o', 'pid=', '--pid', String(pid), '--ppid', String(pid)], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n').map(Number).filter((n) => n > 0) : [];
}

/** Resident memory of the server and its children, in MB. */
export function serverRssMb(pid: number): number | null {
  const r = spawnSync('ps', ['-o', 'rss=', '--pid', String(pid), '--ppid', String(pid)], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const kb = r.stdout.split('\n').map(Number).filter((n) => n > 0).reduce((a, b) => a + b, 0);
  return kb ? kb / 1024 : null;
}

/** CPU seconds (user + system) the server and its children have used so far. */
export function serverCpuSeconds(pid: number): number | null {
  let sum = 0;
  for (const p of family(pid)) {
    const c = processCpuSeconds(p);
    if (c == null) return null;
    sum += c;
  }
  return sum || null;
}

/** The 1-minute load average. */
export function loadAverage(): number | null {
  try { return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]); } catch { return null; }
}

/** CPU seconds of one process (user + system), or null when it is gone or unreadable. Linux counts in
 * clock ticks of 1/100 s (getconf CLK_TCK) on every common build; utime and stime are the 12th and 13th
 * fields after the command's closing parenthesis. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const rest = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(rest[11]) + Number(rest[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds per PostgreSQL backend pid (the database runs on this machine), for a set of pids. */
export function cpuByPid(pids: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of pids) {
    const c = processCpuSeconds(p);
    if (c != null) out.set(p, c);
  }
  return out;
}

/** CPU used between two readings; a pid first seen in `after` counts from its start (it began during the window). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, c] of after) sum += c - (before.get(pid) ?? 0);
  return sum;
}

/**
 * Starts measuring the CPU the servers and the database's backends (`backendPids`, read at both ends)
 * use; stop() gives each in cores over the wall time between (1 = one core all the time).
 */
export async function startCpuMeter(serverPids: readonly number[], backendPids: () => Promise<number[]>) {
  const servers = () => serverPids.reduce<number | null>((a, p) => { const c = serverCpuSeconds(p); return a == null || c == null ? null : a + c; }, 0);
  const s0 = servers();
  const d0 = cpuByPid(await backendPids());
  const t0 = performance.now();
  return {
    stop: async (): Promise<{ serverCores: number | null; dbCores: number | null }> => {
      const s1 = servers();
      const d1 = cpuByPid(await backendPids());
      const wall = (performance.now() - t0) / 1000;
      return { serverCores: s0 != null && s1 != null ? (s1 - s0) / wall : null, dbCores: d1.size ? cpuBetween(d0, d1) / wall : null };
    },
  };
}
