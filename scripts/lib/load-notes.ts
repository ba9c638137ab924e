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
runs of 2026-12-01 were built from a clean checkout of the commit named (a git worktree, its own
\`NEXT_DIST_DIR\`) against a database seeded at that commit. CPU is read from /proc: the server
process, and the PostgreSQL backends connected to the bench database (the server's pool and the
writer).

What the 2026-12-01 runs at \`13eb5e1\` say (the engine reading the day and month summaries):
- **Every pages/s and p95 target was missed, by far, at both scales.** Medium, no writes: 23.7 pages/s
  (41 % short of 40), p95 2.5 s (2.5×), 0 errors. Medium, 2 writes/s: 10.8 pages/s (73 % short), p95
  5.9 s (5.9×), 0 errors. Large, no writes: 5.5 pages/s (82 % short of 30), p95 23 s, 2 pages not
  answered within 30 s. Large, 2 writes/s: 3.4 pages/s (89 % short), p95 30 s, 11 pages not answered.
  The writer held 1.96–1.97 saves a second in both write runs, with 0 failed saves.
- **The machine was busy: these figures measure contention as much as the app.** The load average was
  8–20 on 2 cores (other sessions' test suites and builds). With 40 requests queued a Node server uses
  a whole core if it gets one; it got 0.60 of a core at medium without writes and 0.12–0.34 in the
  other runs. Pages/s and p95 here are not a capacity; measure again on a quiet machine
  (\`npm run bench:load -- --writes-per-second 2\`, then \`--scale large\`) before judging the targets.
- **The CPU a page costs is the figure that carries over, and it says the targets are out of reach on
  2 cores even when quiet.** Medium without writes: 25 ms of server CPU and 22 ms of PostgreSQL CPU a
  page (47 ms: at most ~42 pages/s if both cores did nothing else, and one Node process stops at
  1000 / 25 = 40). Medium with 2 writes/s: 32 + 46 = 78 ms a page (~26 pages/s at best). Large: 22 +
  134 = 156 ms without writes (~13 pages/s at best), 34 + 304 = 338 ms with writes (~6 pages/s).
- **Why PostgreSQL works on every view even when every aggregate is cached:** the KPI pages (two
  thirds of this mix) read their drill-down table from raw rows on every view, and goal progress is
  computed live (lib/dashboard/cached-queries.ts keeps both uncached). At large this is most of the
  time: KPI pages had a median of 15–16 s whichever KPI it was, dashboards 2–5 s; the warm-up (every
  page computed once) took 74 s for 174 pages.
- **Why writes cost so much more:** each user has their own views (their scope), so nothing is shared
  between users, and a save of a deal or a ticket drops every cached view that reads deals or tickets
  (dropped per table), nearly all of them; at 2 saves a second a view is dropped long before its user
  comes back to it, so almost every page is computed afresh: PostgreSQL's share went from 22 to 46 ms
  a page at medium and from 134 to 304 ms at large. The summaries make each recomputation cheaper
  than raw rows (\`npm run bench\` times both, see Results), not cheap enough to recompute every view on
  every visit.
- **What would close the gap:** views computed after a change in a few milliseconds of database time
  (single views within their own targets first: a month ≤ 50 ms, a KPI page ≤ 150 ms at large), the
  drill-down's first page and goal progress cheap or cached exactly, cached results that survive a
  change that does not touch them, or more server processes than one.
- Earlier runs the same day at \`cffe19c\` (day summaries only; load average 16–25) gave 15.5 and 6.0
  pages/s at medium and 5.2 and 2.0 at large (115 of 118 pages timed out with writes); PostgreSQL
  took 53 ms a page at medium with writes then, 46 ms now.

Both scales:
- The save latency (saveRecord: the transaction, its audit and activity rows and the summary triggers)
  was p50 57 ms, p95 195 ms at medium and p50 84 ms, p95 273 ms at large under this load;
  \`npm run bench\` measures the same path on its own.
- Saving as the record's owner: saveRecord refused about half of the owners' updates (50 of 110 in the
  medium 2-writes run: \`account_id is not an account you may see\`): a sales rep's deal or a support
  agent's ticket points at an account another rep owns, and the save checks every reference against
  the writer's scope even when it did not change, so the owner cannot save their own record. The
  writer then saves it as an admin and counts it (\`refusedOwner\` in docs/bench-load.json); the
  refusal itself is a finding for lib/records/write-record.ts, not a load figure.
`;
