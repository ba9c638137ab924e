// The browser's calls to the import API: JSON in and out; an answer that is not OK throws its message.
export async function callImportApi<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `The request failed (${res.status}).`);
  return body;
}

/** A POST with a JSON body. */
export const jsonPost = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
