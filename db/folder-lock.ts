// A lock file beside the PGlite folder: PGlite itself does not stop a second process from opening
// (and corrupting) the same folder, so every process that opens it takes this lock first.
import fs from 'node:fs';

export interface FolderLock { path: string; release: () => void }

export class DatabaseLockedError extends Error {
  constructor(public readonly dataDir: string, public readonly pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (probably the running app server). ` +
        `Stop that process first, or point this command at Postgres with DATABASE_URL.`,
    );
    this.name = 'DatabaseLockedError';
  }
}

/**
 * Whether a process still runs (the lock's holder here; the e2e harness's leftovers in scripts/).
 * Signal 0 checks without signalling; EPERM means it exists under another user.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireFolderLock(dataDir: string): FolderLock {
  const lockPath = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch { /* already gone */ }
        process.off('exit', release);
      };
      process.on('exit', release);
      return { path: lockPath, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseLockedError(dataDir, pid);
      // A stale lock from a process that died (or our own from an earlier open): take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
