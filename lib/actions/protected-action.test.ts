import { describe, expect, it, vi } from 'vitest';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { SessionUser } from '@/lib/access';
import {
  FAILED_MESSAGE, FORBIDDEN_MESSAGE, NOT_SIGNED_IN_MESSAGE, formDataToObject, protectedAction, toActionResult,
} from './protected-action';

const member: SessionUser = { id: 7, email: 'm@x.test', name: 'M', role: 'member', department: 'sales', teamId: 1, managedTeamIds: [] };
const manager: SessionUser = { ...member, id: 8, role: 'manager', managedTeamIds: [1] };

const schema = z.object({
  title: z.string().trim().min(3, 'Title needs 3 characters or more'),
  target: z.coerce.number().positive('Target must be above zero'),
  password: z.string().optional(),
});

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe('protectedAction', () => {
  it('refuses a signed-out caller without running the handler', async () => {
    const handler = vi.fn();
    const action = protectedAction('goals.write', schema, handler, { getUser: async () => null });
    const state = await action(null, form([['title', 'Grow'], ['target', '5']]));
    expect(state).toEqual({ ok: false, error: NOT_SIGNED_IN_MESSAGE, values: { title: 'Grow', target: '5' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a user whose role lacks the permission', async () => {
    const handler = vi.fn();
    const action = protectedAction('goals.write', schema, handler, { getUser: async () => member });
    const state = await action(null, form([['title', 'Grow'], ['target', '5']]));
    expect(state).toMatchObject({ ok: false, error: FORBIDDEN_MESSAGE });
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns every field error and the non-secret values on invalid input', async () => {
    const handler = vi.fn();
    const action = protectedAction('goals.write', schema, handler, { getUser: async () => manager });
    const state = await action(null, form([['title', 'ab'], ['target', '-1'], ['password', 'hunter2']]));
    expect(handler).not.toHaveBeenCalled();
    expect(state).toEqual({
      ok: false,
      error: 'Some fields need attention.',
      fieldErrors: { title: ['Title needs 3 characters or more'], target: ['Target must be above zero'] },
      values: { title: 'ab', target: '-1' },
    });
  });

  it('passes the parsed input and the server-side user to the handler', async () => {
    const handler = vi.fn(async (input: z.output<typeof schema>, user: SessionUser) =>
      ({ ok: true as const, message: `${input.title}:${input.target}:${user.id}` }));
    const action = protectedAction('goals.write', schema, handler, { getUser: async () => manager });
    // A forged user id in the form changes nothing: the user comes from the session loader.
    const state = await action(null, form([['title', '  Grow  '], ['target', '12.5'], ['userId', '1']]));
    expect(state).toEqual({ ok: true, message: 'Grow:12.5:8' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('turns an unexpected handler error into a generic message (no internals leak)', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const action = protectedAction('records.write', schema, async () => {
      throw new Error('duplicate key value violates unique constraint "deals_pkey"');
    }, { getUser: async () => member });
    const state = await action(null, form([['title', 'Grow'], ['target', '3']]));
    expect(state).toEqual({ ok: false, error: FAILED_MESSAGE, values: { title: 'Grow', target: '3' } });
    errors.mockRestore();
  });

  it('says the database is unavailable when it is', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const action = protectedAction('records.write', schema, async () => { throw down; }, { getUser: async () => member });
    const state = await action(null, form([['title', 'Grow'], ['target', '3']]));
    expect(state).toMatchObject({ ok: false, error: 'The database is unavailable, try again shortly.' });
    errors.mockRestore();
  });

  it("lets Next's redirect() through", async () => {
    const action = protectedAction('records.write', schema, async () => redirect('/records/deals/1'), { getUser: async () => member });
    await expect(action(null, form([['title', 'Grow'], ['target', '3']]))).rejects.toMatchObject({
      digest: expect.stringContaining('NEXT_REDIRECT'),
    });
  });
});

describe('formDataToObject', () => {
  it('keeps repeated keys as arrays and drops files and $ACTION keys', () => {
    const fd = new FormData();
    fd.append('tag', 'a');
    fd.append('tag', 'b');
    fd.append('$ACTION_ID_abc', '');
    fd.append('file', new Blob(['x']), 'x.csv');
    fd.append('name', 'n');
    expect(formDataToObject(fd)).toEqual({ tag: ['a', 'b'], name: 'n' });
  });
});

describe('toActionResult', () => {
  it('gives the form a refusal as the domain wrote it, and of a success only its id and message', () => {
    const refusal = { ok: false as const, error: 'Some fields need attention.', fieldErrors: { name: ['is taken'] } };
    expect(toActionResult(refusal)).toEqual(refusal);
    expect(toActionResult({ ok: true, id: 4, message: 'Saved.', link: '/set-password?t=x' })).toEqual({ ok: true, id: 4, message: 'Saved.' });
  });
});
