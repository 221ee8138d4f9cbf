// Shared helpers for the browser tests: a static HTTP server over the built page
// (BPL_WEB_DIR, default build/web), Debian's Chromium driven by playwright-core, and a page
// opener that waits for backpropLab.ready and collects console errors.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = path.resolve(process.env.BPL_WEB_DIR || path.join(here, '..', '..', 'build', 'web'));
export const SCREENSHOT_DIR = path.resolve(process.env.BPL_SCREENSHOT_DIR || path.join(here, '..', '..', 'build', 'screenshots'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json',
};

// Serves `root`; `extraRoutes` maps a path ("/parent.html") to {type, body} (for test pages);
// `headers` are added to every response (e.g. a Content-Security-Policy).
export function startServer({ root = WEB_DIR, extraRoutes = {}, headers = {} } = {}) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const route = extraRoutes[url.pathname];
    if (route) {
      res.writeHead(200, { 'Content-Type': route.type || TYPES['.html'], ...headers });
      res.end(route.body);
      return;
    }
    const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
                         'Content-Length': fs.statSync(file).size, 'Cache-Control': 'no-store', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.BPL_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// Opens `url` in a new page of `browser`, waits for backpropLab.ready; returns {page, errors}.
// errors collects console errors and uncaught page errors.
export async function openPage(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1, waitReady = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  if (waitReady) await page.waitForFunction(() => window.backpropLab, null, { timeout: 30000 })
    .then(() => page.evaluate(() => window.backpropLab.ready.then(() => true)));
  return { page, context, errors };
}

// Waits for `frames` more animation frames in the page.
export async function frames(page, n = 10) {
  await page.evaluate((count) => new Promise((resolve) => {
    let left = count;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

export async function until(page, predicate, arg, timeout = 20000) {
  return page.waitForFunction(predicate, arg, { timeout, polling: 100 });
}

export function screenshotPath(name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

// Pixel statistics of a PNG screenshot, computed in the browser (no image library needed):
// distinct colours (quantised) and the standard deviation of the luminance.
export async function pixelStats(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let sum = 0, sum2 = 0, n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      colours.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
      const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      sum += y; sum2 += y * y; n++;
    }
    const mean = sum / n;
    return { width: c.width, height: c.height, colours: colours.size, mean, std: Math.sqrt(sum2 / n - mean * mean) };
  }, png.toString('base64'));
}
