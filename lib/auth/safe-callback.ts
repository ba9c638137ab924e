// Where to send someone after signing in (or out). The target comes from the address bar
// (`?callbackUrl=`), so it must never leave this app: browsers drop tabs, CR and LF from URLs and read
// `\` as `/`, so `/<tab>/evil.test` becomes `//evil.test`, a link to another site. Only plain paths of
// this origin pass; anything else gets the fallback. No server imports: the login form uses this too.

export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

/** C0 controls (tab, CR, LF included), DEL and C1 controls, and the backslash. */
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\\]/;
/** Longer targets are not links anyone needs to come back to. */
const MAX_LENGTH = 2048;
/** Any origin will do: only "is it still this origin after parsing" matters. */
const PROBE_ORIGIN = 'http://callback.invalid';

/** The value and every percent-decoded layer of it, or null when a layer is not valid encoding. */
function decodedLayers(value: string): string[] | null {
  const layers = [value];
  let current = value;
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    layers.push(next);
    current = next;
  }
  return layers;
}

/** A layer is suspicious when it has a forbidden character or starts like a host (`//x`, `/\x`). */
function looksUnsafe(layer: string): boolean {
  return FORBIDDEN_CHARS.test(layer) || /^[/\\]{2}/.test(layer) || /^\/[/\\]/.test(layer);
}

/**
 * `value` as a path of this app (`/records/deals?stage=won`), or `fallback`. Refused: anything that is
 * not a string starting with one `/`, schemes (`javascript:`), absolute and protocol-relative URLs,
 * control characters or backslashes anywhere (also percent-encoded, also double-encoded), malformed
 * encoding, and paths that parse to another origin or normalise to `//…`.
 */
export function safeCallbackPath(value: unknown, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith('/')) return fallback;
  const layers = decodedLayers(value);
  if (!layers || layers.some(looksUnsafe)) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (parsed.origin !== PROBE_ORIGIN) return fallback;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // `/.//evil.test` normalises to `//evil.test`: check what we would actually send.
  if (!path.startsWith('/') || looksUnsafe(path)) return fallback;
  return path;
}

/**
 * next-auth's redirect callback: `url` is what the client asked for (a path, or an absolute URL that
 * next-auth built on our own base). Same-origin targets come back as `${baseUrl}${path}`; the rest
 * go to `baseUrl${fallback}`.
 */
export function safeRedirectUrl(url: string, baseUrl: string, fallback: string = DEFAULT_AFTER_SIGN_IN): string {
  const base = baseUrl.replace(/\/+$/, '');
  let candidate: unknown = url;
  if (!url.startsWith('/')) {
    candidate = undefined;
    try {
      const absolute = new URL(url);
      if (absolute.origin === new URL(base).origin && !FORBIDDEN_CHARS.test(url)) {
        candidate = `${absolute.pathname}${absolute.search}${absolute.hash}`;
      }
    } catch { /* not a URL: the fallback */ }
  }
  return `${base}${safeCallbackPath(candidate, fallback)}`;
}
