import { describe, expect, it } from 'vitest';
import { DRILLABLE_ENTITIES, ENTITY_CATALOGUE, ENTITY_NAMES, RECORD_ENTITIES, entityOfSlug, parseEntityName, recordEntityOfSlug, recordHref } from './catalogue';

describe('entity catalogue', () => {
  it('names each entity by its table, with one slug each', () => {
    for (const n of ENTITY_NAMES) expect(ENTITY_CATALOGUE[n].table).toBe(n);
    expect(new Set(ENTITY_NAMES.map((n) => ENTITY_CATALOGUE[n].slug)).size).toBe(ENTITY_NAMES.length);
  });

  it('maps URL slugs to names and back', () => {
    expect(entityOfSlug('survey-responses')).toBe('survey_responses');
    expect(entityOfSlug('survey_responses')).toBeNull();
    expect(recordEntityOfSlug('expenses')).toBeNull();
    expect(recordEntityOfSlug('deals')).toBe('deals');
    expect(recordHref('survey_responses', 4)).toBe('/records/survey-responses/4');
    expect(recordHref('deals')).toBe('/records/deals');
  });

  it('lists record pages and drill-downs', () => {
    expect(RECORD_ENTITIES).toEqual(['accounts', 'campaigns', 'leads', 'deals', 'orders', 'tickets', 'survey_responses']);
    expect(DRILLABLE_ENTITIES).not.toContain('activities');
  });

  it('reads what a user types', () => {
    for (const s of ['survey-responses', 'Survey Responses', 'survey_responses.csv']) expect(parseEntityName(s)).toBe('survey_responses');
    expect(parseEntityName('surveys')).toBeNull();
  });
});
