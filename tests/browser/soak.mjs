// Browser soak (long runs; not part of the test run: scripts/soak.sh calls it).
// Opens the built page at 10,000 epochs per frame and samples, every SOAK_INTERVAL seconds for
// SOAK_SECONDS: the epoch, the WASM heap (Module.HEAP8.length), the JS heap
// (performance.memory.usedJSHeapSize), fps, and the loss-history and rewind sizes. Writes them as
// CSV and prints first / last / max. Exit status 1 when the WASM heap grows after the first
// sample taken 10 s or more in (start-up and the first rewind snapshots are over by then), the history grows past its caps, training stalls or the page logs an error.
//
//   node tests/browser/soak.mjs                         # 10 minutes, build/web
//   SOAK_SECONDS=3600 SOAK_QUERY='speed=10000&hidden=16,16,16,16&opt=adam' node tests/browser/soak.mjs
//
// Environment: BPL_WEB_DIR (the built page, default build/web), SOAK_OUT (a .csv file, or a folder
// that gets browser.csv; default build/soak-browser.csv), SOAK_SECONDS (600), SOAK_INTERVAL (10),
// SOAK_QUERY (URL parameters, default speed=10000).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launchBrowser, openPage } from './lib.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.SOAK_SECONDS || 600);
const INTERVAL = Number(process.env.SOAK_INTERVAL || 10);
const QUERY = process.env.SOAK_QUERY || 'speed=10000';
let out = process.env.SOAK_OUT || path.join(here, '..', '..', 'build', 'soak-browser.csv');
if (!out.endsWith('.csv')) out = path.join(out, 'browser.csv');
fs.mkdirSync(path.dirname(out), { recursive: true });

const server = await startServer();
const browser = await launchBrowser();
let failed = [];
try {
  const { page, errors } = await openPage(browser, `${server.origin}/?${QUERY}`, { width: 1280, height: 800 });
  const sample = () => page.evaluate(() => {
    const s = window.backpropLab.state(), h = window.backpropLab.history();
    return { epoch: s.epoch, heap: window.Module.HEAP8.length,
             js: performance.memory ? performance.memory.usedJSHeapSize : '', fps: s.fps,
             points: s.historyPoints, rewind: h.count, diverged: s.diverged };
  });
  fs.writeFileSync(out, 'seconds,epoch,wasm_heap_bytes,js_heap_bytes,fps,history_points,rewind_snapshots\n');
  console.log(`browser soak: ${SECONDS} s at ?${QUERY}, a sample every ${INTERVAL} s -> ${out}`);
  const rows = [];
  const t0 = Date.now();
  for (;;) {
    const t = (Date.now() - t0) / 1000;
    const s = { t, ...(await sample()) };
    rows.push(s);
    fs.appendFileSync(out, `${t.toFixed(1)},${s.epoch},${s.heap},${s.js},${s.fps},${s.points},${s.rewind}\n`);
    if (t >= SECONDS) break;
    await new Promise((r) => setTimeout(r, Math.min(INTERVAL, SECONDS - t) * 1000));
  }
  const start = rows[0], last = rows[rows.length - 1];
  const first = rows.find((r) => r.t >= Math.min(10, SECONDS)) || start;   // after start-up
  const max = (k) => Math.max(...rows.map((r) => Number(r[k]) || 0));
  const mb = (b) => (b / 1048576).toFixed(1) + ' MB';
  console.log(`   browser: ${last.epoch.toLocaleString('en')} epochs in ${last.t.toFixed(0)} s` +
              ` (${Math.round(last.epoch / Math.max(last.t, 1)).toLocaleString('en')}/s), fps last ${last.fps}`);
  console.log(`   browser: WASM heap at start ${mb(start.heap)}, first (${first.t.toFixed(0)} s) ${mb(first.heap)}, last ${mb(last.heap)}, max ${mb(max('heap'))}`);
  if (first.js !== '') console.log(`   browser: JS heap first ${mb(first.js)}, last ${mb(last.js)}, max ${mb(max('js'))}`);
  console.log(`   browser: loss history points max ${max('points')} (cap 2048), rewind snapshots max ${max('rewind')} (cap 1256)`);
  if (last.heap > first.heap) failed.push(`the WASM heap grew from ${first.heap} to ${last.heap} bytes`);
  if (max('points') > 2048 || max('rewind') > 1256) failed.push('a history outgrew its cap');
  if (rows.length > 1 && last.epoch <= rows[rows.length - 2].epoch && !last.diverged) failed.push('training stalled');
  if (errors.length) failed.push('page errors: ' + errors.slice(0, 3).join(' | '));
} catch (e) {
  failed.push(String(e && e.stack ? e.stack : e));
} finally {
  await browser.close();
  await server.close();
}
if (failed.length) {
  console.log('   browser: FAILED: ' + failed.join('; '));
  process.exit(1);
}
console.log('   browser: passed');
