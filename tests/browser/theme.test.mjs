// Themes: theme=light|dark|auto on the canvas and on the HTML around it (the loader before the
// WASM arrives, the error screen, the browser's theme-color), auto following the reader's system
// setting live, set({theme}) switching the page live, and the copy-embed code carrying the theme.
// Colours are read from the page (style.css's properties, which ctest native/css_contrast holds
// equal to the canvas's table in web/ui/theme_colors.hpp), never retyped here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, newContext, frames, until, screenshotPath, decodePng, WAIT_MS, layout }
  from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

// At 1280×800 the full layout leaves the page background showing between the panels here, and
// the decision map is here (web/ui/layout.cpp); the controls panel, scrolled to its end, shows the
// "Copy embed code" button where the layout report says (web/ui/panel_controls.cpp).
const PAGE_GAP = [3, 400];
const DECISION_MAP = [975, 155, 1205, 385];
const CONTROLS_PANEL = [160, 600];   // a point inside the controls panel, 1280 x 800

const hexRgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const cssRgb = (text) => text.match(/\d+/g).slice(0, 3).map(Number);
const luma = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;
const near = (a, b, tol = 2) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

// What the HTML around the canvas wears: the theme choice, the stylesheet's colours, the
// browser's theme-color and the loader's and error screen's computed colours.
function shell(page) {
  return page.evaluate(() => {
    const root = getComputedStyle(document.documentElement);
    const prop = (name) => root.getPropertyValue(name).trim();
    const style = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      choice: document.documentElement.dataset.theme,
      pageBg: prop('--page-bg'), text: prop('--text'), badText: prop('--bad-text'),
      meta: document.querySelector('meta[name="theme-color"]').content,
      loaderBg: style('#loader').backgroundColor, loaderTitle: style('#loader h1').color,
      errorBg: style('#error').backgroundColor, errorTitle: style('#error h1').color,
    };
  });
}

function pixel(img, [x, y]) {
  const i = 4 * (y * img.width + x);
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
}

// Shares of the region's pixels that are clearly orange (negative, low) and clearly blue.
function mapShares(img, [x0, y0, x1, y1]) {
  let orange = 0, blue = 0, n = 0;
  for (let y = y0; y < y1; y += 2)
    for (let x = x0; x < x1; x += 2) {
      const [r, g, b] = pixel(img, [x, y]);
      n++;
      if (r > b + 50) orange++;
      else if (b > r + 50) blue++;
    }
  return { orange: orange / n, blue: blue / n };
}

// Trains until the decision map is clear, pauses, and screenshots the settled page.
async function settledShot(page, name) {
  await page.evaluate(() => { window.backpropLab.pause(); window.backpropLab.step(8000); });
  await frames(page, 15);
  const png = await page.screenshot({ path: screenshotPath(name) });
  return decodePng(png);
}

async function assertCanvasTheme(page, img, dark, what) {
  const s = await shell(page);
  const bg = pixel(img, PAGE_GAP);
  assert.ok(near(bg, hexRgb(s.pageBg)), `${what}: the canvas's page ${bg} is the stylesheet's ${s.pageBg}`);
  assert.equal(luma(bg) < 60, dark, `${what}: the page is ${dark ? 'dark' : 'light'} (${bg})`);
  const map = mapShares(img, DECISION_MAP);
  assert.ok(map.orange > 0.05 && map.blue > 0.05, `${what}: the decision map shows both ends of the palette ${JSON.stringify(map)}`);
}

test('theme=dark: the loader is dark before the WASM arrives, then the page and its maps', async () => {
  const context = await newContext(browser);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/backprop-lab.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.origin + '/?THEME=Dark&lr=0.5', { waitUntil: 'domcontentloaded' });   // any case, as C++ reads it
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, { timeout: WAIT_MS });

  const s = await shell(page);
  assert.equal(s.meta, s.pageBg, "the browser's theme-color is the page's colour");
  assert.ok(luma(hexRgb(s.pageBg)) < 60, `the stylesheet's dark page colour ${s.pageBg}`);
  assert.deepEqual(cssRgb(s.loaderBg), hexRgb(s.pageBg), 'the loader sits on the dark page colour');
  assert.deepEqual(cssRgb(s.loaderTitle), hexRgb(s.text), 'in the dark theme text colour');
  assert.equal(await page.evaluate(() => window.backpropLab.ready && !document.querySelector('#loader').classList.contains('hidden')), true,
    'the WASM has not arrived: the loader is still up');
  const loader = decodePng(await page.screenshot({ path: screenshotPath('loader-dark.png') }));
  assert.ok(near(pixel(loader, [5, 5]), hexRgb(s.pageBg)), 'the loader screenshot is dark');

  release();
  await page.evaluate(() => window.backpropLab.ready.then(() => true));
  assert.equal((await page.evaluate(() => window.backpropLab.state())).theme, 'dark');
  const img = await settledShot(page, 'page-dark.png');
  await assertCanvasTheme(page, img, true, 'theme=dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the error screen wears the theme', async () => {
  for (const theme of ['dark', 'light']) {
    const context = await newContext(browser, { colorScheme: theme === 'dark' ? 'light' : 'dark' });   // the link wins
    const page = await context.newPage();
    await page.route('**/backprop-lab.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
    await page.goto(server.origin + '/?theme=' + theme);
    await page.waitForSelector('#error:not(.hidden)', { timeout: WAIT_MS });
    const s = await shell(page);
    assert.equal(s.choice, theme);
    assert.deepEqual(cssRgb(s.errorBg), hexRgb(s.pageBg), `${theme}: the error screen sits on the page colour`);
    assert.deepEqual(cssRgb(s.errorTitle), hexRgb(s.badText), `${theme}: its heading in the theme's error colour`);
    assert.equal(luma(hexRgb(s.pageBg)) < 60, theme === 'dark');
    await page.screenshot({ path: screenshotPath(`error-${theme}.png`) });
    await context.close();
  }
});

test("auto follows the reader's system setting, at start and when it changes", async () => {
  const { page, context, errors } = await openPage(browser, server.origin + '/', { colorScheme: 'dark' });
  let s = await shell(page);
  assert.equal(s.choice, 'auto');
  assert.equal((await page.evaluate(() => window.backpropLab.state())).theme, 'dark');
  assert.ok(luma(hexRgb(s.pageBg)) < 60, 'prefers-color-scheme: dark gives the dark stylesheet');
  assert.equal(s.meta, s.pageBg);
  await assertCanvasTheme(page, await settledShot(page, 'auto-dark.png'), true, 'auto, system dark');

  await page.emulateMedia({ colorScheme: 'light' });
  await until(page, () => window.backpropLab.state().theme === 'light');
  s = await shell(page);
  assert.ok(luma(hexRgb(s.pageBg)) > 200, 'the stylesheet follows');
  assert.equal(s.meta, s.pageBg, "the browser's theme-color follows");
  await assertCanvasTheme(page, await settledShot(page, 'auto-light.png'), false, 'auto, system light');
  assert.deepEqual(errors, []);
  await context.close();

  // A theme in the link wins over the system setting.
  const pinned = await openPage(browser, server.origin + '/?theme=light', { colorScheme: 'dark' });
  assert.equal((await pinned.page.evaluate(() => window.backpropLab.state())).theme, 'light');
  assert.ok(luma(hexRgb((await shell(pinned.page)).pageBg)) > 200);
  await pinned.context.close();
});

test('set({theme}) switches the canvas and the page around it live', async () => {
  const { page, context, errors } = await openPage(browser, server.origin + '/');
  const light = await shell(page);
  const r = await page.evaluate(() => window.backpropLab.set({ theme: 'dark' }));
  assert.deepEqual(r.applied, { theme: 'dark' });
  assert.deepEqual(r.notices, []);
  const dark = await shell(page);
  assert.equal(dark.choice, 'dark');
  assert.notEqual(dark.pageBg, light.pageBg);
  assert.equal(dark.meta, dark.pageBg);
  assert.equal((await page.evaluate(() => window.backpropLab.state())).theme, 'dark');
  await assertCanvasTheme(page, await settledShot(page, 'set-dark.png'), true, 'after set({theme: "dark"})');
  await until(page, () => new URLSearchParams(location.search).get('theme') === 'dark');   // the link says so

  await page.evaluate(() => window.backpropLab.set({ theme: 'auto' }));   // the system is light here
  assert.equal((await shell(page)).choice, 'auto');
  assert.equal((await page.evaluate(() => window.backpropLab.state())).theme, 'light');
  await assertCanvasTheme(page, await settledShot(page, 'set-auto-light.png'), false, 'after set({theme: "auto"})');

  const bad = await page.evaluate(() => window.backpropLab.set({ theme: 'sepia' }));
  assert.deepEqual(bad.applied, {});
  assert.equal(bad.notices.length, 1);
  assert.equal((await shell(page)).choice, 'auto', 'a refused theme changes nothing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the copy-embed code carries the theme, and its link opens in that theme', async () => {
  const { page, context, errors } = await openPage(browser, server.origin + '/?autoplay=0');
  await page.evaluate(() => {
    window.copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text) => { window.copied.push(text); return Promise.resolve(); } },
    });
  });
  async function copyEmbed() {
    const before = await page.evaluate(() => window.copied.length);
    // The button sits at the end of the controls panel: scrolled into view, then found where drawn.
    await page.mouse.move(...CONTROLS_PANEL);
    await page.mouse.wheel(0, 2000);
    await frames(page, 3);
    const b = (await layout(page)).parts.copyEmbed;
    const at = [b.x + b.w / 2, b.y + b.h / 2];
    await page.mouse.move(...at);
    await frames(page, 3);
    await page.mouse.click(...at);
    await until(page, (n) => window.copied.length > n, before);
    return page.evaluate(() => window.copied[window.copied.length - 1]);
  }
  const srcOf = (snippet) => snippet.match(/src="([^"]*)"/)[1].replace(/&amp;/g, '&');

  let snippet = await copyEmbed();
  assert.match(snippet, /^<iframe /);
  let query = new URL(srcOf(snippet)).searchParams;
  assert.equal(query.get('theme'), 'auto', `the default theme is written out: ${snippet}`);
  assert.equal(query.get('embed'), '1');
  assert.equal(query.getAll('embed').length, 1);

  await page.evaluate(() => window.backpropLab.set({ theme: 'dark' }));
  snippet = await copyEmbed();
  query = new URL(srcOf(snippet)).searchParams;
  assert.equal(query.get('theme'), 'dark', snippet);
  assert.deepEqual(errors, []);
  await context.close();

  // The copied link, opened as an embed on a reader whose system is light: dark, as pinned.
  const embed = await openPage(browser, srcOf(snippet), { width: 640, height: 420 });
  const state = await embed.page.evaluate(() => window.backpropLab.state());
  assert.equal(state.params.embed, true);
  assert.equal(state.theme, 'dark');
  assert.equal((await shell(embed.page)).choice, 'dark');
  await embed.page.evaluate(() => window.backpropLab.step(3000));
  await frames(embed.page, 15);
  const img = decodePng(await embed.page.screenshot({ path: screenshotPath('embed-dark.png') }));
  assert.ok(luma(pixel(img, [2, 200])) < 60, 'the embed is dark');
  assert.deepEqual(embed.errors, []);
  await embed.context.close();
});
