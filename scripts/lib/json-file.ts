// The bench results kept in docs/*.json: read back (null when missing or unreadable, so a first run
// starts empty) and written pretty-printed with a final newline, as git diffs them.
import fs from 'node:fs';
import path from 'node:path';

export function readJsonFile<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeJsonFile(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
