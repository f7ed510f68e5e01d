/**
 * RTSP addresses of cameras. The full URL (credentials included) is what ffmpeg needs and what is
 * stored sealed; everything shown or logged goes through `withoutCredentials` or `redactRtsp`.
 */

/** rtsp://user:pass@host/path from an address and separately given credentials (URL-encoded). */
export function rtspUrlWithCredentials(address: string, username?: string, password?: string): string {
  const url = new URL(address);
  if (username !== undefined && username !== '') {
    url.username = encodeURIComponent(username);
    url.password = password ? encodeURIComponent(password) : '';
  }
  return url.toString();
}

/** The address as shown to people: no user name, no password. */
export function withoutCredentials(address: string): string {
  const url = new URL(address);
  url.username = '';
  url.password = '';
  return url.toString();
}

/** True when the address carries a user name (and so, usually, a password). */
export function hasCredentials(address: string): boolean {
  return new URL(address).username !== '';
}

/** Any text (an ffmpeg message, an argv) with the credentials of every rtsp(s) URL in it masked. */
export function redactRtsp(text: string): string {
  return text.replace(/(rtsps?:\/\/)[^\s/@]*@/gi, '$1***@');
}
