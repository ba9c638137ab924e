// [SCRIPTS] Server env defaults shared by `npm start` and `npm run demo`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverEnv } from './server-env';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'crm-env-'));

describe('[SCRIPTS] serverEnv', () => {
  it('defaults to port 3000, NEXTAUTH_URL from the port, and a secret persisted across restarts', () => {
    const dir = tmp();
    const a = serverEnv({}, dir);
    expect(a.port).toBe(3000);
    expect(a.env.NEXTAUTH_URL).toBe('http://localhost:3000');
    expect(a.env.NEXTAUTH_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(a.secretFile).toBe(path.join(dir, 'nextauth-secret'));
    expect(fs.statSync(a.secretFile!).mode & 0o077).toBe(0);
    const b = serverEnv({}, dir);
    expect(b.env.NEXTAUTH_SECRET).toBe(a.env.NEXTAUTH_SECRET);
    expect(serverEnv({}, tmp()).env.NEXTAUTH_SECRET).not.toBe(a.env.NEXTAUTH_SECRET);
  });

  it('takes PORT for the URL, and explicit NEXTAUTH_URL / NEXTAUTH_SECRET win without touching the file', () => {
    const dir = tmp();
    expect(serverEnv({ PORT: '4123' }, dir)).toMatchObject({ port: 4123, url: 'http://localhost:4123' });
    const e = serverEnv({ PORT: '4123', NEXTAUTH_URL: 'https://crm.example.com', NEXTAUTH_SECRET: 'given-secret' }, tmp());
    expect(e.env).toMatchObject({ PORT: '4123', NEXTAUTH_URL: 'https://crm.example.com', NEXTAUTH_SECRET: 'given-secret' });
    expect(e.secretFile).toBeNull();
    expect(serverEnv({ PORT: 'nonsense' }, dir).port).toBe(3000);
  });
});
