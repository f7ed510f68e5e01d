import { readFileSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { cspDirectives, inlineScriptHashes, mediaOriginsOf } from '../security-headers.ts';

/**
 * Security headers on every response, errors and the web app's pages included: a CSP (see
 * cspDirectives), X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy
 * same-origin, and HSTS only when cookies are Secure (COOKIE_SECURE=1, i.e. served over HTTPS).
 * Referrer-Policy is same-origin, not no-referrer: with no-referrer a browser sends `Origin: null`
 * on same-origin POSTs, which the origin check would refuse.
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    const { config } = app.platform;
    const https = config.cookieSecure;
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: cspDirectives({
          scriptHashes: webAppScriptHashes(config.webDir),
          mediaOrigins: mediaOriginsOf(config.storage),
          upgradeInsecureRequests: https,
        }),
      },
      hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'same-origin' },
      frameguard: { action: 'deny' },
      // The pages load nothing cross-origin that would need CORP headers of its own.
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'security-headers' },
);

/** Hashes of the inline scripts of the built index.html, read once at boot (none without a build). */
function webAppScriptHashes(webDir: string | undefined): string[] {
  if (!webDir) return [];
  try {
    return inlineScriptHashes(readFileSync(path.join(webDir, 'index.html'), 'utf8'));
  } catch {
    return [];
  }
}
