// A field's error as a form shows it: a whole sentence that starts with the field's label, with dates as
// people read them. The entity schemas report fragments ("must not be before created_at
// (2026-11-20T10:00:00.000Z)") because the CSV import prefixes them with the row and column; a form
// turns them into "First response must not be before Opened (20 Nov 2026, 10:00)." Pure.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ISO_DATETIME = /\b(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

const day = (y: string, m: string, d: string) => `${Number(d)} ${MONTHS[Number(m) - 1] ?? m} ${y}`;

/** ISO dates and date-times in a message as people read them; midnight is just the day. */
export function readableDates(message: string): string {
  return message
    .replace(ISO_DATETIME, (_s, y: string, m: string, d: string, hh: string, mm: string) => (hh === '00' && mm === '00' ? day(y, m, d) : `${day(y, m, d)}, ${hh}:${mm}`))
    .replace(ISO_DATE, (_s, y: string, m: string, d: string) => day(y, m, d));
}

/** "is required" on Closed → "Closed is required."; a message that is already a sentence keeps its words. */
export function fieldSentence(label: string, fragment: string): string {
  const m = readableDates(fragment.trim());
  const s = /^[A-Z]/.test(m) ? m : `${label} ${m}`;
  return /[.!?]$/.test(s) ? s : `${s}.`;
}
