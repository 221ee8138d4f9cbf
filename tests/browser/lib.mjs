// Shared helpers for the browser tests: a static HTTP server over the built page
// (BPL_WEB_DIR, default build/web), Debian's Chromium driven by playwright-core, and a page
// opener that waits for backpropLab.ready and collects console errors. Every context gets the
// same viewport, pixel ratio, locale, time zone and colour scheme whatever the machine's, and
// the server serves only what the page build lists (site-files.txt), never a file an earlier
// build left in the folder.
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIR = path.resolve(process.env.BPL_WEB_DIR || path.join(here, '..', '..', 'build', 'web'));
export const SCREENSHOT_DIR = path.resolve(process.env.BPL_SCREENSHOT_DIR || path.join(here, '..', '..', 'build', 'screenshots'));
// Waits are on conditions; their limits only stop a hung run, so they are generous (software
// GL on a busy single core draws a few frames a second).
export const WAIT_MS = 120000;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json',
};

// The files the page build produced (cmake/page.cmake writes the list).
export function siteFiles(root = WEB_DIR) {
  const list = path.join(root, 'site-files.txt');
  if (!fs.existsSync(list)) throw new Error(`${list} is missing: build the page first (bash scripts/test.sh)`);
  const names = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const missing = names.filter((n) => !fs.existsSync(path.join(root, n)));
  if (missing.length) throw new Error(`the page build is incomplete, missing in ${root}: ${missing.join(', ')}`);
  return new Set(names);
}

// Serves the page's files from `root`; `extraRoutes` maps a path ("/parent.html") to
// {type, body} (for test pages); `headers` are added to every response (e.g. a CSP).
export function startServer({ root = WEB_DIR, extraRoutes = {}, headers = {} } = {}) {
  const served = siteFiles(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const route = extraRoutes[url.pathname];
    if (route) {
      res.writeHead(200, { 'Content-Type': route.type || TYPES['.html'], ...headers });
      res.end(route.body);
      return;
    }
    let name = '';
    try { name = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname).slice(1); } catch { name = ''; }
    if (!served.has(name)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    const file = path.join(root, name);
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
    // Software GL (SwiftShader) on every machine; sRGB output whatever the display's profile,
    // so colours in screenshots are the page's own.
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
           '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--force-color-profile=srgb', '--lang=en-US'],
  });
}

// A browser context with everything that could differ between machines set explicitly (the
// colour scheme is light unless a test asks for the reader's system to prefer dark); `touch`:
// a phone's (touch events, no hover, the viewport meta tag honoured).
export function newContext(browser, { width = 1280, height = 800, deviceScaleFactor = 1, colorScheme = 'light',
                                      touch = false, reducedMotion = 'no-preference' } = {}) {
  return browser.newContext({ viewport: { width, height }, deviceScaleFactor, locale: 'en-US', timezoneId: 'UTC',
                              colorScheme, reducedMotion, hasTouch: touch, isMobile: touch });
}

// Opens `url` in a new context of `browser` (see newContext), waits for backpropLab.ready;
// returns {page, context, errors}. errors collects console errors and uncaught page errors.
export async function openPage(browser, url, { width = 1280, height = 800, deviceScaleFactor = 1, colorScheme = 'light',
                                              touch = false, reducedMotion = 'no-preference', waitReady = true } = {}) {
  const context = await newContext(browser, { width, height, deviceScaleFactor, colorScheme, touch, reducedMotion });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  if (waitReady) await page.waitForFunction(() => window.backpropLab, null, { timeout: WAIT_MS })
    .then(() => page.evaluate(() => window.backpropLab.ready.then(() => true)));
  return { page, context, errors };
}

// Waits for `frames` more animation frames in the page (or frame); fails after WAIT_MS
// without them (a page that stopped drawing, not a slow one).
export async function frames(page, n = 10) {
  let timer;
  const stuck = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`fewer than ${n} animation frames in ${WAIT_MS / 1000} s`)), WAIT_MS);
  });
  try {
    await Promise.race([stuck, page.evaluate((count) => new Promise((resolve) => {
      let left = count;
      const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }), n)]);
  } finally {
    clearTimeout(timer);
  }
}

// The epoch count seen in each of the next n animation frames (n + 1 values): consecutive
// differences (deltas) are the epochs the page trained in one frame.
export const epochsPerFrame = (page, n) => page.evaluate((count) => new Promise((resolve) => {
  const seen = [window.backpropLab.state().epoch];
  const tick = () => {
    seen.push(window.backpropLab.state().epoch);
    if (seen.length <= count) requestAnimationFrame(tick); else resolve(seen);
  };
  requestAnimationFrame(tick);
}), n);
export const deltas = (seen) => seen.slice(1).map((e, i) => e - seen[i]);

// Where the last drawn frame put the page's main parts (web/ui/layout_report.hpp), from the page
// or a frame: {arrangement, width, height, scroll, scrollMax, tooltip, mouse, parts: {name: {x, y, w, h, cut}}}.
export const layout = (target) => target.evaluate(() => JSON.parse(window.Module.UTF8ToString(window.Module._bpl_debug_layout())));

export async function until(page, predicate, arg, timeout = WAIT_MS) {
  return page.waitForFunction(predicate, arg, { timeout, polling: 100 });
}

// Screenshots go to SCREENSHOT_DIR/<test file>/, emptied when a test file saves its first one,
// so the folder only ever holds what this run drew (and no test reads another's pictures).
let screenshotFolder = null;
export function screenshotPath(name) {
  if (!screenshotFolder) {
    const file = process.argv[1] ? path.basename(process.argv[1]).replace(/\.(test\.)?m?js$/, '') : 'misc';
    screenshotFolder = path.join(SCREENSHOT_DIR, file);
    fs.rmSync(screenshotFolder, { recursive: true, force: true });
    fs.mkdirSync(screenshotFolder, { recursive: true });
    for (const loose of fs.readdirSync(SCREENSHOT_DIR)) {   // pictures from before the per-file folders
      if (loose.endsWith('.png')) fs.rmSync(path.join(SCREENSHOT_DIR, loose), { force: true });
    }
  }
  return path.join(screenshotFolder, name);
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

// ---- finding what a screenshot shows ---------------------------------------------------------
// Helpers take a decoded image ({width, height, data}), an [r, g, b] colour and a region
// [x0, y0, x1, y1] (x1, y1 exclusive). Colours match within `tol` per channel: the page draws
// these shapes in flat colours, and software and hardware GL blend their edges a little
// differently, never their cores.

function colourMask(img, colour, [x0, y0, x1, y1], tol) {
  const { width, data } = img;
  const w = x1 - x0, h = y1 - y0, mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = 4 * ((y0 + y) * width + x0 + x);
      mask[y * w + x] = Math.abs(data[i] - colour[0]) <= tol && Math.abs(data[i + 1] - colour[1]) <= tol &&
                        Math.abs(data[i + 2] - colour[2]) <= tol ? 1 : 0;
    }
  return { mask, w, h };
}

// Connected areas of one colour (4-neighbours) of at least minPixels pixels, as
// {x0, y0, x1, y1 (inclusive), pixels}, largest first.
export function colourRegions(img, colour, region, { tol = 4, minPixels = 200 } = {}) {
  const { mask, w, h } = colourMask(img, colour, region, tol);
  const out = [];
  for (let start = 0; start < w * h; start++) {
    if (mask[start] !== 1) continue;
    const stack = [start];
    mask[start] = 2;
    let pixels = 0, lx = w, ly = h, hx = -1, hy = -1;
    while (stack.length) {
      const at = stack.pop(), x = at % w, y = (at - x) / w;
      pixels++;
      lx = Math.min(lx, x); ly = Math.min(ly, y); hx = Math.max(hx, x); hy = Math.max(hy, y);
      for (const next of [x > 0 ? at - 1 : -1, x < w - 1 ? at + 1 : -1, y > 0 ? at - w : -1, y < h - 1 ? at + w : -1])
        if (next >= 0 && mask[next] === 1) { mask[next] = 2; stack.push(next); }
    }
    if (pixels >= minPixels) out.push({ x0: lx + region[0], y0: ly + region[1], x1: hx + region[0], y1: hy + region[1], pixels });
  }
  return out.sort((a, b) => b.pixels - a.pixels);
}

// The centroid and count of the pixels of one colour in a region ({x, y, pixels}).
export function colourCentroid(img, colour, region, { tol = 12 } = {}) {
  const { mask, w, h } = colourMask(img, colour, region, tol);
  let sx = 0, sy = 0, n = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) { sx += x; sy += y; n++; }
  return { x: n ? region[0] + sx / n : NaN, y: n ? region[1] + sy / n : NaN, pixels: n };
}

// Rings (circle outlines) of one colour with radius minR..maxR, found by a circle Hough
// transform over the colour's edge pixels: [{x, y, r, score}], score = the fraction of the
// circle present. A ring must stand alone: little of its colour just inside and just outside
// it (text on a filled label of the same colour would otherwise pass).
export function findRings(img, colour, region, { tol = 12, minR = 8, maxR = 28, minScore = 0.6 } = {}) {
  const { mask, w, h } = colourMask(img, colour, region, tol);
  const edge = new Uint8Array(w * h);   // drop the inside of filled shapes (a banner, a button)
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      let inside = true;
      for (let dy = -2; dy <= 2 && inside; dy++)
        for (let dx = -2; dx <= 2 && inside; dx++) {
          const xx = x + dx, yy = y + dy;
          inside = xx >= 0 && yy >= 0 && xx < w && yy < h && mask[yy * w + xx] === 1;
        }
      edge[y * w + x] = inside ? 0 : 1;
    }
  const share = (cx, cy, r) => {   // fraction of 64 points at distance r that have the colour
    let hit = 0, all = 0;
    for (let k = 0; k < 64; k++) {
      const x = Math.round(cx + r * Math.cos(k * Math.PI / 32)), y = Math.round(cy + r * Math.sin(k * Math.PI / 32));
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      all++; hit += mask[y * w + x];
    }
    return all ? hit / all : 1;
  };
  const found = [];
  const votes = new Uint16Array(w * h);
  for (let r = minR; r <= maxR; r++) {
    const offsets = new Map();
    for (let k = 0, steps = Math.ceil(3 * Math.PI * r); k < steps; k++) {
      const dx = Math.round(r * Math.cos(2 * Math.PI * k / steps)), dy = Math.round(r * Math.sin(2 * Math.PI * k / steps));
      offsets.set(`${dx},${dy}`, [dx, dy]);
    }
    const circle = [...offsets.values()];
    votes.fill(0);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        if (!edge[y * w + x]) continue;
        for (const [dx, dy] of circle) {
          const cx = x + dx, cy = y + dy;
          if (cx >= 0 && cy >= 0 && cx < w && cy < h) votes[cy * w + cx]++;
        }
      }
    for (let y = 1; y < h - 1; y++)
      for (let x = 1; x < w - 1; x++) {
        const v = votes[y * w + x];
        if (v < minScore * circle.length) continue;
        let peak = true;
        for (let dy = -1; dy <= 1 && peak; dy++) for (let dx = -1; dx <= 1 && peak; dx++) peak = votes[(y + dy) * w + x + dx] <= v;
        if (peak && share(x, y, r - 4) < 0.3 && share(x, y, r + 4) < 0.3)
          found.push({ x: x + region[0], y: y + region[1], r, score: v / circle.length });
      }
  }
  found.sort((a, b) => b.score - a.score);   // one ring is found at neighbouring centres and radii
  const rings = [];
  for (const f of found) if (!rings.some((g) => Math.hypot(g.x - f.x, g.y - f.y) < g.r)) rings.push(f);
  return rings.sort((a, b) => a.x - b.x || a.y - b.y);
}

// The fraction of 64 points on the circle (x, y, r) that have the colour.
export function shareOnCircle(img, colour, x, y, r, { tol = 12 } = {}) {
  const { width, height, data } = img;
  let hit = 0, all = 0;
  for (let k = 0; k < 64; k++) {
    const px = Math.round(x + r * Math.cos(k * Math.PI / 32)), py = Math.round(y + r * Math.sin(k * Math.PI / 32));
    if (px < 0 || py < 0 || px >= width || py >= height) continue;
    const i = 4 * (py * width + px);
    all++;
    if (Math.abs(data[i] - colour[0]) <= tol && Math.abs(data[i + 1] - colour[1]) <= tol && Math.abs(data[i + 2] - colour[2]) <= tol) hit++;
  }
  return all ? hit / all : 0;
}
