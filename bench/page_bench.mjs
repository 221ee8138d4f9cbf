// page-bench: the page in headless Chromium (Debian's, via tests/browser/lib.mjs) at 1280x800:
// per-frame cost of our code, fps, download size, time to first frame and WASM heap size.
// Prints one JSON object. Run by scripts/bench.sh; BPL_WEB_DIR picks the build (default build/web).
//
// Per-frame cost is measured inside the page without touching it: an init script wraps
// requestAnimationFrame and times each call of Emscripten's main-loop runner (our frame():
// events, training, ImGui build, GL submit). The gaps between runner calls give the fps.
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openPage, WEB_DIR } from '../tests/browser/lib.mjs';

const FRAMES = Number(process.env.BENCH_FRAMES || 240);                // frames timed per setting
const MEMORY_FRAMES = Number(process.env.BENCH_MEMORY_FRAMES || 10000);  // frames of the memory run

const timingHook = () => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__bench = { cost: [], start: [], record: false };
  window.requestAnimationFrame = (cb) => raf((ts) => {
    const isRunner = cb && /mainLoop_runner/.test(cb.name || '');
    if (!isRunner || !window.__bench.record) return cb(ts);
    const t0 = performance.now();
    try { return cb(ts); } finally {
      window.__bench.cost.push(performance.now() - t0);
      window.__bench.start.push(t0);
    }
  });
};

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { median: +at(0.5).toFixed(2), p95: +at(0.95).toFixed(2), max: +v[v.length - 1].toFixed(2), n: v.length };
}

// Frames at `query` (the page's own URL parameters): our per-frame ms and the fps achieved.
async function frameCost(browser, origin, query, frames = FRAMES) {
  const { page, context, errors } = await openPage(browser, `${origin}/?${query}`);
  await page.waitForTimeout(1500);                     // warm-up: JIT, font atlas, first maps
  await page.evaluate(() => { window.__bench.cost = []; window.__bench.start = []; window.__bench.record = true; });
  await page.waitForFunction((n) => window.__bench.cost.length >= n, frames, { timeout: 120000, polling: 250 });
  const { cost, start } = await page.evaluate(() => { window.__bench.record = false; return window.__bench; });
  const state = await page.evaluate(() => window.backpropLab.state());
  const seconds = (start[start.length - 1] - start[0]) / 1000;
  await context.close();
  return {
    query, frame_ms: stats(cost), fps: +((start.length - 1) / seconds).toFixed(1),
    epochs_last_frame: state.epochsLastFrame, train_ms: state.trainMs, errors: errors.length,
  };
}

// What the page downloads: every response of a fresh load, raw and gzip -9 sizes.
async function download(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const files = new Set();
  page.on('response', (r) => { if (r.ok()) files.add(new URL(r.url()).pathname); });
  await page.goto(`${origin}/`);
  const readyMs = await page.evaluate(() => new Promise((resolve) => {
    const wait = () => (window.backpropLab ? window.backpropLab.ready.then(() => resolve(performance.now()))
                                           : setTimeout(wait, 5));
    wait();
  }));
  await context.close();
  const rows = [...files].sort().map((p) => {
    const bytes = fs.readFileSync(path.join(WEB_DIR, p === '/' ? 'index.html' : p));
    return { file: p === '/' ? 'index.html' : p.slice(1), raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  return { files: rows, raw: sum('raw'), gzip: sum('gzip'), first_frame_ms: +readyMs.toFixed(0) };
}

// Time to first frame, median of a few fresh loads (performance.now() counts from navigation).
async function firstFrame(browser, origin, loads = 5) {
  const times = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    times.push(await page.evaluate(() => new Promise((resolve) => {
      const wait = () => (window.backpropLab ? window.backpropLab.ready.then(() => resolve(performance.now()))
                                             : setTimeout(wait, 5));
      wait();
    })));
    await context.close();
  }
  return stats(times);
}

// WASM heap: after start, then after 1,000,000 epochs (backpropLab.step) and 10,000 frames.
async function memory(browser, origin) {
  const { page, context } = await openPage(browser, `${origin}/?speed=100`);
  const heap = () => page.evaluate(() => {
    const m = window.Module || {};
    const buf = (m.HEAPU8 && m.HEAPU8.buffer) || (m.asm && Object.values(m.asm).find((x) => x instanceof WebAssembly.Memory)?.buffer);
    return buf ? buf.byteLength : null;
  });
  const atStart = await heap();
  const epoch0 = (await page.evaluate(() => window.backpropLab.state())).epoch;
  for (let done = 0; done < 1000000; done += 100000) await page.evaluate(() => window.backpropLab.step(100000));
  const afterEpochs = await heap();
  await page.evaluate(() => { window.__bench.cost = []; window.__bench.start = []; window.__bench.record = true; });
  await page.waitForFunction((n) => window.__bench.cost.length >= n, MEMORY_FRAMES, { timeout: 1800000, polling: 1000 });
  await page.evaluate(() => { window.__bench.record = false; });
  const afterFrames = await heap();
  const state = await page.evaluate(() => window.backpropLab.state());
  await context.close();
  return { frames: MEMORY_FRAMES, heap_start: atStart, heap_after_1m_epochs: afterEpochs, heap_after_10k_frames: afterFrames,
           epochs_trained: state.epoch - epoch0, history_points: state.historyPoints };
}

const server = await startServer();
const browser = await launchBrowser();
try {
  // The timing hook goes into every page of every context this browser opens.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (opts) => { const c = await newContext(opts); await c.addInitScript(timingHook); return c; };
  // BENCH_ONLY (shared with scripts/bench.sh) may name parts of this run; none named: all of them.
  const parts = ['frames', 'download', 'memory'];
  const asked = (process.env.BENCH_ONLY || '').split(',').filter((p) => parts.includes(p));
  const only = asked.length ? asked : parts;
  const out = { web_dir: WEB_DIR };
  if (only.includes('frames')) {
    out.frames = [];
    for (const q of ['speed=1', 'speed=1000', 'speed=1&hidden=16,16,16,16', 'speed=1000&hidden=16,16,16,16', 'speed=10000']) {
      out.frames.push(await frameCost(browser, server.origin, q));
      process.stderr.write(`page-bench: ${JSON.stringify(out.frames[out.frames.length - 1])}\n`);
    }
  }
  if (only.includes('download')) {
    out.download = await download(browser, server.origin);
    out.download.first_frame_ms = await firstFrame(browser, server.origin);
  }
  if (only.includes('memory')) out.memory = await memory(browser, server.origin);
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
}
