import { describe, expect, it } from 'vitest';
import { dbColumnOf } from './columns';

describe('dbColumnOf', () => {
  it('stores a reference as the id it names, other columns as they are', () => {
    expect(['owner_email', 'assignee_email', 'user_email', 'account_external_id', 'ticket_external_id'].map(dbColumnOf))
      .toEqual(['owner_id', 'assignee_id', 'user_id', 'account_id', 'ticket_id']);
    expect(['email', 'external_id', 'amount', 'team'].map(dbColumnOf)).toEqual(['email', 'external_id', 'amount', 'team']);
  });
});
