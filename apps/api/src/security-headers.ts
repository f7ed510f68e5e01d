import { createHash } from 'node:crypto';
import type { StorageConfig } from '@platform/config';

/** What the Content-Security-Policy has to allow besides this origin. */
export interface CspInputs {
  /** `'sha256-…'` sources of the inline bootstrap scripts of the web app's index.html. */
  scriptHashes: string[];
  /** Origins media and uploads talk to directly: the S3 endpoint when parts and files go there. */
  mediaOrigins: string[];
  /** Only over HTTPS: on plain HTTP it would send every same-site request to an https:// that is not there. */
  upgradeInsecureRequests: boolean;
}

/**
 * The CSP directives of every response. Scripts are this origin's files and the web app's inline
 * bootstrap by hash, never 'unsafe-inline'. Styles allow inline because Svelte sets style
 * attributes and transition keyframes at run time; styles cannot run code. hls.js plays through
 * Media Source blob: URLs and may start its transmuxer as a blob: worker. Nothing may frame the
 * pages (clickjacking), and forms and <base> stay on this origin.
 */
export function cspDirectives(inputs: CspInputs): Record<string, string[]> {
  const media = inputs.mediaOrigins;
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inputs.scriptHashes],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...media],
    'media-src': ["'self'", 'blob:', ...media],
    'connect-src': ["'self'", ...media],
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(inputs.upgradeInsecureRequests ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The CSP of a response this origin's own pages may frame: a PDF document shown in the library
 * and lessons (an <iframe> of the same origin; `object-src 'none'` keeps <object> and <embed>
 * out). Everything else stays as `cspDirectives` made it; X-Frame-Options goes with it (SAMEORIGIN).
 */
export function framableBySelf(csp: string): string {
  return csp
    .split(';')
    .map((directive) => (directive.trim().startsWith('frame-ancestors') ? "frame-ancestors 'self'" : directive.trim()))
    .join(';');
}

/** `'sha256-…'` of each inline `<script>` of a page, as CSP compares them (the exact text between the tags). */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1]!).digest('base64')}'`);
  }
  return hashes;
}

/**
 * Origins the browser reaches directly for media: the S3 endpoint (and its bucket host when
 * buckets are addressed by host name), where presigned uploads and links point. None for the
 * filesystem store, whose files all come through the API.
 */
export function mediaOriginsOf(storage: StorageConfig): string[] {
  if (storage.driver !== 's3') return [];
  if (!storage.endpoint)
    return [`https://${storage.bucket}.s3.${storage.region}.amazonaws.com`, `https://s3.${storage.region}.amazonaws.com`];
  const endpoint = new URL(storage.endpoint);
  return storage.forcePathStyle ? [endpoint.origin] : [endpoint.origin, `${endpoint.protocol}//${storage.bucket}.${endpoint.host}`];
}
