// Honest file checks, before a single row is read: is it text at all (an .xlsx or a zip renamed .csv
// reads as "0 rows" otherwise), which delimiter separates its cells (a semicolon file reads as one
// column, "1 rows"), and how its bytes are decoded: UTF-8 unless the admin explicitly chose
// Windows-1252 or Latin-1. The import never guesses an encoding silently: invalid UTF-8 is an error
// that names both choices.
import { Utf8Decoder } from './utf8';
import type { Delimiter, Encoding } from './rules';

export interface TextDecoderLike {
  decode(chunk: Uint8Array): string;
  end(): string;
  /** Byte offset of the first invalid sequence (UTF-8 only); null while the input is valid. */
  invalidAt: number | null;
}

/** Single-byte encodings: every byte is a character, nothing is invalid. */
class SingleByteDecoder implements TextDecoderLike {
  invalidAt = null;
  private readonly td: TextDecoder | null;
  constructor(private readonly encoding: 'windows-1252' | 'latin1') {
    // WHATWG's "latin1" label means windows-1252; true ISO-8859-1 maps each byte to U+0000-U+00FF.
    this.td = encoding === 'windows-1252' ? new TextDecoder('windows-1252') : null;
  }
  decode(chunk: Uint8Array): string {
    return this.td ? this.td.decode(chunk, { stream: true }) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
  }
  end(): string {
    return this.td ? this.td.decode() : '';
  }
}

export function decoderFor(encoding: Encoding | undefined): TextDecoderLike {
  return !encoding || encoding === 'utf-8' ? new Utf8Decoder() : new SingleByteDecoder(encoding);
}

/** Signatures of files people export instead of CSV: xlsx/zip, xls, pdf, png, jpeg, gzip, UTF-16 BOMs. */
const MAGIC = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0], [0x25, 0x50, 0x44, 0x46], [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x1f, 0x8b], [0xff, 0xfe], [0xfe, 0xff]];

/**
 * Binary: a known signature, or more than 10 % NUL and control characters (other than tab, form feed
 * and line breaks) in the first 8 KB. One NUL in a text cell is not binary: that row gets its error.
 */
export function looksBinary(head: Uint8Array): boolean {
  if (MAGIC.some((m) => m.every((b, i) => head[i] === b))) return true;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** The delimiter of the header line: the most frequent of comma, semicolon and tab outside quotes (comma on a tie). */
export function sniffDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export const BINARY_MESSAGE =
  'is not a text file (it holds binary data: a spreadsheet .xlsx, a zip or an image?). Save it as CSV and import that file';

export const UTF8_MESSAGE =
  'holds bytes that are not valid UTF-8. Save the file as "CSV UTF-8", or choose the encoding it was saved in: Windows-1252 (Excel on Windows) or Latin-1 (ISO-8859-1)';
