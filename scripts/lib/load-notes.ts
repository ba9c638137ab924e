// The notes under the measured runs in the "Dashboard under load" section of docs/performance.md:
// how it is measured and what the figures mean. Written by hand after the runs they discuss (their
// figures are quoted with the date); kept here so that `npm run bench:load` regenerates the section.
export const LOAD_NOTES = `
How it is measured: scripts/load.ts starts the production server (\`next start\`, one process) against
the bench database, signs in every active seeded user as themselves through next-auth (four at a
time, before the measured window: 40 users in 2–8 s; lib/auth/sign-in.ts counts only failed attempts
against an address, so 40 or 400 successful sign-ins from 127.0.0.1 are never throttled), opens each
user's pages once to warm up, and runs one closed-loop virtual user per signed-in user with no think
time on the same machine (loopback). Each goes round their own pages: their default dashboard (no
\`dept\`: their department; a member's "Mine" view) and two KPI pages of that dashboard, reading the
whole streamed body and checking it (KPI cards or the KPI's value there, no widget failed). The writer
saves a deal and a ticket alternately through the record forms' path (the form's zod schema over the
record's values as the edit page shows them, then lib/records/write-record's saveRecord as the
record's owner, in one transaction with its audit row, activity row and summary triggers), mostly
updates (a deal's amount or stage, a ticket's resolution or priority), one in ten a new record. The
runs were built from the commit each names, against databases seeded the same session. CPU is read from /proc: the server
process, and the PostgreSQL backends connected to the bench database (the server's pool and the
writer).

What the runs of 2026-12-01 22:57–23:04 UTC (commit ecefd80) say, on the same 2-core AMD EPYC machine
as the runs before them (compare CPU per page across machines, not pages/s; the machine is shared: its
load average was 3–4 with nothing of ours running):
- **Every target is still missed**, large with writes by the least it ever has been. Medium: 30.6
  pages/s, p95 1.82 s without writes; 24.2 pages/s, p95 1.98 s with 2 saves a second. Large: 28.9
  pages/s, p95 2.40 s without writes; 15.8 pages/s, p95 5.1 s with writes. 0 errors; the writer held
  1.94–1.99 saves a second, 0 failed. Against the previous session's runs on this machine: large with
  writes 7.2 → 15.8 pages/s (p95 13.4 → 5.1 s), large without writes 21.8 → 28.9 pages/s; medium
  unchanged within the noise (32.9 / 27.1 before, 30.6 / 24.2 now).
- **Medium is the Node process** (0.83–0.94 cores of server CPU against 0.30–0.45 of PostgreSQL): about
  31–35 ms of server CPU a page. A CPU profile of a 40 s run with writes: Next's rendering 24 %, the
  app's own code 18 % (no single hot spot: the result cache's lookups, the filter bar, goal progress,
  drizzle building queries), socket writes to PostgreSQL 15 % (about ten statements a page: the session's
  user, the viewer's teams and filter choices, goals and their live values), gzip of the responses 9 %,
  garbage collection 8 %. A page is 83–107 KB of HTML (13–16 KB gzipped), half of it React's flight
  data. 40 users in a closed loop need about 45 pages/s for a p95 of 1 s: one process on this machine
  cannot render that many; \`--instances 2\` on a machine with the cores for it is the way
  docs/scaling.md describes.
- **Large with writes was PostgreSQL, and these changes took its top costs away** (pg_stat_statements
  over the measured minute, before and after): survey KPIs by segment tested each response's ownership
  by probes of its ticket and account (1.8–2.1 s a call): a survey response's owner is now a column
  the database derives (migration 0012), so a member's responses are an index range and a saved
  ticket drops only its old and new assignee's survey views. Members' KPI pages open on the last 12
  months by segment: ticket, deal and order KPIs by segment read a year of a rep's records joined to
  their accounts (0.9–1.3 s a call): the month summaries are now keyed by segment too (17–28 ms). The
  drill-down's counts of a member's tickets read every ticket of the assignee (0.6–1.1 s): tickets are
  indexed by (assignee, created) and (assignee, resolved), and a ratio's drill-down takes its total from
  its set counts instead of a second scan. The filter bar's segment, region and industry lists scanned
  every account after every saved deal or ticket (80 ms, 82 times a minute): they are now dropped by
  account changes only.
- **What remains on top at large with writes**: the raw drill-down counts of members' and teams' KPI
  pages (a ratio's numerator and denominator over a year of a rep's tickets: 0.46–1.0 s a call under
  load; they stay on raw rows so that the list reconciles with the card), data completeness's
  drill-down over accounts (1.5 s), the upsell numerator (0.24 s), and the goal cards' live values
  (uncached, a few ms each, on every dashboard view).
- The save latency under load (saveRecord: the transaction, its audit and activity rows, the summary
  triggers and the change notice) was p50 31 ms, p95 101 ms at medium and p50 69 ms, p95 435 ms at
  large; \`npm run bench\` measures the same path alone (+6.5 ms at p95 with the summaries at large on
  this run).
`;
