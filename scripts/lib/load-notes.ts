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

What the runs of 2026-12-01 19:55–20:30 UTC say. **They ran on a slower machine than the earlier runs**
(2-core AMD EPYC; the same hand-written SQL took 1.7–3× as long as on the Intel machine of the previous
session, and a page 36 ms of server CPU instead of 18–22 ms), so compare the CPU per page, not pages/s,
with earlier runs:
- **Every target is missed here.** Medium: 32.9 pages/s, p95 1.48 s without writes; 27.1 and 22.6
  pages/s, p95 1.9 and 2.2 s with 2 saves a second (two runs, the second after the changes below, on
  a busier machine: load average 8 at its start). Large: 21.8 pages/s, p95 3.1 s without writes; with
  writes 6.2 pages/s (p95 17 s) and, after the changes below, 7.2 pages/s (p95 13.4 s). 0 errors in
  every run; the writer held 1.77–1.98 saves a second, 0 failed.
- **Medium is the Node process:** 0.82–0.97 cores of server CPU against 0.25–0.47 of PostgreSQL; at
  36 ms a page one process serves about 28 pages/s on this machine. p95 in a closed loop is the users
  over the throughput (no think time): 40 users need about 45 pages/s for a p95 of 1 s.
- **Large with writes is PostgreSQL** (1.0–1.1 cores of 2; the load tool takes much of the rest).
  pg_stat_statements over a 40 s run showed where: first, a team's resolution-time goal card and its
  weekly pacing series (a mean over a period ending now, and a series whose last bucket ends now, read
  every row: 163 and 281 ms a call, after every ticket saved). Both now read the summaries (part-day
  means in EdgeSplit, the series' last bucket alone, and raw edges as two small index ranges: the
  goal's pieces had scanned the whole quarter between them); that took large with writes from 6.2 to
  7.2 pages/s. What remains on top: members' KPI pages, whose default breakdown is by segment (a member
  has no owner or team tab): survey KPIs by segment read a year of responses with their accounts and
  test each response's ownership by probes (1.8–2.1 s a call at large on this machine), ticket KPIs by
  segment (1.0–1.2 s); the funnel chart (0.37 s), the survey drill-down count for a member (0.56 s), the
  NPS distribution (0.16 s). A saved ticket reaches the survey views of everyone (responses are owned
  through their ticket or account, not by a column the notice lists).
- **Next:** an owner column on survey responses kept by triggers (the derived-columns mechanism of the
  order chains), so that their ownership is a column test and a ticket's save drops only its owner's
  survey views; summaries keyed by owner and segment (120 keys a month at large, not the 24,000 of
  every account attribute together) for the members' default breakdown; and less server CPU per page.
- The save latency under load (saveRecord: the transaction, its audit and activity rows, the summary
  triggers and the change notice) was p50 29–39 ms, p95 97–134 ms at medium and p50 208–226 ms, p95
  782–850 ms at large, where PostgreSQL is saturated; \`npm run bench\` measures the same path alone
  (+8.8 ms at p95 with the summaries at large on this machine, +4.2 ms on the previous one).
`;
