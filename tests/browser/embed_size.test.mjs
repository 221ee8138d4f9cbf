// The embed fits its host: it tells the parent page its preferred height for its width
// ({type: 'backpropLab', event: 'size', width, height}) at start and whenever the width changes,
// and at that height every part shows whole (side by side when wide, stacked when narrow). The
// copy-embed code is a responsive iframe. A blog-like page with three embeds that follow their
// size messages is screenshotted wide and on a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newContext, openPage, frames, until, layout, screenshotPath, pixelStats } from './lib.mjs';

let server, hostServer, browser;
// A host page on another origin: embeds in a column, sized by their size messages.
const hostPage = (lab, embeds, column) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>host</title><link rel="icon" href="data:,">
<style>
  body { margin: 0 auto; max-width: ${column}px; padding: 12px 16px; font: 17px/1.5 "DejaVu Serif", Georgia, serif; color: #222; }
  iframe.lab { display: block; width: 100%; height: auto; aspect-ratio: 640 / 420; min-height: 360px; border: 0;
               border-radius: 8px; margin: 12px 0 20px; }
</style></head><body>
<h1 style="font-size: 24px">Backpropagation, three ways</h1>
${embeds.map((q, i) => `<p>Paragraph ${i + 1}: what the next embed shows.</p>
<iframe class="lab" id="lab${i}" src="${lab}/?embed=1&${q}" title="Backprop Lab ${i + 1}"></iframe>`).join('\n')}
<script>
  window.sizes = [];
  addEventListener('message', (e) => {
    if (e.origin !== ${JSON.stringify(lab)} || !e.data || e.data.type !== 'backpropLab' || e.data.event !== 'size') return;
    for (const frame of document.querySelectorAll('iframe.lab')) {
      if (frame.contentWindow !== e.source) continue;
      window.sizes.push({ id: frame.id, width: e.data.width, height: e.data.height });
      if (!window.manual) frame.style.height = e.data.height + 'px';
    }
  });
</script></body></html>`;

before(async () => {
  server = await startServer();
  hostServer = await startServer({ extraRoutes: {
    '/one.html': { body: hostPage(server.origin, ['autoplay=0'], 2000) },
    '/three.html': { body: hostPage(server.origin, ['speed=5', 'speed=5&hidden=8&lr=1', 'speed=5&act=tanh&seed=7'], 720) },
  } });
  browser = await launchBrowser();
});
after(async () => { await browser?.close(); await server?.close(); await hostServer?.close(); });

const labFrame = (page, n = 0) => page.frames().filter((f) => f.url().includes('embed=1'))[n];

test('size messages follow the width, and at that height everything shows whole', async () => {
  const { page, context, errors } = await openPage(browser, hostServer.origin + '/one.html',
                                                   { width: 1000, height: 1000, waitReady: false });
  await page.evaluate(() => { window.manual = true; });
  const frame = () => labFrame(page);
  await until(page, () => document.getElementById('lab0').contentWindow && window.sizes.length > 0);
  for (const width of [320, 390, 480, 520, 640, 900]) {
    await page.evaluate((w) => { document.getElementById('lab0').style.width = w + 'px'; }, width);
    const { height } = await (await until(page, (w) => window.sizes.find((s) => s.width === w), width)).jsonValue();
    assert.ok(height >= 300 && height <= 1400, `${width}: a sensible height (${height})`);
    await page.evaluate((h) => { document.getElementById('lab0').style.height = h + 'px'; }, height);
    await until(frame(), ([w, h]) => {
      const l = JSON.parse(window.Module.UTF8ToString(window.Module._bpl_debug_layout()));
      return l.width === w && l.height === h && window.backpropLab.state().idle === true;
    }, [width, height]);
    const l = await layout(frame());
    assert.equal(l.arrangement, width >= 520 ? 'embed' : 'embed-stacked', `${width}: arrangement`);
    for (const part of ['play', 'step', 'reset', 'lr', 'network', 'decision', 'map', 'loss']) {
      const r = l.parts[part];
      assert.ok(r, `${width}: ${part} is drawn`);
      assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= width + 0.5 && r.y + r.h <= height + 0.5,
                `${width}×${height}: ${part} inside the frame ${JSON.stringify(r)}`);
      assert.equal(r.cut, false, `${width}×${height}: ${part} not cut`);
    }
    assert.ok(l.parts.lr.w >= 120, `${width}: a usable η slider (${l.parts.lr.w} px)`);
    // The map is as large as its panel's width allows (not shrunk for want of height).
    const room = l.parts.decision.w - 12 - 30 - (l.parts.decision.w - 12 > 220 ? 56 : 0);
    assert.ok(l.parts.map.w >= room - 3, `${width}: map ${l.parts.map.w} px for ${room} px of width`);
    assert.ok(l.parts.loss.h >= 100 && l.parts.network.h >= 250, `${width}: loss ${l.parts.loss.h}, network ${l.parts.network.h}`);
    if (width === 390 || width === 640) {
      await (await page.$('#lab0')).screenshot({ path: screenshotPath(`embed-${width}x${height}.png`) });
    }
  }
  // The same width again sends nothing new.
  const count = await page.evaluate(() => window.sizes.length);
  await page.evaluate(() => { document.getElementById('lab0').style.height = '500px'; });
  await frames(page, 10);
  assert.equal(await page.evaluate(() => window.sizes.length), count, 'a height change alone is not reported');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the copy-embed code is a responsive iframe', async () => {
  const context = await newContext(browser, { width: 800, height: 600 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const page = await context.newPage();
  await page.goto(server.origin + '/?autoplay=0');
  await page.evaluate(() => window.backpropLab.ready);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  // What "Copy embed code" passes: the settings with embed=1 and the theme (lab/url_params.cpp).
  await page.evaluate(() => window.__bplHost.copyLink('lr=0.5&embed=1&theme=auto', true));
  const code = await (await until(page, () => navigator.clipboard.readText().then((t) => t || false))).jsonValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?lr=0\.5&amp;embed=1&amp;theme=auto"/);
  assert.match(code, /style="[^"]*width:100%;height:auto;aspect-ratio:640\/420;min-height:360px;border:0/);
  assert.match(code, / title="[^"]+"/);
  await context.close();
});

test('three embeds in a blog column, wide and on a phone', async () => {
  for (const [vw, vh, name] of [[1280, 1500, 'host-three-embeds-1280.png'], [390, 2900, 'host-three-embeds-390.png']]) {
    const context = await newContext(browser, { width: vw, height: vh });
    const page = await context.newPage();
    await page.goto(hostServer.origin + '/three.html');
    await until(page, () => new Set(window.sizes.map((s) => s.id)).size === 3);
    for (let i = 0; i < 3; i++) await until(labFrame(page, i), () => window.backpropLab.state().epoch > 300);
    await frames(page, 10);
    const heights = await page.evaluate(() => [...document.querySelectorAll('iframe.lab')].map((f) => f.getBoundingClientRect().height));
    const wanted = await page.evaluate(() => ['lab0', 'lab1', 'lab2'].map((id) => window.sizes.filter((s) => s.id === id).pop().height));
    assert.deepEqual(heights, wanted, 'each embed got the height it asked for');
    const png = await page.screenshot({ path: screenshotPath(name), fullPage: true });
    const stats = pixelStats(png);
    assert.ok(stats.colours > 40, `not blank: ${JSON.stringify(stats)}`);
    await context.close();
  }
});
