// Streams the records of a CSV file: bytes -> UTF-8 text -> csv-parse, never the whole file in memory.
// Row numbers are the ones a spreadsheet shows: the header is row 1, blank lines count as rows.
import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { Utf8Decoder } from './utf8';

export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvSource {
  records: AsyncIterable<CsvRecord>;
  decoder: Utf8Decoder;
  /** Bytes read so far. */
  bytes: () => number;
}

export function openSource(input: { path?: string; stream?: AsyncIterable<Uint8Array> }): AsyncIterable<Uint8Array> {
  if (input.stream) return input.stream;
  if (input.path) return fs.createReadStream(input.path, { highWaterMark: 256 * 1024 });
  throw new Error('importFile needs a path or a stream');
}

export function readCsv(source: AsyncIterable<Uint8Array>): CsvSource {
  const decoder = new Utf8Decoder();
  let bytes = 0;
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of source) {
      bytes += chunk.length;
      const s = decoder.decode(chunk);
      if (s) yield s;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
  // No `info` and no `skip_empty_lines`: csv-parse's per-record info objects cost a third of its time
  // on a million rows. Every record (an empty line is the record [""]) is one row, so counting them
  // gives the spreadsheet's row number, quoted line breaks included; empty lines are then skipped.
  const parser: Parser = parse({
    bom: true,
    relax_column_count: true, // counted and reported per row by the importer
    relax_quotes: true, // a stray quote inside an unquoted cell (5" screen) is kept as text
  });
  // pipeline: when the importer stops early (error, abort), the file stream is closed too.
  pipeline(Readable.from(text()), parser, () => {});
  async function* records(): AsyncGenerator<CsvRecord> {
    let row = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.length === 1 && record[0] === '') continue;
      yield { row, cells: record };
    }
  }
  return { records: records(), decoder, bytes: () => bytes };
}

/** csv-parse errors (unclosed quote, ...) carry a code starting with CSV_. */
export function isCsvError(err: unknown): err is Error & { code: string; lines?: number } {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}
