// One pass over an uploaded file with the import's own reader: the header, the data-row count the
// preview will show (same parser, same delimiter, same blank-row rule, so the upload and the preview
// agree), and the file checks (binary, delimiter, encoding) to show before any mapping is made.
import { BINARY_MESSAGE, UTF8_MESSAGE } from './file-checks';
import { isCsvError, openSource, readCsv } from './reader';
import type { Delimiter, FileFormat } from './rules';

export interface FileScan {
  headers: string[];
  /** Data rows, as the import counts them (blank rows skipped). */
  rows: number;
  delimiter: Delimiter | null;
  /** Why the file cannot be read as it is (binary, not UTF-8, broken CSV); null when it can. */
  problem: string | null;
  /** The bytes are not UTF-8: the admin may choose Windows-1252 or Latin-1. */
  notUtf8: boolean;
}

export async function scanFile(file: string, format: FileFormat = {}): Promise<FileScan> {
  const csv = readCsv(openSource({ path: file }), format);
  const out: FileScan = { headers: [], rows: 0, delimiter: null, problem: null, notUtf8: false };
  let header = true;
  try {
    for await (const { cells } of csv.records) {
      if (header) {
        out.headers = cells.map((c) => c.trim());
        header = false;
      } else if (!cells.every((c) => c.trim() === '')) out.rows++;
    }
  } catch (err) {
    if (!isCsvError(err)) throw err;
    out.problem = `The file is not valid CSV (${err.message}).`;
  }
  out.delimiter = csv.info.delimiter;
  if (csv.info.binary) out.problem = `The file ${BINARY_MESSAGE}.`;
  else if (csv.decoder.invalidAt !== null) {
    out.notUtf8 = true;
    out.problem = `The file ${UTF8_MESSAGE}.`;
  }
  return out;
}
