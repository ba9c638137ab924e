// Column mapping: which file header feeds which contract column. Real exports name their columns
// their own way ("Opportunity ID", "deal_stage", "Close Value"), so an admin maps them; these helpers
// propose a mapping and guess the entity from the header row. Matching ignores case, spaces, '-', '_'
// and '.'.
import { ENTITIES, ENTITY_NAMES, parseEntityName, type EntityName } from '@/lib/validation';
import type { ColumnMapping, ImportError } from './types';

export function normalizeHeader(h: string): string {
  return h.toLowerCase().replace(/[\s_\-.#/()]+/g, '');
}

/** Per-entity words for "this record" (so `opportunity_id` names a deal's external_id). */
const SINGULARS: Record<EntityName, string[]> = {
  users: ['user'],
  accounts: ['account', 'customer', 'company', 'client'],
  campaigns: ['campaign'],
  leads: ['lead', 'prospect'],
  deals: ['deal', 'opportunity', 'opp'],
  orders: ['order', 'invoice', 'purchase', 'transaction'],
  tickets: ['ticket', 'case', 'issue'],
  survey_responses: ['response', 'survey', 'surveyresponse'],
  expenses: ['expense'],
  activities: ['activity', 'usage', 'event'],
};

/** Synonyms by contract column, used by every entity that has the column. Earlier = preferred. */
const COMMON: Record<string, string[]> = {
  external_id: ['id', 'externalid', 'key', 'recordid', 'ref'],
  name: ['name', 'title'],
  owner_email: ['owneremail', 'owner', 'email', 'repemail', 'salesrep', 'rep', 'assignedto', 'ownedby'],
  account_external_id: ['accountid', 'account', 'accountref', 'accountkey', 'customerid', 'customer', 'companyid', 'company', 'clientid'],
  campaign_external_id: ['campaignid', 'campaign', 'campaignref', 'campaignkey'],
  ticket_external_id: ['ticketid', 'ticket', 'ticketref', 'caseid'],
  assignee_email: ['assignee', 'assigneeemail', 'assignedto', 'agentemail', 'agent', 'owneremail', 'owner', 'email'],
  user_email: ['useremail', 'user', 'email', 'login', 'useraccount'],
  created_at: ['createdat', 'created', 'createdon', 'createddate', 'creationdate', 'createdtime', 'date', 'submittedat', 'submitted', 'opened', 'openedat', 'opendate'],
  product: ['product', 'productname', 'item', 'sku', 'plan'],
  amount: ['amount', 'value', 'total', 'price', 'revenue'],
};

const BY_ENTITY: Partial<Record<EntityName, Record<string, string[]>>> = {
  users: {
    email: ['email', 'emailaddress', 'mail', 'useremail', 'login'],
    name: ['name', 'fullname', 'displayname', 'username'],
    role: ['role', 'userrole', 'accesslevel'],
    department: ['department', 'dept', 'function'],
    team: ['team', 'teamname', 'group', 'salesteam', 'squad'],
    active: ['active', 'isactive', 'enabled'],
  },
  accounts: {
    name: ['accountname', 'companyname', 'customername', 'account', 'company', 'customer', 'name'],
    segment: ['segment', 'customersegment', 'tier', 'plantier', 'size'],
    industry: ['industry', 'sector', 'vertical'],
    region: ['region', 'territory', 'country', 'location', 'officelocation', 'geo'],
    customer_since: ['customersince', 'since', 'customerstartdate', 'signupdate', 'startdate', 'firstpurchasedate'],
    churned_at: ['churnedat', 'churndate', 'churnedon', 'cancelledat', 'canceldate', 'enddate'],
  },
  campaigns: {
    name: ['campaignname', 'name', 'title'],
    channel: ['channel', 'campaignchannel', 'medium', 'type'],
    started_at: ['startedat', 'startdate', 'start', 'startedon', 'launchdate', 'date'],
    ended_at: ['endedat', 'enddate', 'end', 'endedon'],
    cost: ['cost', 'spend', 'spent', 'amountspent', 'budget'],
    sent: ['sent', 'emailssent', 'recipients'],
    delivered: ['delivered', 'emailsdelivered'],
    opens: ['opens', 'uniqueopens', 'opened'],
    clicks: ['clicks', 'uniqueclicks'],
    unsubscribes: ['unsubscribes', 'unsubscribed', 'optouts'],
    impressions: ['impressions', 'views', 'reach'],
    engagements: ['engagements', 'engagement', 'interactions'],
  },
  leads: {
    source: ['source', 'leadsource', 'origin', 'referralsource', 'channel', 'medium'],
    first_contacted_at: ['firstcontactedat', 'firstcontact', 'firstcontactdate', 'contactedat', 'contacted'],
    mql_at: ['mqlat', 'mqldate', 'mql', 'marketingqualifiedat'],
    sql_at: ['sqlat', 'sqldate', 'sql', 'salesqualifiedat'],
    converted_at: ['convertedat', 'converted', 'conversiondate', 'convertedon'],
    disqualified_at: ['disqualifiedat', 'disqualified', 'disqualificationdate', 'disqualifiedon'],
  },
  deals: {
    name: ['dealname', 'opportunityname', 'name', 'title'],
    type: ['type', 'dealtype', 'opportunitytype'],
    amount: ['amount', 'closevalue', 'dealvalue', 'value', 'dealamount', 'revenue', 'total'],
    stage: ['stage', 'dealstage', 'opportunitystage', 'pipelinestage', 'status'],
    created_at: ['createdat', 'created', 'createddate', 'createdon', 'engagedate', 'opendate', 'date'],
    closed_at: ['closedat', 'closedate', 'closed', 'closedon', 'closeddate', 'closingdate'],
    contract_months: ['contractmonths', 'termmonths', 'term', 'contractlength', 'months'],
  },
  orders: {
    ordered_at: ['orderedat', 'orderdate', 'orderedon', 'invoicedate', 'purchasedate', 'dateofpurchase', 'date', 'createdat', 'created'],
    amount: ['amount', 'total', 'ordertotal', 'invoiceamount', 'value', 'price', 'revenue'],
    cost: ['cost', 'cogs', 'costofgoods', 'unitcost'],
  },
  tickets: {
    subject: ['subject', 'ticketsubject', 'title', 'summary', 'topic', 'casesubject', 'issuesummary'],
    channel: ['channel', 'ticketchannel', 'source', 'medium'],
    priority: ['priority', 'ticketpriority', 'severity'],
    category: ['category', 'tickettype', 'type', 'issuetype'],
    first_response_at: ['firstresponseat', 'firstresponse', 'firstresponsetime', 'firstrepliedat', 'firstreplyat'],
    resolved_at: ['resolvedat', 'resolved', 'resolvedon', 'resolutiondate', 'closedat', 'closed', 'timetoresolution'],
    contacts: ['contacts', 'numberofcontacts', 'interactions', 'touches', 'replies'],
    handle_minutes: ['handleminutes', 'handletime', 'handlingtime', 'timespent', 'minutes', 'aht'],
  },
  survey_responses: {
    kind: ['kind', 'surveytype', 'surveykind', 'type', 'metric'],
    score: ['score', 'rating', 'satisfactionscore', 'customersatisfactionrating', 'npsscore', 'value'],
    responded_at: ['respondedat', 'responsedate', 'answeredat', 'submittedat', 'date', 'createdat'],
  },
  expenses: {
    incurred_on: ['incurredon', 'date', 'expensedate', 'spenton', 'paidon', 'incurredat'],
    category: ['category', 'type', 'costcenter', 'department'],
    amount: ['amount', 'cost', 'spend', 'spent', 'value', 'total'],
    description: ['description', 'memo', 'note', 'notes', 'details'],
  },
  activities: {
    occurred_at: ['occurredat', 'date', 'timestamp', 'time', 'at', 'loggedat', 'activitydate', 'usagedate', 'createdat'],
    kind: ['kind', 'type', 'activitytype', 'action'],
  },
};

function synonyms(entity: EntityName, column: string): string[] {
  const own = BY_ENTITY[entity]?.[column] ?? [];
  const common = COMMON[column] ?? [];
  const ids = column === 'external_id'
    ? SINGULARS[entity].flatMap((s) => [`${s}id`, `${s}number`, `${s}no`, `${s}key`, `${s}ref`, `${s}externalid`])
    : [];
  return [...own, ...ids, ...common];
}

/** Headers that name contract columns exactly (ignoring case and separators): the default mapping. */
export function exactMapping(entity: EntityName, headers: readonly string[]): ColumnMapping {
  const byNorm = new Map(ENTITIES[entity].columns.map((c) => [normalizeHeader(c.name), c.name]));
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const h of headers) {
    const col = byNorm.get(normalizeHeader(h));
    if (col && !used.has(col)) {
      mapping[h] = col;
      used.add(col);
    }
  }
  return mapping;
}

/** A proposed mapping: exact names first, then synonyms (each contract column used once). */
export function proposeMapping(entity: EntityName, headers: readonly string[]): ColumnMapping {
  const mapping = exactMapping(entity, headers);
  const used = new Set(Object.values(mapping));
  const free = headers.filter((h) => !(h in mapping) && h.trim() !== '');
  // Rank every (header, column) pair by the synonym's position, so `account_name` wins `name` over
  // a bare `account` in accounts.csv whatever the header order.
  const pairs: { h: string; col: string; rank: number }[] = [];
  for (const h of free) {
    const n = normalizeHeader(h);
    for (const c of ENTITIES[entity].columns) {
      const rank = synonyms(entity, c.name).indexOf(n);
      if (rank >= 0) pairs.push({ h, col: c.name, rank });
    }
  }
  pairs.sort((a, b) => a.rank - b.rank);
  for (const p of pairs) {
    if (p.h in mapping || used.has(p.col)) continue;
    mapping[p.h] = p.col;
    used.add(p.col);
  }
  // Keep the file's header order (nicer to show).
  return Object.fromEntries(headers.filter((h) => h in mapping).map((h) => [h, mapping[h]]));
}

export interface EntityGuess {
  entity: EntityName;
  score: number;
  mapping: ColumnMapping;
  missingRequired: string[];
}

/** Every entity scored against a header row (best first). */
export function rankEntities(headers: readonly string[], fileName?: string): EntityGuess[] {
  const named = fileName ? parseEntityName(fileName.replace(/^.*[\\/]/, '')) : null;
  return ENTITY_NAMES.map((entity) => {
    const mapping = proposeMapping(entity, headers);
    const exact = exactMapping(entity, headers);
    const mapped = new Set(Object.values(mapping));
    const cols = ENTITIES[entity].columns;
    const missingRequired = cols.filter((c) => c.required && !mapped.has(c.name)).map((c) => c.name);
    let score = 0;
    for (const c of cols) {
      if (!mapped.has(c.name)) continue;
      // Exact names and entity-specific columns weigh more than generic ones (id, name, date).
      const generic = ['external_id', 'name', 'created_at'].includes(c.name);
      score += (Object.values(exact).includes(c.name) ? 2 : 1) * (generic ? 0.5 : 1) * (c.required ? 1.5 : 1);
    }
    score -= missingRequired.length * 0.75;
    if (named === entity) score += 5;
    return { entity, score, mapping, missingRequired };
  }).sort((a, b) => b.score - a.score);
}

/** The entity a header row (and optionally its file name) looks like; null when nothing fits. */
export function guessEntity(headers: readonly string[], fileName?: string): EntityName | null {
  const [best] = rankEntities(headers, fileName);
  return best && best.score > 0 && Object.keys(best.mapping).length > 0 ? best.entity : null;
}

export interface ResolvedColumns {
  /** Contract column, the file column index it is read from, and the file's header. */
  fields: { column: string; index: number; header: string }[];
  mapping: ColumnMapping;
  errors: ImportError[];
}

/** Checks a mapping against the header row: required columns present, targets known and used once. */
/** `filled`: columns the value mapping gives a value for empty cells, so the file may lack them. */
export function resolveColumns(entity: EntityName, headers: readonly string[], mapping?: ColumnMapping, filled: ReadonlySet<string> = new Set()): ResolvedColumns {
  const cols = ENTITIES[entity].columns;
  const known = new Set(cols.map((c) => c.name));
  const used = mapping ?? exactMapping(entity, headers);
  const errors: ImportError[] = [];
  const fields: ResolvedColumns['fields'] = [];
  const seen = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const h of headers) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [header, column] of Object.entries(used)) {
    if (!column) continue; // an explicitly unmapped header
    if (!known.has(column)) {
      errors.push({ row: 1, column: header, message: `is mapped to "${column}", which is not a column of ${entity}.csv` });
      continue;
    }
    const index = headers.indexOf(header);
    if (index < 0) {
      errors.push({ row: 1, column: header, message: 'is in the mapping but not in the header row' });
      continue;
    }
    if ((counts.get(header) ?? 0) > 1) {
      errors.push({ row: 1, column: header, message: 'appears more than once in the header row' });
      continue;
    }
    if (seen.has(column)) {
      errors.push({ row: 1, column: header, message: `maps to ${column}, like "${seen.get(column)}": a column can be fed by one header only` });
      continue;
    }
    seen.set(column, header);
    fields.push({ column, index, header });
  }
  if (!mapping) {
    // Two different headers naming the same column (e.g. "Name" and "name") are ambiguous.
    const byNorm = new Map(cols.map((c) => [normalizeHeader(c.name), c.name]));
    const byCol = new Map<string, string>();
    for (const h of headers) {
      const col = byNorm.get(normalizeHeader(h));
      if (!col) continue;
      const first = byCol.get(col);
      if (first === undefined) byCol.set(col, h);
      else if (first !== h) errors.push({ row: 1, column: h, message: `names the same column as "${first}"` });
    }
  }
  for (const c of cols) {
    if (c.required && !seen.has(c.name) && !filled.has(c.name)) errors.push({ row: 1, column: c.name, message: 'required column is missing' });
  }
  return { fields, mapping: Object.fromEntries(fields.map((f) => [f.header, f.column])), errors };
}
