// A small static file server for build/web (correct MIME types for .wasm, no caching, the
// same security headers a careful host would send). Usage: node serve.mjs <dir> [port] [--csp]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

export function startServer(root, { port = 0, host = '127.0.0.1', csp = false } = {}) {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = '/'; }
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403); res.end('forbidden'); return; }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
      const headers = { 'content-type': MIME[path.extname(file)] || 'application/octet-stream',
                        'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
      if (csp) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'build/web';
  const port = Number(process.argv[3] || 8080);
  const server = await startServer(dir, { port, csp: process.argv.includes('--csp') });
  const { port: actual } = server.address();
  console.log(`Backprop Lab is served at http://127.0.0.1:${actual}/  (Ctrl+C stops)`);
}
