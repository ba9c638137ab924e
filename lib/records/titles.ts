// How a record is named where one line must say which record it is: record pages, lists, drill-downs.
// A leaf module (no imports) so the KPI drill-downs and the record pages share it.

/**
 * A ticket's title: its subject, or "Ticket <external_id>" when it has none (tickets imported before
 * data-contract.md had `subject`, or from systems without one). `a` is the tickets table's alias.
 */
export function ticketTitleSql(a: string): string {
  return `coalesce(nullif(btrim(${a}.subject), ''), 'Ticket ' || ${a}.external_id)`;
}

/** The page heading of a record: "Deal: Acme renewal", or the title alone when it already names the kind. */
export function recordHeading(singular: string, title: string): string {
  return title.startsWith(`${singular} `) ? title : `${singular}: ${title}`;
}
