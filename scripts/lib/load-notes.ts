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

What the runs of 2026-12-02 03:05–03:23 UTC (commit 4fa7c45, and 9fc729e, the previous session's last,
for comparison) say, on a 2-core AMD EPYC machine that is slower than the previous session's (the same
commit, 9fc729e, gave 8.8 pages/s at large with writes here against 15.8 there, and 18.6 pages/s at
medium without writes against 30.6: compare runs within one session, and CPU per page across them):
- **Every target is still missed.** Medium: 20.4 pages/s, p95 2.46 s without writes; 17.5 pages/s,
  p95 3.0 s with 2 saves a second. Large: 21.8 pages/s, p95 3.4 s without writes; 14.6 pages/s, p95
  5.4 s with writes. 0 errors; the writer held 1.97–1.98 saves a second, 0 failed. Against 9fc729e on
  this machine the same hour: large with writes 8.8 → 14.6 pages/s (p95 9.4 → 5.4 s), medium without
  writes 18.6 → 20.4 pages/s (server CPU per page 55 → 52 ms).
- **Both are the Node process now, and the machine's two cores.** Medium: 1.03–1.06 cores of server CPU
  (about 52 ms a page here) against 0.17–0.37 of PostgreSQL. Large with writes: 0.81 cores of server CPU
  and 0.59 of PostgreSQL, with the load generator on the same two cores (load average 3–4.2). Node runs
  on one thread: the medium target (40 pages/s) needs about 25 ms of server CPU a page on this machine,
  half of what a page costs; \`--instances 2\` on a machine with the cores for it is the way
  docs/scaling.md describes. A CPU profile at large with writes: socket writes to PostgreSQL 10 % of the
  samples (partly the scheduler: the write wakes a backend on the same two cores), gzip 9 %, garbage
  collection 7 %, the rest Next's and React's rendering and the app's code with no single hot spot.
- **What this session took off the database at large with writes** (pg_stat_statements over the runs,
  before → after): the CLV trend read a year of orders for each of its 12 months (1–9 s a call: buyers
  over twelve months are served by the order chains for a literal period only; each bucket is now its
  own engine request, from the summaries); a member's and a team's drill-down counts read a year of the
  rep's or team's records (0.46–1.0 s; they are now the card's own parts, from the summaries); the lead
  funnel and the won-deal sizes read a rep's year of raw leads and deals on every dashboard view (182 and
  85–309 ms a call, 5.3 s and 8.7 s of database time a minute; they are now summary measures, migration
  0013); a goal card's 12-week trend (37 ms a call on every dashboard view, uncached: its finished weeks
  now come through the result cache); the data completeness drill-down's count over every account, lead
  and deal (0.5 s); two statements a page (the filter bar's teams and people, now cached; a goal
  query's team lookup, now a subquery).
- **What remains on top at large with writes**: data completeness's drill-down, a sort of every
  account, lead and deal by their filled fields (1.6 s a view, its first page), the upsell drill-down's
  per-account lookup of won upsell deals (0.17–0.8 s), customer engagement's probe per active account
  (0.9 s), survey responses' drill-down (0.2 s). They are operations' and success's pages, which the
  load's few people in those departments open in a loop.
- The save latency under load (saveRecord: the transaction, its audit and activity rows, the summary
  triggers and the change notice) was p50 28 ms, p95 72 ms at medium and p50 48 ms, p95 152 ms at
  large; \`npm run bench\` measures the same path alone (see "Record saves" above).
`;
