// A fresh, migrated database for one test file: in-memory PGlite, or, when DATABASE_URL is set, a new
// database created on that server (and dropped afterwards). Tests never see data of an earlier run.
import postgres from 'postgres';
import { openDb, type DbHandle } from '@/db/client';
import { withDatabase } from '@/scripts/lib/postgres-url';

export interface TestDb extends DbHandle { url?: string }

export async function createTestDb(): Promise<TestDb> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return openDb({ dataDir: 'memory://' });
  const name = `crm_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const handle = await openDb({ url, max: 4 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      const a = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
