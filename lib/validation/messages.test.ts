// [RECORDS][FORM] Record form errors are whole sentences with dates as people read them.
import { describe, expect, it } from 'vitest';
import { fieldSentence, readableDates } from './messages';

describe('[RECORDS][FORM] fieldSentence', () => {
  it('the fragment of a cross-field rule becomes a sentence, its ISO timestamp a readable date and time', () => {
    expect(fieldSentence('First response', 'must not be before Opened (2026-11-20T10:00:00.000Z)'))
      .toBe('First response must not be before Opened (20 Nov 2026, 10:00).');
    expect(fieldSentence('Churned', 'must not be before Customer since (2025-03-01)')).toBe('Churned must not be before Customer since (1 Mar 2025).');
  });
  it('"is required" and list messages name the field; sentences stay as they are', () => {
    expect(fieldSentence('Closed', 'is required when the stage is won')).toBe('Closed is required when the stage is won.');
    expect(fieldSentence('Account', 'must be chosen from the list')).toBe('Account must be chosen from the list.');
    expect(fieldSentence('Amount', 'Invalid input: expected number.')).toBe('Invalid input: expected number.');
  });
  it('midnight is a day', () => {
    expect(readableDates('before 2026-01-05T00:00:00.000Z')).toBe('before 5 Jan 2026');
  });
});
