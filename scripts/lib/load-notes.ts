// The notes under the measured runs in the "Dashboard under load" section of docs/performance.md:
// how it is measured and what the figures mean. Written by hand after a run; kept here so that
// `npm run bench:load` regenerates the section with them.
export const LOAD_NOTES = `
How it is measured: scripts/load.ts starts the production server (\`next start\`, one process) against
the bench database, signs in every active seeded user as themselves through next-auth (four at a
time, before the measured window), and runs one closed-loop virtual user per signed-in user with no
think time on the same machine (loopback). Each goes round their own pages: their default dashboard
(no \`dept\`: their department; a member's "Mine" view) and two KPI pages of that dashboard, reading
the whole streamed body and checking it (KPI cards or the KPI's value there, no widget failed). The
writer saves a deal and a ticket alternately through the record forms' path (the form's zod schema,
then lib/records/write-record's saveRecord as the record's owner), mostly updates (a deal's amount or
stage, a ticket's resolution or priority), one in ten a new record.
`;
