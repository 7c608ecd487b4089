// The worker's own small HTTP port: /healthz (database reachable, worker running) and /metrics.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthSource {
  healthy(): Promise<{ ok: boolean; detail: string }>;
  metrics(): Promise<string>;
}

export async function startHttp(
  port: number,
  source: HealthSource,
): Promise<{ server: Server; port: number }> {
  const server = createServer(async (req, res) => {
    try {
      if (req.url === '/healthz') {
        const health = await source.healthy();
        res.writeHead(health.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(health));
      } else if (req.url === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(await source.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found: try /healthz or /metrics\n');
      }
    } catch (error) {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end(`${(error as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return { server, port: (server.address() as AddressInfo).port };
}
