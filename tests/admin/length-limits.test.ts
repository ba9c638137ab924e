// The admin's user form has the limits the import and the database have (data-contract.md): an
// over-long e-mail or name is a field error, not a database error after the form passed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createUserSchema } from '@/lib/admin/schemas';

const errorsOf = (input: Record<string, string>) => {
  const r = createUserSchema.safeParse({ role: 'member', passwordMode: 'link', ...input });
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe('[ADMIN] user form text limits', () => {
  it('e-mails up to 254 characters, names up to 200', () => {
    const mail = (n: number) => `${'u'.repeat(n - 5)}@a.io`;
    expect(errorsOf({ name: 'Ann', email: mail(254) })).toEqual({});
    expect(errorsOf({ name: 'Ann', email: mail(255) })).toEqual({ email: ['At most 254 characters.'] });
    expect(errorsOf({ name: 'N'.repeat(200), email: 'ann@a.io' })).toEqual({});
    expect(errorsOf({ name: 'N'.repeat(100_000), email: 'ann@a.io' })).toEqual({ name: ['At most 200 characters.'] });
  });
});
