import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, RobotUnreachableError, type RobotPoster, type RobotReply } from '@platform/core';

/** Replies are a few bytes of JSON; anything longer is cut here. */
const MAX_REPLY_BYTES = 16 * 1024;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/**
 * A DNS lookup that refuses private, loopback and link-local answers, used as the connection's
 * own lookup: the address checked is the address connected to, so a name that resolves to a
 * public address when the robot is saved and to 169.254.169.254 later (DNS rebinding) is caught.
 */
function guardedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new AddressRefused(`${hostname} resolves to a refused address`), []);
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    callback(null, first.address, first.family);
  });
}

/**
 * Posts JSON to group robots over node:http(s): no redirects followed, the answer capped, the
 * connection aborted by `signal` (the caller's timeout). Errors name the host, never the URL,
 * whose query holds the robot's key.
 */
export class HttpRobotPoster implements RobotPoster {
  constructor(private readonly options: { allowPrivate: boolean }) {}

  post(url: string, body: unknown, signal: AbortSignal): Promise<RobotReply> {
    const target = new URL(url);
    const host = target.host;
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (!this.options.allowPrivate && isIP(literal) && isPrivateAddress(literal))
      return Promise.reject(new RobotUnreachableError('ADDRESS_REFUSED', `${host} is a refused address`));
    const payload = Buffer.from(JSON.stringify(body));
    const client = target.protocol === 'https:' ? https : http;
    return new Promise<RobotReply>((resolve, reject) => {
      const fail = (error: Error) => reject(unreachable(error, host, signal));
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length },
          signal,
          ...(this.options.allowPrivate ? {} : { lookup: guardedLookup }),
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_REPLY_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, MAX_REPLY_BYTES).toString('utf8') }),
          );
          response.on('error', fail);
        },
      );
      request.on('error', fail);
      request.end(payload);
    });
  }
}

/** The error of a post that got no answer, with the reason recorded as the robot's status. */
function unreachable(error: Error, host: string, signal: AbortSignal): RobotUnreachableError {
  if (error instanceof AddressRefused) return new RobotUnreachableError('ADDRESS_REFUSED', `${host} resolves to a refused address`);
  if (signal.aborted) {
    const reason = (signal.reason as Error | undefined)?.name === 'TimeoutError' ? 'timed out' : 'was cancelled';
    return new RobotUnreachableError('TIMEOUT', `the post to ${host} ${reason}`);
  }
  // Node's connection errors name the address and port, not the path or query.
  const code = (error as NodeJS.ErrnoException).code ?? error.name;
  return new RobotUnreachableError('UNREACHABLE', `no answer from ${host}: ${code}`, { cause: error });
}
