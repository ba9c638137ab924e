// How the data contract's columns (a CSV's, data-contract.md) map to the tables' columns. One rule,
// read by the import's upsert and by the record forms.

/**
 * The table column a contract column is stored in. A reference names its record as a person would
 * (`owner_email`, `account_external_id`); the table keeps the id it resolves to (`owner_id`,
 * `account_id`). Every other column keeps its name.
 */
export function dbColumnOf(csvColumn: string): string {
  return csvColumn.replace(/_(email|external_id)$/, '_id');
}
