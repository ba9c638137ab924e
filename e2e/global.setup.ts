// Signs in once per demo role through next-auth's API and saves the session (storageState) for the
// specs: test.use({ storageState: authFile('manager') }).
import { test as setup, expect } from '@playwright/test';
import { authFile, DEMO_USERS, ROLES, serverState, signInViaApi } from './fixtures';

setup.describe.configure({ mode: 'parallel' });

setup('the e2e database is a fresh local one', async () => {
  const state = serverState();
  if (state.databaseUrl) {
    const host = new URL(state.databaseUrl).hostname;
    expect(['127.0.0.1', 'localhost', '::1']).toContain(host);
    expect(state.databaseUrl).toMatch(/\/crm_e2e_\d+$/);
  } else {
    expect(state.dataDir).toMatch(/[/\\]\.data[/\\]e2e-\d+$/);
  }
});

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ request }) => {
    await signInViaApi(request, DEMO_USERS[role].email);
    const res = await request.get('/dashboard', { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    await request.storageState({ path: authFile(role) });
  });
}
