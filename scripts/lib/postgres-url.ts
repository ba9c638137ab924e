// The URL of another database on the same Postgres server (the e2e server's and the tests' throwaway
// databases, and `postgres` to create or drop them from).
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
