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
runs of 2026-12-01 17:17–17:22 UTC were built from the commit named, nothing uncommitted, against
databases seeded the same session. CPU is read from /proc: the server
process, and the PostgreSQL backends connected to the bench database (the server's pool and the
writer).

What the runs of 2026-12-01 at \`bbb67ef\` say (a quiet machine: the load average above is the load
tool, the server and PostgreSQL themselves):
- **Medium: the pages target is met with the writer, p95 is not.** Without writes 55.4 pages/s, p95
  832 ms (both met); with 2 saves a second 40.1 pages/s (met) and p95 1.21 s (21 % over), 0 errors.
  **Large: 38.3 pages/s (p95 1.73 s) without writes, 13.5 pages/s (55 % short of 30) and p95 6.1 s
  with them**, 0 errors. The writer held 1.97–1.98 saves a second, 0 failed.
- **p95 in a closed loop is the number of users over the throughput** (no think time): 40 users need
  about 45 pages/s for a p95 of 1 s and the 58 users of large about 65. At medium the one Node process
  is the limit: 18–22 ms of server CPU a page (rendering React server components and ~95 KB of HTML and
  flight data, gzip, the session), so one core serves 45–55 pages/s. At large with writes PostgreSQL is
  (1.23 cores, about 90 ms a page).
- **Where the gain came from** (the previous runs, at \`13eb5e1\` on a busy machine: medium 10.8 pages/s
  with writes, large 3.4): a save no longer drops every cached view that reads its table, only those of
  its owners and their teams and the unfiltered ones (migration 0010's notices list the owners; see
  docs/architecture.md, "How a request flows"); drill-down pages and the dashboard's charts are cached
  with what they read off their own SQL (drill-downs were 47 % of PostgreSQL's time at medium); the
  filter bar's products, sources and channels come from the month summaries (a scan of 1M tickets after
  every write, 285 ms at large); goal progress (a period ending now) reads its whole days from the
  summaries; the data-completeness list pages on ids and values (15 s at large under load); a survey
  response's owner is a probe per row; and the server runs with a 64 MB young generation (GC was 11 % of
  its time). Each was measured on its own before the next (medium with writes: 27 → 31 → 33 → 37 → 40 pages/s).
- **What PostgreSQL still does at large with writes:** the first computation of a view after a change
  that reaches it: every save drops the unfiltered views and those of the saver's team, and every user
  has their own. The costly ones: drill-down pages of survey responses for a member (0.8 s), 12-month
  trends of KPIs over per-account sets (buyers, engagement: see Results), breakdowns by segment or region
  (not a summary key, 0.3–0.5 s), the NPS distribution over a team's responses (0.3 s). A saved ticket
  reaches the survey views of everyone (responses are owned through their ticket or account, not by a
  column the notice lists).
- The save latency under load (saveRecord: the transaction, its audit and activity rows, the summary
  triggers and the change notice) was p50 17 ms, p95 49 ms at medium and p50 78 ms, p95 202 ms at large,
  where PostgreSQL is saturated; \`npm run bench\` measures the same path alone (+4.2 ms at p95 with the
  summaries at large).
`;
