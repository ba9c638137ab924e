// The words real exports use for each contract column ("Opportunity ID", "Close Value", "deal_stage"),
// normalised as normalizeHeader leaves them (lower case, no spaces or separators). proposeMapping
// (mapping.ts) ranks a header by where it stands in synonyms(): earlier = preferred.
import type { EntityName } from '@/lib/validation';

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

/** The names a header may give `column` of `entity`, preferred first. */
export function synonyms(entity: EntityName, column: string): string[] {
  const own = BY_ENTITY[entity]?.[column] ?? [];
  const common = COMMON[column] ?? [];
  const ids = column === 'external_id'
    ? SINGULARS[entity].flatMap((s) => [`${s}id`, `${s}number`, `${s}no`, `${s}key`, `${s}ref`, `${s}externalid`])
    : [];
  return [...own, ...ids, ...common];
}
