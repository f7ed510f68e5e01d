/**
 * A random id this browser keeps for itself, so the server can tell two devices of one learner
 * apart (one may play at a time). Not a fingerprint: clearing site data makes a new one.
 */
export function deviceId(): string {
  const key = 'platform.learn.device';
  try {
    const known = localStorage.getItem(key);
    if (known) return known;
    const fresh = crypto.randomUUID();
    localStorage.setItem(key, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}
