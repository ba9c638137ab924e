// UTF-8 decoding of an import file, chunk by chunk. The first invalid byte is remembered (and the rest
// decoded leniently, invalid bytes becoming U+FFFD) so the reader can name the row and column that
// hold it before refusing the file. A leading BOM is dropped.
export class Utf8Decoder {
  private strict = new TextDecoder('utf-8', { fatal: true });
  private lenient: TextDecoder | null = null;
  private offset = 0;
  /** Byte offset of the chunk holding the first invalid sequence; null while the input is valid. */
  invalidAt: number | null = null;

  decode(chunk: Uint8Array): string {
    const start = this.offset;
    this.offset += chunk.length;
    if (this.lenient) return this.lenient.decode(chunk, { stream: true });
    try {
      return this.strict.decode(chunk, { stream: true });
    } catch {
      this.invalidAt = start;
      // The strict decoder's partial character from the previous chunk is lost: the file is refused
      // anyway, this text only serves to locate the bad cell.
      this.lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: start > 0 });
      return this.lenient.decode(chunk, { stream: true });
    }
  }

  end(): string {
    if (this.lenient) return this.lenient.decode();
    try {
      return this.strict.decode();
    } catch {
      // A multi-byte character cut off at the very end of the file.
      this.invalidAt = this.offset;
      return '\uFFFD';
    }
  }
}
