// guest-bench: what the page costs the reader's machine as a guest, in headless Chromium
// (Debian's, SwiftShader, via tests/browser/lib.mjs). CPU is the sum of utime + stime of every
// process the browser runs (descendants of this Node process, /proc/PID/stat fields 14-15),
// over a fixed interval, in % of one core; the bare browser (about:blank) is measured in the
// same run, so each row reads as "above the bare browser". Prints one JSON object.
// Also: fps of embeds on a three-embed page, and the delay from a pointer move to the frame
// that draws the hover highlight, on a paused (idle) page and on a training page.
//   BENCH_CPU_SECONDS=6   length of each CPU interval
import fs from 'node:fs';
import os from 'node:os';
import { startServer, launchBrowser, newContext, until } from '../tests/browser/lib.mjs';

const SECONDS = Number(process.env.BENCH_CPU_SECONDS || 6);
const TICK = 100;   // clock ticks per second (USER_HZ) on Linux

// ---- CPU of the browser's processes ------------------------------------------------------

function processTable() {
  const table = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');   // fields from 3 on
      table.push({ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch { /* the process ended while we read */ }
  }
  return table;
}

// utime + stime of every descendant of this process, in clock ticks, by pid.
function browserTicks() {
  const table = processTable();
  const children = new Map();
  for (const p of table) (children.get(p.ppid) || children.set(p.ppid, []).get(p.ppid)).push(p);
  const out = new Map();
  const walk = (pid) => { for (const c of children.get(pid) || []) { out.set(c.pid, c.ticks); walk(c.pid); } };
  walk(process.pid);
  return out;
}

// % of one core the browser used over the next SECONDS. A process that ended in between
// counts up to its last reading; one that started counts from zero.
async function cpuPercent() {
  const a = browserTicks();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const b = browserTicks();
  const seconds = (performance.now() - t0) / 1000;
  let ticks = 0;
  for (const [pid, t] of b) ticks += t - (a.get(pid) || 0);
  return Math.round((ticks / TICK / seconds) * 1000) / 10;
}

// ---- pages ---------------------------------------------------------------------------------

const article = (n) => `<p style="height:${n}px;margin:0">A long article about learning.</p>`;
const embed = (src, id) => `<iframe id="${id}" src="${src}" width="640" height="420" style="border:0;display:block"></iframe>`;
// A blog post with `srcs` embeds, far below the first screen when `below`.
const blog = (srcs, below) => `<!doctype html><title>blog</title><link rel="icon" href="data:,">
  ${below ? article(3000) : ''}${srcs.map((s, i) => embed(s, `lab${i}`)).join(article(40))}${article(3000)}`;

// The first `want` embeds of `page`, once each has started.
async function labFrames(page, want) {
  for (let tries = 0; tries < 600; ++tries) {
    const found = page.frames().filter((f) => f.url().includes('embed=1'));
    if (found.length >= want) {
      for (const f of found) {
        await f.waitForFunction(() => window.backpropLab, null, { timeout: 120000 });
        await f.evaluate(() => window.backpropLab.ready.then(() => true));
      }
      return found;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`fewer than ${want} embeds loaded`);
}

const state = (target) => target.evaluate(() => window.backpropLab.state());

// fps as the page counts drawn frames over `seconds` (framesDrawn, not rAF: a capped embed
// skips animation frames on purpose).
async function drawnFps(target, seconds = 3) {
  const a = await state(target);
  const t0 = Date.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const b = await state(target);
  return { fps: Math.round(((b.framesDrawn - a.framesDrawn) / ((Date.now() - t0) / 1000)) * 10) / 10,
           epochs_per_s: Math.round((b.epoch - a.epoch) / ((Date.now() - t0) / 1000)) };
}

// Pointer move to the frame that draws the hover highlight: the time from the move (as the
// page's own pointermove listener sees it) to the end of the next drawn frame, over a few moves
// across the network's neurons; median and max in ms.
async function hoverDelay(page) {
  await page.evaluate(() => {
    window.__hover = [];
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('pointermove', () => {
      const t = performance.now();
      const n = window.backpropLab.state().framesDrawn;
      const poll = () => {
        if (window.backpropLab.state().framesDrawn > n) window.__hover.push(performance.now() - t);
        else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    }, { capture: true });
  });
  const points = [[580, 240], [585, 305], [580, 370], [585, 435], [380, 305], [380, 370], [790, 338], [580, 240]];
  for (const [x, y] of points) {
    await page.mouse.move(x, y);
    await page.waitForTimeout(700);   // an idle page goes back to sleep between moves
  }
  const d = await page.evaluate(() => window.__hover.slice());
  d.sort((a, b) => a - b);
  return { moves: d.length, median_ms: Math.round(d[d.length >> 1] * 10) / 10, max_ms: Math.round(d[d.length - 1] * 10) / 10 };
}

// ---- the run -------------------------------------------------------------------------------

// Two origins, both serving the lab: `server` for the lab, `hosts` for the blog pages (filled in
// `routes` as the run goes). An embed from `server` in a blog from `hosts` is cross-origin.
const server = await startServer();
const lab = server.origin;
const routes = {};
const hosts = await startServer({ extraRoutes: routes });
const browser = await launchBrowser();
const out = { seconds: SECONDS, cores: os.cpus().length, rows: [] };
const log = (row) => { out.rows.push(row); process.stderr.write(`guest-bench: ${JSON.stringify(row)}\n`); };

try {
  const context = await newContext(browser, { width: 1280, height: 800 });
  const page = await context.newPage();

  // The bare browser once it has settled after its start; measured again at the end, and the
  // mean of the two is the baseline.
  await page.goto('about:blank');
  await page.waitForTimeout(3000);
  const bareStart = await cpuPercent();
  log({ situation: 'bare browser (about:blank), at the start', cpu: bareStart });
  let bare = bareStart;

  const measure = async (situation, extra = {}) => {
    const cpu = await cpuPercent();
    log({ situation, cpu, above_bare: Math.round((cpu - bare) * 10) / 10, ...extra });
  };

  // Full page.
  await page.goto(`${lab}/?speed=5`);
  await page.waitForFunction(() => window.backpropLab, null, { timeout: 120000 });
  await page.evaluate(() => window.backpropLab.ready.then(() => true));
  await page.waitForTimeout(1000);
  await measure('full page, training', { fps: (await drawnFps(page)).fps });
  out.hover_training = await hoverDelay(page);
  await page.evaluate(() => window.backpropLab.pause());
  await page.mouse.move(5, 790);
  await until(page, () => window.backpropLab.state().idle === true);
  await page.waitForTimeout(500);
  await measure('full page, paused, mouse still', { fps: (await state(page)).fps });
  out.hover_idle = await hoverDelay(page);
  log({ situation: 'hover: pointer move to drawn frame', training: out.hover_training, paused_idle: out.hover_idle });

  // One embed in a blog post: the lab from the other origin, then from the blog's own.
  for (const [name, origin] of [['cross-origin', lab], ['same-origin', hosts.origin]]) {
    const src = `${origin}/?embed=1&speed=5`;
    routes['/blog1.html'] = { body: blog([src], false) };
    await page.goto(`${hosts.origin}/blog1.html`);
    const [f] = await labFrames(page, 1);
    await page.waitForTimeout(1000);
    await measure(`blog, one ${name} embed in view, training`, await drawnFps(f));
    await page.evaluate(() => window.scrollTo(0, 20000));
    await page.waitForTimeout(1500);   // "within a second or two"
    await measure(`blog, one ${name} embed far out of view (from 1.5 s after the scroll)`,
                  { visible: (await state(f)).visible });
  }

  // Three 640x420 embeds (cross-origin), in view.
  const three = (qs) => { routes['/blog3.html'] = { body: blog(qs.map((q) => `${lab}/?embed=1&${q}`), false) }; return `${hosts.origin}/blog3.html`; };
  await context.close();
  const tall = await newContext(browser, { width: 1280, height: 1400 });   // all three in view
  const p3 = await tall.newPage();

  await p3.goto(three(['speed=5']));
  const [lone] = await labFrames(p3, 1);
  await p3.waitForTimeout(1000);
  const loneFps = await drawnFps(lone);
  log({ situation: 'lone embed training (reference for the next rows)', ...loneFps });

  await p3.goto(three(['autoplay=0', 'autoplay=0', 'autoplay=0']));
  const paused = await labFrames(p3, 3);
  for (const f of paused) await until(f, () => window.backpropLab.state().idle === true);
  await p3.waitForTimeout(500);
  await measure('three embeds, all paused');

  await p3.goto(three(['speed=5', 'autoplay=0', 'autoplay=0']));
  const [training] = await labFrames(p3, 3);
  await p3.waitForTimeout(1000);
  const oneFps = await drawnFps(training);
  await measure('three embeds, one training, two paused',
                { ...oneFps, fps_vs_lone: Math.round((oneFps.fps / loneFps.fps) * 100) / 100 });

  await p3.goto(three(['speed=5', 'speed=5', 'speed=5']));
  const all = await labFrames(p3, 3);
  await p3.waitForTimeout(1000);
  const fps = await Promise.all(all.map((f) => drawnFps(f)));
  await measure('three embeds, all training', { fps: fps.map((x) => x.fps), epochs_per_s: fps.map((x) => x.epochs_per_s) });
  await tall.close();

  const last = await newContext(browser, { width: 1280, height: 800 });
  await (await last.newPage()).goto('about:blank');
  await new Promise((r) => setTimeout(r, 3000));
  const bareEnd = await cpuPercent();
  log({ situation: 'bare browser (about:blank), at the end', cpu: bareEnd });
  bare = (bareStart + bareEnd) / 2;
  out.bare = Math.round(bare * 10) / 10;
  for (const r of out.rows) if ('above_bare' in r) r.above_bare = Math.round((r.cpu - bare) * 10) / 10;
  await last.close();
  console.log(JSON.stringify(out));
} finally {
  await browser.close();
  await server.close();
  await hosts.close();
}
