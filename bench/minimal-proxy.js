// The floor for a Node proxy: node:http in, one keep-alive undici Pool out, bytes piped both ways.
// It does no parsing, routing or logging, so whatever Arbiter costs above this is Arbiter's own work.
// Env: UPSTREAM_URL (e.g. http://127.0.0.1:4000/v1), PORT, HOST, UPSTREAM_API_KEY.
import http from 'node:http';
import { Pool } from 'undici';

const upstream = new URL(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:4000/v1');
// The proxy holds the key, as a gateway does; clients send none.
const authorization = `Bearer ${process.env.UPSTREAM_API_KEY ?? 'x'}`;
const pool = new Pool(upstream.origin, { keepAliveTimeout: 30_000 });

const server = http.createServer((req, res) => {
  const headers = { authorization, 'content-type': req.headers['content-type'] ?? 'application/json' };
  // Forwarding the length keeps the upstream request un-chunked, as Arbiter's is.
  if (req.headers['content-length']) headers['content-length'] = req.headers['content-length'];
  pool.request(
    { origin: upstream.origin, path: req.url, method: req.method, headers, body: req },
    (error, data) => {
      if (error) {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(String(error.message));
        return;
      }
      // Status, content-type and length only: the body goes back untouched.
      const out = { 'content-type': data.headers['content-type'] ?? 'application/octet-stream' };
      if (data.headers['content-length']) out['content-length'] = data.headers['content-length'];
      res.writeHead(data.statusCode, out);
      // pipe(), not stream.pipeline(): pipeline builds an AbortController per call and aborts it at the
      // end (a DOMException each time), ~10 % of this proxy's CPU, which no proxy has to pay.
      data.body.on('error', () => res.destroy()).pipe(res);
      res.once('close', () => data.body.destroy()); // client gone: free the upstream connection
    },
  );
});

server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  process.stderr.write(`minimal proxy listening on http://${address}:${port}\n`);
});

const stop = () => server.close(() => pool.close().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
