// The generated documents (docs/performance.md) are made of `## ` sections written by different
// scripts (npm run bench, npm run bench:load) and by hand: each script replaces its own sections only.

/** The `## ` sections of a markdown document, by heading (text before the first one under ''). */
function sections(doc: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of doc.split(/^(?=## )/m)) out.set(part.startsWith('## ') ? part.slice(0, part.indexOf('\n')).trim() : '', part);
  return out;
}

/**
 * Other helpers append hand-written sections to docs/performance.md (e.g. the browser import): the
 * regenerated document keeps every `## ` section of the old one that it does not produce itself.
 */
export function keepHandWritten(oldDoc: string | null, generated: string): string {
  if (!oldDoc) return generated;
  const mine = sections(generated);
  const extra = [...sections(oldDoc)].filter(([h]) => h && !mine.has(h)).map(([, body]) => body.trimEnd());
  return extra.length ? `${generated.trimEnd()}\n\n${extra.join('\n\n')}\n` : generated;
}

/** `doc` with its `## ` section of the same heading as `section` replaced by it (appended when absent). */
export function replaceSection(doc: string | null, section: string): string {
  const heading = section.slice(0, section.indexOf('\n')).trim();
  if (!doc) return section;
  const parts = [...sections(doc)];
  const at = parts.findIndex(([h]) => h === heading);
  if (at < 0) return `${doc.trimEnd()}\n\n${section.trimEnd()}\n`;
  parts[at] = [heading, `${section.trimEnd()}\n\n`];
  return `${parts.map(([, body]) => body).join('').trimEnd()}\n`;
}
