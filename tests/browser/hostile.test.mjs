// Hostile input: a table of bad inputs through every door the page has — URL
// parameters, backpropLab.set(), loadWeights(), step()/stepPhase(), and postMessage commands
// from a parent page on another origin. For each case: a notice on the page or an error to the
// caller, the previous valid settings (and weights) kept, no console or page errors, nothing
// injected into the DOM, a frame drawn afterwards, and the WASM heap bounded. The outcomes are
// printed as a table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, openPage, newContext, until, WEB_DIR, WAIT_MS } from './lib.mjs';

const HEAP_LIMIT = 64 << 20;   // the page runs in 16 MB; a refused hidden=100000 must not allocate
// Script in a value: if any of it became DOM, window.__pwned would be set or an <img> would appear.
const HTML = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>';
const outcomes = [];
const SMALL = { width: 640, height: 480 };   // cheaper frames on a busy machine: the inputs are the point here

let server, parentServer, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  // A parent page on another origin (another port) that frames the page and talks to it.
  const parentJs = `
    window.replies = [];
    window.addEventListener('message', (e) => {
      if (e.data && e.data.type === 'backpropLab' && !e.data.event) window.replies.push(e.data);
    });
    window.send = (msg) => document.getElementById('lab').contentWindow.postMessage(msg, '*');
    window.reply = (id) => new Promise((resolve, reject) => {
      const t0 = Date.now();
      const poll = () => {
        const r = window.replies.find((m) => m.id === id);
        if (r) resolve(r); else if (Date.now() - t0 > ${WAIT_MS}) reject(new Error('no reply to ' + id)); else setTimeout(poll, 20);
      };
      poll();
    });
    // Cyclic objects cannot come from Node (Playwright's serializer): built here.
    window.cyclic = {
      set: () => { const o = { act: 'x' }; o.self = o; return { cmd: 'set', args: [o] }; },
      loadWeights: () => { const o = { layers: [] }; o.layers.push(o); return { cmd: 'loadWeights', args: [o] }; },
      proto: () => ({ cmd: 'set', args: [JSON.parse('{"__proto__":{"lr":9,"polluted":1},"constructor":{"prototype":{"x":1}}}')] }),
    };`;
  parentServer = await startServer({ extraRoutes: {
    '/parent.html': { body: `<!doctype html><title>parent</title><link rel="icon" href="data:,"><script src="/parent.js"></script>
      <iframe id="lab" src="${server.origin}/?autoplay=0&speed=20" width="480" height="360" style="border:0"></iframe>` },
    '/parent.js': { type: 'text/javascript', body: parentJs },
  } });
});
after(async () => {
  console.log('info: hostile cases\n' + outcomes.map((o, i) => `  ${String(i + 1).padStart(2)} ${o}`).join('\n'));
  await browser?.close(); await server?.close(); await parentServer?.close();
});

// ---- checks shared by every door ---------------------------------------------------------------

const state = (frame) => frame.evaluate(() => window.backpropLab.state());

// The next animation frame: the page's main loop (whose frame callback was queued first) ran,
// so it is not stuck.
async function frameDrawn(frame) {
  const drawn = frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(true))));
  return Promise.race([drawn, noFrameAfter(WAIT_MS)]);
}

// Rejects after `ms` (and never keeps the process alive): a stuck page, not a slow one.
function noFrameAfter(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`no frame drawn within ${ms / 1000} s`)), ms).unref());
}

// State and health in one round trip; afterFrame: measured in the next animation frame.
const lastHealth = new WeakMap();   // frame -> health after its last case (the next case's "before")
async function health(frame, afterFrame = false) {
  const collect = frame.evaluate((wait) => new Promise((resolve) => {
    const measure = () => resolve({
      state: window.backpropLab.state(),
      heap: window.Module.HEAP8.length,
      elements: document.getElementsByTagName('*').length,
      injected: document.querySelectorAll('img, b, svg, iframe, object, embed, script:not([src]), [onerror]').length,
      pwned: window.__pwned === 1,
      polluted: Object.prototype.lr !== undefined || Object.prototype.x !== undefined || Object.prototype.polluted !== undefined,
    });
    if (wait) requestAnimationFrame(measure); else measure();
  }), afterFrame);
  const h = await Promise.race([collect, noFrameAfter(WAIT_MS)]);
  lastHealth.set(frame, h);
  return h;
}

// Runs `act` (which returns {value} or {threw}) and checks everything a hostile input must leave
// alone. expect: 'notice' (a {notices} result, each shown on the page), 'error' (thrown, or
// {ok:false, error} with the error on the page). allow: settings the case may change (clamps).
async function hostileCase(frame, errors, door, c, act) {
  const label = `${door}: ${c.name}`;
  const base = lastHealth.get(frame) || await health(frame);
  const before = base.state;
  let out;
  try { out = { value: await act() }; } catch (e) { out = { threw: String(e.message || e).split('\n')[0] }; }
  const h = await health(frame, true);
  const after = h.state;
  let summary;
  if (c.expect === 'notice') {
    assert.ok(out.value && Array.isArray(out.value.notices), `${label}: a {notices} result, got ${JSON.stringify(out)}`);
    assert.ok(out.value.notices.length >= 1, `${label}: at least one notice`);
    const shown = after.notices.join('\n');
    for (const n of out.value.notices) {
      assert.ok(shown.includes(n.slice(0, 30)), `${label}: notice on the page: ${n}\n--- page:\n${shown}`);
    }
    summary = out.value.notices.join(' | ');
  } else if (out.threw) {
    summary = 'threw: ' + out.threw;
  } else {
    const v = out.value && out.value.result !== undefined ? out.value.result : out.value;
    assert.ok(v && v.ok === false && typeof v.error === 'string', `${label}: an error, got ${JSON.stringify(out)}`);
    assert.ok(after.notices.some((n) => n.includes(v.error.slice(0, 30))), `${label}: error on the page: ${v.error}`);
    summary = 'error: ' + v.error;
  }
  if (c.mention) assert.match(summary, c.mention, label);
  assert.deepEqual(after.params, { ...before.params, ...(c.allow || {}) }, `${label}: settings kept`);
  assert.equal(after.running, before.running, `${label}: running state kept`);
  if (before.running) assert.ok(after.epoch >= before.epoch, `${label}: not restarted`);
  else assert.equal(after.epoch, before.epoch, `${label}: no epochs trained`);
  assert.equal(after.diverged, false, label);
  assert.ok(h.heap <= HEAP_LIMIT, `${label}: WASM heap ${h.heap} bytes`);
  assert.deepEqual([h.elements, h.injected, h.pwned, h.polluted], [base.elements, 0, false, false], `${label}: nothing injected`);
  assert.deepEqual(errors, [], `${label}: no console or page errors`);
  outcomes.push(`${label} -> ${summary.length > 150 ? summary.slice(0, 147) + '...' : summary}`);
}

// ---- URL parameters (each case is one page load) -----------------------------------------------

const URL_CASES = [
  { name: 'hidden=1,1,1,1,1, hidden=-4, hidden=0,4; percent junk %, %ZZ, %00; invalid UTF-8',
    q: 'hidden=1,1,1,1,1&hidden=-4&hidden=0,4&lr=%&seed=%ZZ&act=%00&%=1&opt=%FF%FE%E2&%E2%82=1',
    mention: /^(?=[^]*hidden=1,1,1,1,1: 1 to 4 hidden layers)(?=[^]*hidden=-4)(?=[^]*hidden=0,4)(?=[^]*lr=%)(?=[^]*seed=%ZZ)(?=[^]*opt=)/ },
  { name: 'speed=1e308 (clamped), lr=NaN, lr=-0, lr=1e-400, momentum=Infinity, seed=-0',
    q: 'speed=1e308&lr=NaN&lr=-0&lr=1e-400&momentum=Infinity&seed=-0', allow: { speed: 10000 },
    mention: /^(?=[^]*speed=1e308: using 10000)(?=[^]*lr=NaN)(?=[^]*lr=-0)(?=[^]*lr=1e-400)(?=[^]*momentum=Infinity)/ },
  { name: 'repeated keys (the last valid one wins) in 200 pairs (at most 64 read)',
    q: 'lr=0.5&lr=abc&lr=0.3&' + Array.from({ length: 197 }, (_, i) => `k${i}=1`).join('&'), allow: { lr: 0.3 },
    mention: /first 64/ },
  { name: 'HTML and script in values, __proto__ and constructor keys',
    q: 'act=' + encodeURIComponent(HTML) + '&view=' + encodeURIComponent('<svg onload=alert(1)>') +
       '&__proto__[lr]=5&__proto__=x&constructor=1&prototype.lr=2', mention: /^(?=[^]*__proto__)(?=[^]*act=<img)(?=[^]*view=<svg)/ },
  { name: 'empty keys, a key without =, unknown lesson, autoplay=perhaps, speed=-0',
    q: '=&&&=1&lr&hidden=&lesson=' + encodeURIComponent('<script>x</script>') + '&autoplay=perhaps&speed=-0',
    allow: { speed: 1 }, mention: /^(?=[^]*unknown lesson)(?=[^]*lr=: )(?=[^]*autoplay=perhaps)/ },
  { name: '100 KB query (all of it ignored, autoplay=0 too)', q: 'lr=0.5&act=' + 'x'.repeat(100 * 1024), running: true,
    mention: /characters long/ },
];

test('hostile URL parameters: notices, defaults kept, nothing injected', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0', SMALL);
  const defaults = (await state(page)).params;
  // Node's HTTP server refuses a 100 KB request line: the browser is handed the page directly.
  await page.route((url) => url.search.length > 8192, (route) => route.fulfill({
    path: path.join(WEB_DIR, 'index.html'), contentType: 'text/html; charset=utf-8' }));
  for (const c of URL_CASES) {
    await page.goto(`${server.origin}/?autoplay=0&${c.q}`);
    await page.waitForFunction(() => window.backpropLab, null, { timeout: WAIT_MS });
    await page.evaluate(() => window.backpropLab.ready.then(() => true));
    const h = await health(page, true);
    const s = h.state;
    const label = `url: ${c.name}`;
    assert.ok(s.notices.length >= 1, `${label}: a notice`);
    const shown = s.notices.join('\n');
    if (c.mention) assert.match(shown, c.mention, label);
    assert.deepEqual(s.params, { ...defaults, ...(c.allow || {}) }, `${label}: defaults kept`);
    assert.equal(s.running, !!c.running, label);
    if (!c.running) assert.equal(s.epoch, 0);
    assert.ok(h.heap <= HEAP_LIMIT, `${label}: heap ${h.heap}`);
    assert.deepEqual([h.injected, h.pwned, h.polluted], [0, false, false], `${label}: nothing injected`);
    const [paused, stepped] = await page.evaluate(() => [window.backpropLab.pause().epoch, window.backpropLab.step(10).epoch]);
    assert.equal(stepped, paused + 10, `${label}: still trains`);
    assert.deepEqual(errors, [], `${label}: no console or page errors`);
    outcomes.push(`${label} -> ${shown.replace(/\n/g, ' ').slice(0, 150)}`);
  }
});

// ---- backpropLab.set() ---------------------------------------------------------------------------

const SET_CASES = [
  { name: 'lr NaN', fn: () => window.backpropLab.set({ lr: NaN }), mention: /lr=NaN/ },
  { name: 'lr Infinity, -Infinity', fn: () => window.backpropLab.set({ lr: Infinity, momentum: -Infinity }), mention: /Infinity/ },
  { name: 'lr -0', fn: () => window.backpropLab.set({ lr: -0 }), mention: /lr=0/ },
  { name: 'lr 1e308', fn: () => window.backpropLab.set({ lr: 1e308 }), mention: /lr=1e\+308/ },
  { name: 'lr true (a boolean is not a number)', fn: () => window.backpropLab.set({ lr: true }), mention: /lr=true/ },
  { name: 'lr as an object with valueOf', fn: () => window.backpropLab.set({ lr: { valueOf: () => 0.5 } }), mention: /unsupported value/ },
  { name: 'hidden 100000', fn: () => window.backpropLab.set({ hidden: 100000 }), mention: /hidden=100000/ },
  { name: 'hidden 1,1,1,1,1', fn: () => window.backpropLab.set({ hidden: [1, 1, 1, 1, 1] }), mention: /1 to 4 hidden layers/ },
  { name: 'hidden [4, NaN] and [-1]', fn: () => window.backpropLab.set({ hidden: [4, NaN], layers: [-1] }), mention: /4,NaN/ },
  { name: 'hidden array of a million items', fn: () => window.backpropLab.set({ hidden: new Array(1e6).fill(4) }), mention: /unsupported value \(array\)/ },
  { name: 'speed 1e308 (clamped)', fn: () => window.backpropLab.set({ speed: 1e308 }), allow: { speed: 10000 }, mention: /using 10000/,
    restore: () => window.backpropLab.set({ speed: 20 }) },
  { name: 'speed NaN, seed 2^53, seed -1', fn: () => window.backpropLab.set({ speed: NaN, seed: 2 ** 53 + 2 }), mention: /speed=NaN/ },
  { name: '100 KB string value', fn: () => window.backpropLab.set({ act: 'x'.repeat(100 * 1024) }), mention: /too long/ },
  { name: '100 KB key', fn: () => window.backpropLab.set({ ['k'.repeat(100 * 1024)]: 1 }), mention: /Unknown setting/ },
  { name: 'unknown keys', fn: () => window.backpropLab.set({ nope: 1, eval: 'alert(1)', LR: 'fast' }), mention: /nope/ },
  // 70 keys (the C++ limit, settings.js's maxSetKeys, is 64): case variants of autoplay, all valid,
  // so the only notice is the limit's (64 unknown keys would overflow one notice's length).
  { name: '70 keys (the limit is 64)', fn: () => window.backpropLab.set(Object.fromEntries(Array.from({ length: 70 }, (_, i) => [[...'autoplay'].map((c, b) => (i >> b) & 1 ? c.toUpperCase() : c).join(''), 1]))), mention: /first 64/ },
  { name: 'own __proto__ key (JSON.parse)', fn: () => window.backpropLab.set(JSON.parse('{"__proto__": {"lr": 5, "polluted": 1}}')), mention: /__proto__/ },
  { name: 'constructor / prototype / toString keys', fn: () => window.backpropLab.set({ constructor: 'x', prototype: { lr: 5 }, toString: 'y', hasOwnProperty: 1 }), mention: /constructor/ },
  { name: 'null-prototype object with bad values', fn: () => { const o = Object.create(null); o.lr = 'fast'; return window.backpropLab.set(o); }, mention: /lr=fast/ },
  { name: 'cyclic object', fn: () => { const o = { lr: 'x' }; o.self = o; return window.backpropLab.set(o); }, mention: /self: unsupported/ },
  { name: 'getter that throws', expect: 'error', fn: () => window.backpropLab.set({ get lr() { throw new Error('getter boom'); } }), mention: /getter boom/ },
  { name: 'proxy whose ownKeys throws', expect: 'error', fn: () => window.backpropLab.set(new Proxy({}, { ownKeys() { throw new Error('trap boom'); } })), mention: /trap boom/ },
  { name: 'HTML and script in values', fn: (h) => window.backpropLab.set({ act: h, hidden: h, [h]: 1 }), arg: HTML, mention: /act=/ },
  { name: 'percent junk %, %ZZ, %00 as values', fn: () => window.backpropLab.set({ lr: '%', hidden: '%ZZ', act: '%00', seed: '\u0000' }), mention: /%ZZ/ },
  { name: 'lone surrogates and control characters', fn: () => window.backpropLab.set({ act: '\uD800\uDFFF\uDC00\u2028\u0007', opt: '\uD83D' }), mention: /act=/ },
  { name: 'separators smuggled in a value', fn: () => window.backpropLab.set({ lr: '0.5&hidden=100000', act: 'tanh#x' }), mention: /lr=/ },
  { name: 'lesson junk', fn: () => window.backpropLab.set({ lesson: '__proto__', row: 'constructor', view: -0 }), mention: /unknown lesson/ },
  { name: 'not an object: a string', fn: () => window.backpropLab.set('lr=100&hidden=100000'), mention: /expects an object/ },
  { name: 'not an object: a Map', fn: () => window.backpropLab.set(new Map([['lr', 5]])), mention: /expects an object/ },
];

test('hostile set() calls: notices, settings kept, training goes on', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?speed=20', SMALL);
  await until(page, () => window.backpropLab.state().epoch > 20);
  for (const c of SET_CASES) {
    await hostileCase(page, errors, 'set', { expect: 'notice', ...c }, () => page.evaluate(c.fn, c.arg));
    if (c.restore) { await page.evaluate(c.restore); lastHealth.delete(page); }
  }
  const e = (await state(page)).epoch;
  await until(page, (e0) => window.backpropLab.state().epoch > e0 + 50, e);
  assert.deepEqual(errors, []);
});

// ---- loadWeights(), step(), stepPhase(), rewind() ------------------------------------------------

const W2 = (w1, b1, w2, b2) => ({ layers: [{ W: w1, b: b1 }, { W: w2, b: b2 }] });
const WEIGHT_CASES = [
  { name: 'a number', fn: () => window.backpropLab.loadWeights(42), mention: /expects the object/ },
  { name: 'truncated JSON', fn: () => window.backpropLab.loadWeights('{"layers": [{"W": [[1, 2'), mention: /weights JSON|expected/ },
  { name: '100,000 nested arrays', fn: () => window.backpropLab.loadWeights('{"layers":' + '['.repeat(100000)), mention: /expected an object/ },
  { name: 'object nested 100,000 deep', fn: () => { let o = {}; const top = { layers: o }; for (let i = 0; i < 100000; i++) { o.x = {}; o = o.x; } return window.backpropLab.loadWeights(top); }, mention: /./ },
  { name: '2 MB of JSON', fn: () => window.backpropLab.loadWeights('{"layers":[' + ' '.repeat(2 << 20) + ']}'), mention: /characters of JSON/ },
  { name: 'getter that throws inside', fn: () => window.backpropLab.loadWeights({ get layers() { throw new Error('getter boom'); } }), mention: /getter boom/ },
  { name: 'toJSON returning undefined', fn: () => window.backpropLab.loadWeights({ toJSON: () => undefined }), mention: /could not be read as JSON/ },
  { name: 'NaN and Infinity weights', fn: (w) => window.backpropLab.loadWeights(w), arg: W2([[NaN, 1], [1, Infinity]], [0, 0], [[1], [1]], [0]), mention: /./ },
  { name: 'number 1e999 in the text', fn: () => window.backpropLab.loadWeights('{"layers":[{"W":[[1e999,1],[1,1]],"b":[0,0]},{"W":[[1],[1]],"b":[0]}]}'), mention: /./ },
  { name: 'ragged W', fn: (w) => window.backpropLab.loadWeights(w), arg: W2([[1, 2], [3]], [0, 0], [[1], [1]], [0]), mention: /./ },
  { name: 'b of the wrong length', fn: (w) => window.backpropLab.loadWeights(w), arg: W2([[1, 2], [3, 4]], [0, 0, 0], [[1], [1]], [0]), mention: /./ },
  { name: '17 hidden units (the page shows 16)', fn: () => window.backpropLab.loadWeights({ layers: [{ W: [Array(17).fill(0.1), Array(17).fill(0.1)], b: Array(17).fill(0) }, { W: Array(17).fill([0.1]), b: [0] }] }), mention: /at most 16/ },
  { name: 'six layers', fn: () => window.backpropLab.loadWeights({ layers: [{ W: [[1], [1]], b: [0] }, ...Array(4).fill({ W: [[1]], b: [0] }), { W: [[1]], b: [0] }] }), mention: /./ },
  { name: '3 outputs', fn: (w) => window.backpropLab.loadWeights(w), arg: W2([[1, 2], [3, 4]], [0, 0], [[1, 1, 1], [1, 1, 1]], [0, 0, 0]), mention: /./ },
  { name: 'strings and HTML as numbers', fn: (w) => window.backpropLab.loadWeights(w), arg: W2([['1', HTML], [3, 4]], [0, 0], [[1], [1]], [0]), mention: /./ },
  { name: 'HTML as the whole text', fn: (h) => window.backpropLab.loadWeights(h), arg: HTML, mention: /./ },
  { name: 'prototype keys in the JSON', fn: () => window.backpropLab.loadWeights('{"__proto__":{"polluted":1},"layers":{"constructor":1}}'), mention: /./ },
];
const STEP_CASES = [
  { name: 'step(NaN)', fn: () => window.backpropLab.step(NaN) },
  { name: 'step(Infinity)', fn: () => window.backpropLab.step(Infinity) },
  { name: 'step(-0)', fn: () => window.backpropLab.step(-0) },
  { name: 'step(1e308)', fn: () => window.backpropLab.step(1e308) },
  { name: 'step(2.5)', fn: () => window.backpropLab.step(2.5) },
  { name: 'step("10")', fn: () => window.backpropLab.step('10') },
  { name: 'step({valueOf})', fn: () => window.backpropLab.step({ valueOf: () => 5 }) },
  { name: 'stepPhase(NaN)', fn: () => window.backpropLab.stepPhase(NaN) },
  { name: 'stepPhase(1001)', fn: () => window.backpropLab.stepPhase(1001) },
  { name: 'stepPhase(null)', fn: () => window.backpropLab.stepPhase(null) },
  { name: 'rewind(-1)', fn: () => window.backpropLab.rewind(-1) },
  { name: 'rewind(NaN)', fn: () => window.backpropLab.rewind(NaN) },
];

test('hostile loadWeights(), step(), stepPhase() and rewind() arguments are refused', async () => {
  const { page, errors } = await openPage(browser, server.origin + '/?autoplay=0', SMALL);
  await page.evaluate(() => window.backpropLab.step(200));
  const weights = await page.evaluate(() => window.backpropLab.weights());
  for (const c of WEIGHT_CASES) {
    await hostileCase(page, errors, 'loadWeights', { expect: 'error', ...c }, () => page.evaluate(c.fn, c.arg));
    assert.deepEqual(await page.evaluate(() => window.backpropLab.weights()), weights, `loadWeights: ${c.name}: weights kept`);
  }
  for (const c of STEP_CASES) {
    await hostileCase(page, errors, 'api', { expect: 'error', mention: /whole number/, ...c }, () => page.evaluate(c.fn));
  }
  assert.deepEqual(await page.evaluate(() => window.backpropLab.weights()), weights);
  assert.equal((await page.evaluate(() => window.backpropLab.step(5))).epoch, 205, 'still trains from where it was');
});

// ---- postMessage from another origin -------------------------------------------------------------

const HUGE = 'x'.repeat(1.5e6);
const MESSAGE_CASES = [
  { name: 'set NaN and hidden 100000', msg: { cmd: 'set', args: [{ lr: NaN, hidden: 100000 }] }, expect: 'notice', mention: /hidden=100000/ },
  { name: 'set with an own __proto__ key', cyclic: 'proto', expect: 'notice', mention: /__proto__/ },
  { name: 'set a cyclic object', cyclic: 'set', expect: 'notice', mention: /self: unsupported/ },
  { name: 'set a string', msg: { cmd: 'set', args: ['lr=9'] }, expect: 'notice', mention: /expects an object/ },
  { name: 'set HTML values', msg: { cmd: 'set', args: [{ act: HTML, [HTML]: HTML }] }, expect: 'notice', mention: /act=/ },
  { name: 'set a 1.5 MB value', msg: { cmd: 'set', args: [{ act: HUGE }] }, expect: 'notice', mention: /too long/ },
  { name: 'loadWeights 1.5 MB string', msg: { cmd: 'loadWeights', args: [HUGE] }, expect: 'error', mention: /characters of JSON/ },
  { name: 'loadWeights cyclic', cyclic: 'loadWeights', expect: 'error', mention: /JSON/ },
  { name: 'loadWeights wrong shape', msg: { cmd: 'loadWeights', args: [{ layers: [{ W: [[1]], b: [0] }] }] }, expect: 'error' },
  { name: 'step 1e308', msg: { cmd: 'step', args: [1e308] }, expect: 'error', mention: /whole number/ },
  { name: 'stepPhase "3"', msg: { cmd: 'stepPhase', args: ['3'] }, expect: 'error', mention: /whole number/ },
  { name: 'cmd __proto__', msg: { cmd: '__proto__' }, expect: 'error', mention: /unknown command/ },
  { name: 'cmd toString', msg: { cmd: 'toString' }, expect: 'error', mention: /unknown command/ },
  { name: 'cmd as an array', msg: { cmd: ['state'] }, expect: 'error', mention: /unknown command/ },
  { name: 'three args', msg: { cmd: 'step', args: [1, 2, 3] }, expect: 'error', mention: /args/ },
  { name: 'array-like args', msg: { cmd: 'step', args: { 0: 5, length: 1 } }, expect: 'error', mention: /args/ },
];

test('hostile postMessage commands from another origin', async () => {
  const context = await newContext(browser, { width: 520, height: 400 });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(parentServer.origin + '/parent.html');
  let lab;
  for (const t0 = Date.now(); !lab && Date.now() - t0 < WAIT_MS;) {
    lab = page.frames().find((f) => f.url().startsWith(server.origin));
    if (!lab) await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(lab, 'the framed page loads');
  await lab.waitForFunction(() => window.backpropLab, null, { timeout: WAIT_MS });
  await lab.evaluate(() => window.backpropLab.ready.then(() => true));
  const send = async (msg) => {
    await page.evaluate((m) => window.send(m), msg);
    return page.evaluate((id) => window.reply(id), msg.id);
  };
  let n = 0;
  for (const c of MESSAGE_CASES) {
    const id = 'h' + (++n);
    const act = async () => {
      if (!c.cyclic) return send({ type: 'backpropLab', id, ...c.msg });
      await page.evaluate(([kind, i]) => window.send({ type: 'backpropLab', id: i, ...window.cyclic[kind]() }), [c.cyclic, id]);
      return page.evaluate((i) => window.reply(i), id);
    };
    const wrapped = async () => {
      const r = await act();
      if (!r.ok) throw new Error(r.error);   // refused by the bridge: an error reply
      return c.expect === 'notice' ? r.result : r;
    };
    await hostileCase(lab, errors, 'postMessage', c, wrapped);
  }
  // A bad id is answered with an error (and id null); junk that is not a command is ignored.
  await page.evaluate(() => window.send({ type: 'backpropLab', id: 'i'.repeat(100000), cmd: 'state' }));
  await until(page, () => window.replies.some((m) => m.id === null && /id must be/.test(m.error)));
  outcomes.push('postMessage: 100 KB id -> error: id must be a string (at most 64 characters) or a number');
  const before = await state(lab);
  for (const junk of [HUGE, null, [1, 2], { type: 'backpropLab' }, { type: 'other', cmd: 'reset' }, { type: 'backpropLab', cmd: 'reset', id: {} }]) {
    await page.evaluate((m) => window.send(m), junk);
  }
  // A flood: 300 commands at once are all answered and the page keeps drawing.
  await page.evaluate(() => { for (let i = 0; i < 300; i++) window.send({ type: 'backpropLab', id: 'f' + i, cmd: i % 2 ? 'state' : 'set', args: [{ nope: i }] }); });
  await page.evaluate(() => window.reply('f299'));
  assert.equal(await page.evaluate(() => window.replies.filter((m) => String(m.id).startsWith('f')).length), 300);
  await frameDrawn(lab);
  outcomes.push('postMessage: non-command junk (1.5 MB string, null, array, no cmd) -> ignored; 300-message flood -> all answered');
  const s = await state(lab);
  assert.deepEqual(s.params, before.params);
  assert.equal(s.epoch, before.epoch, 'no junk message reset the run');
  assert.deepEqual(errors, []);
  await context.close();
});
