// The decision maps are the network evaluated per pixel by a fragment shader
// (shaders/decision_map.frag.glsl). For several shapes and activations, up to the largest the
// page shows (16 units per layer, 4 layers), the shader's raw values for the output and every
// hidden unit must equal the engine's forward pass on the CPU (Module._bpl_debug_map_check:
// largest |shader - CPU| over a 48 x 48 grid; float vs double). Each shape is checked to be the
// one the page really runs (no clamp, no notice).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openPage, frames } from './lib.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launchBrowser(); });
after(async () => { await browser?.close(); await server?.close(); });

const SHAPES = [
  'autoplay=0',                                       // the reference 2-4-1 sigmoid net
  'autoplay=0&hidden=8,8&act=tanh&lr=0.3',
  'autoplay=0&hidden=16,16,16,16&act=relu&init=xavier',
  'autoplay=0&hidden=16&act=leaky_relu',
  'autoplay=0&hidden=3,5,7&act=sigmoid&out=linear',
];

for (const query of SHAPES) {
  test(`shader maps equal the CPU forward pass: ${query}`, async () => {
    const { page, context, errors } = await openPage(browser, `${server.origin}/?${query}`);
    const s = await page.evaluate(() => window.backpropLab.state());
    assert.equal(s.params.hidden, new URLSearchParams(query).get('hidden') || '4', 'the page runs the shape asked for');
    assert.deepEqual(s.notices, []);
    await page.evaluate(() => window.backpropLab.step(500));   // trained weights, not just the init
    await frames(page, 4);                                     // the maps have drawn these weights
    const worst = await page.evaluate(() => window.Module._bpl_debug_map_check(48));
    assert.ok(worst >= 0, `maps available (${worst})`);
    assert.ok(worst < 1e-4, `largest |shader - CPU| ${worst}`);
    console.log(`info: ${query}: largest |shader - CPU| ${worst.toExponential(2)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
