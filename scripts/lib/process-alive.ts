// Whether a process still runs, to tell a dead harness's leftovers from a live one's. Signal 0 checks
// without signalling; EPERM means it exists under another user. (db/folder-lock.ts keeps its own copy:
// db/ uses nothing of scripts/.)
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
