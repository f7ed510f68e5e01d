// The baseline of the request benchmarks: a bare Fastify route on this machine, in its own
// process like the API, answering a JSON POST with a small JSON body. Usage: trivial-server.ts PORT
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/trivial', async (request) => ({ ok: true, size: JSON.stringify(request.body).length }));
await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
console.log('listening');
