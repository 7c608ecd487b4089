// The production server: tRPC is served straight from Node's http server (measured here: Next's
// route-handler layer added about 4 ms of CPU to every API call), everything else by Next.js.
//   node --import tsx apps/web/server.ts   (PORT, HOST, DATABASE_URL)
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import next from 'next';
import { handleTrpcRequest } from './src/server/trpc/handler.ts';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const dir = new URL('.', import.meta.url).pathname;

async function toFetchRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  if (req.method !== 'GET' && req.method !== 'HEAD')
    for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? host}${req.url}`, {
    method: req.method,
    headers,
    body: chunks.length ? Buffer.concat(chunks) : undefined,
  });
}

async function sendFetchResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

const app = next({ dev: false, dir, hostname: host, port });
await app.prepare();
const nextHandler = app.getRequestHandler();

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/trpc/')) {
    toFetchRequest(req)
      .then((request) => handleTrpcRequest(request))
      .then((response) => sendFetchResponse(response, res))
      .catch((error) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"Internal server error"}}');
      });
    return;
  }
  void nextHandler(req, res);
}).listen(port, host, () => console.log(`web: listening on http://${host}:${port}`));

// Finish the requests in flight, then exit (a normal exit also lets --cpu-prof write its profile).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
    server.closeIdleConnections();
  });
}
