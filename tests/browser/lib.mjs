// Shared helpers for the browser tests: a static HTTP server over the built page
// (BPL_WEB_DIR, default build/web), Debian's Chromium driven by playwright-core, and a page
// opener that waits for backpropLab.ready and collects console errors.
import http from 'node:http';
import zlib from 'node:zlib';
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

// A PNG screenshot's pixels, decoded here in Node (zlib only, no image library): 8-bit RGB or
// RGBA, not interlaced, which is what Chromium writes. Returns {width, height, data} with four
// bytes per pixel (RGBA), like a canvas's ImageData, so no page (and no page CSP) is involved.
export function decodePng(png) {
  let pos = 8, width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  while (pos + 8 <= png.length) {
    const length = png.readUInt32BE(pos);
    const kind = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (kind === 'IHDR') [width, height, depth, type, interlace] = [body.readUInt32BE(0), body.readUInt32BE(4), body[8], body[9], body[12]];
    else if (kind === 'IDAT') idat.push(body);
    else if (kind === 'IEND') break;
    pos += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[type];
  if (depth !== 8 || !channels || interlace) throw new Error(`decodePng: unsupported PNG (depth ${depth}, colour type ${type}, interlace ${interlace})`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const data = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride), row = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {   // undo the row filter (PNG spec: None, Sub, Up, Average, Paeth)
      const a = i >= channels ? row[i - channels] : 0, b = prev[i], c = i >= channels ? prev[i - channels] : 0;
      let predicted = 0;
      if (filter === 1) predicted = a;
      else if (filter === 2) predicted = b;
      else if (filter === 3) predicted = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`decodePng: unknown row filter ${filter}`);
      row[i] = (line[i] + predicted) & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = 4 * (y * width + x), r = x * channels;
      data[o] = row[r]; data[o + 1] = row[r + 1]; data[o + 2] = row[r + 2];
      data[o + 3] = channels === 4 ? row[r + 3] : 255;
    }
    [prev, row] = [row, prev];
  }
  return { width, height, data };
}

// Pixel statistics of a PNG screenshot: distinct colours (quantised) and the standard deviation
// of the luminance, over every 7th pixel.
export function pixelStats(png) {
  const { width, height, data: d } = decodePng(png);
  const colours = new Set();
  let sum = 0, sum2 = 0, n = 0;
  for (let i = 0; i < d.length; i += 4 * 7) {
    colours.add(((d[i] >> 3) << 10) | ((d[i + 1] >> 3) << 5) | (d[i + 2] >> 3));
    const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
    sum += y; sum2 += y * y; n++;
  }
  const mean = sum / n;
  return { width, height, colours: colours.size, mean, std: Math.sqrt(sum2 / n - mean * mean) };
}
