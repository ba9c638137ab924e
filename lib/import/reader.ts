// Streams the records of a CSV file: bytes -> text -> csv-parse, never the whole file in memory.
// Row numbers are the ones a spreadsheet shows: the header is row 1, blank lines count as rows.
// Before parsing, the first bytes are looked at (file-checks.ts): a binary file is refused instead
// of read as "0 rows", and the delimiter (comma, semicolon, tab) is detected unless given.
import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { decoderFor, looksBinary, sniffDelimiter, type TextDecoderLike } from './file-checks';
import type { Delimiter, FileFormat } from './rules';

export interface CsvRecord {
  row: number;
  cells: string[];
}

export interface CsvSource {
  records: AsyncIterable<CsvRecord>;
  decoder: TextDecoderLike;
  /** Bytes read so far. */
  bytes: () => number;
  /** Known once the first record was asked for. */
  info: { binary: boolean; delimiter: Delimiter | null };
}

export function openSource(input: { path?: string; stream?: AsyncIterable<Uint8Array> }): AsyncIterable<Uint8Array> {
  if (input.stream) return input.stream;
  if (input.path) return fs.createReadStream(input.path, { highWaterMark: 256 * 1024 });
  throw new Error('importFile needs a path or a stream');
}

export function readCsv(source: AsyncIterable<Uint8Array>, format: FileFormat = {}): CsvSource {
  const decoder = decoderFor(format.encoding);
  const info: CsvSource['info'] = { binary: false, delimiter: null };
  let bytes = 0;
  const it = source[Symbol.asyncIterator]();

  async function* records(): AsyncGenerator<CsvRecord> {
    const first = await it.next();
    if (first.done) return;
    const head = first.value;
    bytes += head.length;
    if (looksBinary(head)) {
      info.binary = true;
      await it.return?.();
      return;
    }
    const headText = decoder.decode(head);
    info.delimiter = format.delimiter ?? sniffDelimiter(headText);
    async function* text(): AsyncGenerator<string> {
      try {
        if (headText) yield headText;
        for (let n = await it.next(); !n.done; n = await it.next()) {
          bytes += n.value.length;
          const s = decoder.decode(n.value);
          if (s) yield s;
        }
        const rest = decoder.end();
        if (rest) yield rest;
      } finally {
        await it.return?.(); // a reader stopped early closes the file
      }
    }
    // No `info` and no `skip_empty_lines`: csv-parse's per-record info objects cost a third of its time
    // on a million rows. Every record (an empty line is the record [""]) is one row, so counting them
    // gives the spreadsheet's row number, quoted line breaks included; empty lines are then skipped.
    const parser: Parser = parse({
      bom: true,
      delimiter: info.delimiter,
      relax_column_count: true, // counted and reported per row by the importer
      relax_quotes: true, // a stray quote inside an unquoted cell (5" screen) is kept as text
    });
    // pipeline: when the importer stops early (error, abort), the file stream is closed too.
    pipeline(Readable.from(text()), parser, () => {});
    let row = 0;
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (record.length === 1 && record[0] === '') continue;
      yield { row, cells: record };
    }
  }
  return { records: records(), decoder, bytes: () => bytes, info };
}

/** csv-parse errors (unclosed quote, ...) carry a code starting with CSV_. */
export function isCsvError(err: unknown): err is Error & { code: string; lines?: number } {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && code.startsWith('CSV_');
}
