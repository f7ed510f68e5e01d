// Which robot URLs may be stored and posted to. The platform posts from inside the bureau's
// network, so a URL is a request the server makes on a user's behalf (SSRF): only https to a
// public address, unless configuration allows plain http or private addresses (tests, a private
// WeCom deployment on the bureau's own network).
import { BlockList, isIP } from 'node:net';
import type { ErrorCode } from '@platform/contracts';

/** What configuration allows besides https to public addresses. */
export interface WebhookUrlPolicy {
  allowHttp: boolean;
  allowPrivate: boolean;
}

const refused = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  refused.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const)
  refused.addSubnet(net, prefix, 'ipv6');

/**
 * True for loopback, private (RFC 1918, ULA), link-local (cloud metadata at 169.254.169.254),
 * carrier-grade NAT, multicast and reserved addresses, IPv4-mapped IPv6 included.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return refused.check(bare, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return refused.check(mapped[1]!, 'ipv4');
  return refused.check(bare, 'ipv6');
}

/** A parsed robot URL, or the code of the rule it breaks. */
export type UrlCheck = { ok: true; url: URL } | { ok: false; code: ErrorCode; message: string };

/**
 * Checks a robot URL as typed. Host names are checked again at connection time against what they
 * resolve to (`isPrivateAddress`), since a public name can point anywhere.
 */
export function checkWebhookUrl(input: string, policy: WebhookUrlPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, code: 'WEBHOOK_URL_INVALID', message: 'must be an absolute URL' };
  }
  if (url.username || url.password || !url.hostname)
    return { ok: false, code: 'WEBHOOK_URL_INVALID', message: 'must be a URL with a host and no user info' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowHttp))
    return { ok: false, code: 'WEBHOOK_URL_INSECURE', message: 'must be an https:// URL' };
  const host = url.hostname.toLowerCase();
  const local = host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
  if (local && !policy.allowPrivate)
    return { ok: false, code: 'WEBHOOK_URL_PRIVATE', message: 'must not point at a private, loopback or link-local address' };
  return { ok: true, url };
}
