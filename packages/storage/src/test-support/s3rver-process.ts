/**
 * Child-process entry of {@link startS3rverPeer}: serves s3rver (plus the multipart shim) on a
 * free port of 127.0.0.1 (or the port given after the directory, so a restarted store keeps its
 * address), prints `{"port":n}` once listening, and exits when stdin closes, so it never outlives
 * the test process that started it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import S3rver from 's3rver';
import { createMultipartShim } from './s3rver-multipart-shim.ts';

const directory = process.argv[2];
if (!directory) throw new Error('usage: s3rver-process.ts <directory> [port]');
const port = Number(process.argv[3] ?? 0);

const s3rver = new S3rver({ directory, silent: true });
const s3rverHandler = s3rver.getMiddleware();
const shim = createMultipartShim(directory);

const server = http.createServer((req, res) => {
  shim(req, res).then(
    (answered) => answered || s3rverHandler(req, res),
    (error: unknown) => res.writeHead(500).end(String(error)),
  );
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.stdin.resume();
process.stdin.on('close', () => process.exit(0));
