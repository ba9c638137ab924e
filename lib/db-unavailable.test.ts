import { describe, expect, it } from 'vitest';
import { DbUnavailableError, isDbUnavailable, isDbUnavailableDigest, withDbAvailability } from './db-unavailable';

describe('isDbUnavailable', () => {
  it('recognises network, postgres.js and SQLSTATE outage errors, also wrapped', () => {
    expect(isDbUnavailable(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error('x'), { code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDbUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
    // drizzle wraps driver errors in `cause`; Node may report several addresses in an AggregateError.
    expect(isDbUnavailable(new Error('Failed query', { cause: Object.assign(new Error('y'), { code: 'ECONNRESET' }) }))).toBe(true);
    expect(isDbUnavailable(new AggregateError([Object.assign(new Error('z'), { code: 'ECONNREFUSED' })]))).toBe(true);
  });

  it('does not mistake ordinary errors for an outage', () => {
    expect(isDbUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDbUnavailable(new Error('boom'))).toBe(false);
    expect(isDbUnavailable(null)).toBe(false);
  });
});

describe('withDbAvailability', () => {
  it('rethrows an outage as DbUnavailableError with a recognisable digest', async () => {
    const orig = console.error;
    console.error = () => {};
    const err = await withDbAvailability(async () => {
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }).catch((e: unknown) => e);
    console.error = orig;
    expect(err).toBeInstanceOf(DbUnavailableError);
    expect(isDbUnavailableDigest((err as DbUnavailableError).digest)).toBe(true);
    expect((err as Error).message).toBe('The database is unavailable, try again shortly.');
  });

  it('passes other errors and results through', async () => {
    await expect(withDbAvailability(async () => 3)).resolves.toBe(3);
    const boom = new Error('boom');
    await expect(withDbAvailability(async () => { throw boom; })).rejects.toBe(boom);
    expect(isDbUnavailableDigest('12345')).toBe(false);
  });
});
