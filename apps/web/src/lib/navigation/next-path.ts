/**
 * The path a `?next=` parameter may send the browser to, or null when it is not a path on this
 * site. The value is parsed against `origin` the way the browser will resolve it, and only kept
 * when the parsed URL has our origin: string checks alone miss what the URL parser strips or
 * rewrites (`/\t/evil.example` becomes `https://evil.example/`, `/\evil` becomes `//evil`).
 * Control characters and backslashes are refused outright: nothing we link to contains them, and
 * a control character in a redirect target is an internal error in the router.
 * What is returned is the parsed path, re-checked, so what is followed is exactly what was checked
 * (`/..//evil` parses to the path `//evil`, which would leave the site when resolved again).
 */
export function safeNextPath(next: string | null, origin: string): string | null {
  if (!next || !next.startsWith('/')) return null;
  for (const char of next) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f || char === '\\') return null;
  }
  const parsed = parseOn(next, origin);
  if (!parsed) return null;
  const path = parsed.pathname + parsed.search + parsed.hash;
  return parseOn(path, origin)?.href === parsed.href ? path : null;
}

function parseOn(path: string, origin: string): URL | null {
  try {
    const url = new URL(path, origin);
    return url.origin === new URL(origin).origin ? url : null;
  } catch {
    return null;
  }
}
