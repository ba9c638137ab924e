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
  let ticks = 0;
  for (const p of family(pid)) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const rest = fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch { return null; }
  }
  // Linux reports in clock ticks of 1/100 s (getconf CLK_TCK) on every common build.
  return ticks ? ticks / 100 : null;
}

/** The 1-minute load average. */
export function loadAverage(): number | null {
  try { return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]); } catch { return null; }
}
