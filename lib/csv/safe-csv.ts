// CSV for people to open in a spreadsheet (the KPI drill-down export, the import error report), written
// by csv-stringify. Spreadsheet formula injection (OWASP "CSV Injection", targets.md): a text cell that
// starts with =, +, -, @, tab or CR is read as a formula, and so is the part after a ; or , inside a cell
// when a spreadsheet in another locale splits the line there. Each such start gets a ' in front, which
// spreadsheets show as text. Real numbers are data and stay numbers: a JS number, and a cell that is
// just a plain decimal (postgres returns numeric columns as strings, "-120.50"), even when negative.
// After a ; or , inside a text cell every formula start is neutralised, numbers too: in a ;-locale a
// "-3" there could run on into the next cell ("-3,1+cmd…" reads as -3.1 + …). Our exports start each line
// with a text column (record type, row number), so a line never begins with a bare negative number.
import { stringify } from 'csv-stringify/sync';

/** What a spreadsheet treats as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number: harmless, and it must stay a number (sums of a negative amount). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** `text` with a ' before every formula start: at its beginning and right after each ; or ,. */
export function neutraliseFormulas(text: string): string {
  // Split after each separator, keeping it: ";=1+1" → [";", "=1+1"].
  if (PLAIN_NUMBER.test(text)) return text;
  return text
    .split(/(?<=[;,])/)
    .map((part) => (FORMULA_START.test(part) ? `'${part}` : part))
    .join('');
}

const OPTIONS = {
  record_delimiter: 'windows', // RFC 4180 line ends
  // A cell holding a line break or a ; is quoted too: a ;-locale spreadsheet then keeps it one cell.
  quoted_match: /[\r\n;]/,
  cast: {
    string: (v: string) => neutraliseFormulas(v),
    number: (v: number) => String(v),
    bigint: (v: bigint) => String(v),
    boolean: (v: boolean) => String(v),
    date: (v: Date) => v.toISOString(),
  },
} as const;

/** One CSV line (with its \r\n) of `cells`; null and undefined are empty cells. */
export function csvLine(cells: readonly unknown[]): string {
  return stringify([cells.map((c) => c ?? null)], OPTIONS);
}

/** A whole CSV document. */
export function csvDocument(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows.map((r) => r.map((c) => c ?? null)), OPTIONS);
}
