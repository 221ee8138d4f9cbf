// Minifies one of the page's scripts into the build folder (cmake/page.cmake): the site's own
// scripts, the generated settings.js and Emscripten's glue. The repository keeps them as written.
// Uses Debian's terser (apt-get install terser; found through NODE_PATH=/usr/share/nodejs).
// Usage: node minify_js.js <input.js> <output.js>   (the same file for both minifies in place)
'use strict';
const fs = require('fs');

let terser;
try {
  terser = require('terser');
} catch (e) {
  console.error('minify_js.js: cannot load terser (apt-get install terser, or run scripts/setup.sh; ' +
                'NODE_PATH must include /usr/share/nodejs)');
  process.exit(1);
}

const OPTIONS = {
  compress: { passes: 2 },
  // Local names only: top-level names are the scripts' shared globals (Module, window.backpropLab
  // and the glue's functions), so they keep their spelling.
  mangle: true,
  // bench/page_bench.mjs finds Emscripten's frame runner by its function name.
  keep_fnames: /mainLoop_runner/,
  format: { comments: false },
};

async function main(input, output) {
  const source = fs.readFileSync(input, 'utf8');
  const result = await terser.minify({ [input]: source }, OPTIONS);
  const tmp = `${output}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, result.code + '\n');
  fs.renameSync(tmp, output);
}

if (process.argv.length !== 4) {
  console.error('usage: node minify_js.js <input.js> <output.js>');
  process.exit(2);
}
main(process.argv[2], process.argv[3]).catch((e) => {
  console.error(`minify_js.js: ${process.argv[2]}: ${e.message || e}`);
  process.exit(1);
});
