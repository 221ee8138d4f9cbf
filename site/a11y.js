// The page for keyboard and screen-reader users: native HTML controls (named, limited and
// labelled by settings.js, which the build writes from the C++ settings table and
// lab/control_names.cpp), a polite live region, a text table of the network's numbers, and the
// canvas shortcuts when focus is on the page itself. Everything acts through window.backpropLab
// and follows its state reports, so the controls, the canvas and the address bar agree.
(function () {
  'use strict';

  var SETTINGS = window.__bplSettings;
  var panel = document.getElementById('controls');
  var status = document.getElementById('a11y-status');
  var numbers = document.getElementById('numbers');
  if (!SETTINGS || !SETTINGS.controls || !panel || !window.__bplReports) return;

  var ANNOUNCE_MS = 5000;   // the live region speaks at most this often while training
  var TABLE_MS = 3000;      // the numbers table follows training at most this often

  var CONTROLS = {}, ROWS = {};
  SETTINGS.controls.forEach(function (c) { CONTROLS[c.name] = c; });
  SETTINGS.settings.forEach(function (r) { ROWS[r.key] = r; });
  function label(name) { return CONTROLS[name].label; }
  function lab() { return window.backpropLab; }

  // ---- DOM helpers (text only: nothing is ever parsed as HTML) -------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  // A labelled field: the label, the input with an optional unit after it, the help below.
  // `index` tells apart fields of one control (the units of each hidden layer).
  function field(name, input, unit, index) {
    var id = 'ctl-' + name + (index ? '-' + index : '');
    input.id = id;
    input.setAttribute('aria-describedby', id + '-help');
    return el('div', { class: 'a11y-field' }, [
      el('label', { for: id, text: label(name) + (index ? ' ' + index : '') }),
      el('span', { class: 'a11y-input' }, [input, unit ? el('span', { class: 'a11y-unit', text: unit }) : null]),
      el('span', { id: id + '-help', class: 'a11y-help', text: CONTROLS[name].help })
    ]);
  }
  function numberInput(row, range) {
    return el('input', { type: 'number', inputmode: 'decimal', min: String(range.min), max: String(range.max),
                         step: row.type === 'whole' || row.type === 'layers' ? '1' : 'any' });
  }
  function select(row) {
    var s = el('select');
    row.choices.forEach(function (value, i) {
      s.appendChild(el('option', { value: value, text: (row.choiceLabels || row.choices)[i] }));
    });
    return s;
  }
  function button(name, onPress, cls) {
    var b = el('button', { type: 'button', id: 'ctl-' + name, class: cls || '', text: label(name) });
    if (CONTROLS[name].help) b.title = CONTROLS[name].help;
    b.addEventListener('click', onPress);
    return b;
  }

  // ---- acting on the page ----------------------------------------------------------------------
  var state = null;   // the last state() seen
  var inputs = {};    // setting key -> its input or select
  var unitInputs = [];
  var editing = null;   // the field whose text the reader is changing: not overwritten meanwhile

  function apply(params) {
    var result = lab().set(params);
    sync(lab().state());
    if (result.notices.length) say(result.notices.join('. '));
  }
  function hiddenText(units) { return units.join(','); }
  function unitsOf(s) { return String(s.params.hidden).split(',').map(Number); }
  function currentUnits() { return unitsOf(lab().state()); }

  function onNumber(key, input, toParams) {
    function commit() {
      editing = null;
      var text = input.value;
      if (text === '' || String(lab().state().params[key]) === text) { sync(lab().state()); return; }   // invalid or unchanged
      apply(toParams(text));
    }
    input.addEventListener('input', function () { editing = input; });
    input.addEventListener('change', commit);
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') commit(); });
    input.addEventListener('blur', function () { if (editing === input) commit(); });
  }

  function setLayers(count) {
    var units = currentUnits();
    while (units.length < count) units.push(units[units.length - 1] || 4);
    apply({ hidden: hiddenText(units.slice(0, count)) });
  }

  // ---- building the panel ----------------------------------------------------------------------
  var playButton, modeButtons = {}, unitsBox;

  function build() {
    var hidden = ROWS.hidden, lr = ROWS.lr, speed = ROWS.speed, seed = ROWS.seed;
    // The page's state now, not the last report's: a report may still be on its way.
    playButton = button('pause', function () { sync(lab().state().running ? lab().pause() : lab().play()); },
                        'a11y-primary');
    var transport = el('div', { class: 'a11y-buttons', role: 'group', 'aria-label': 'Training' }, [
      playButton,
      button('step', function () { sync(lab().step(1)); }),
      button('reset', function () { sync(lab().reset()); }),
      button('stepPhase', function () { lab().stepPhase(1); sync(lab().state()); })
    ]);
    modeButtons.explore = button('explore', function () { apply({ learn: 0 }); });
    modeButtons.stepThrough = button('stepThrough', function () { apply({ learn: 1 }); });
    var mode = el('div', { class: 'a11y-buttons', role: 'group', 'aria-label': label('mode') },
                  [modeButtons.explore, modeButtons.stepThrough]);

    inputs.lr = numberInput(lr, lr);
    onNumber('lr', inputs.lr, function (v) { return { lr: v }; });
    inputs.speed = numberInput(speed, speed.control);
    onNumber('speed', inputs.speed, function (v) { return { speed: v }; });
    inputs.layers = numberInput(hidden, { min: 1, max: SETTINGS.limits.maxHiddenLayers });
    inputs.layers.addEventListener('change', function () {
      var n = Number(inputs.layers.value);
      if (n >= 1 && n <= SETTINGS.limits.maxHiddenLayers && n !== currentUnits().length) setLayers(n);
      else sync(state);
    });
    unitsBox = el('div', { class: 'a11y-units' });
    inputs.seed = numberInput(seed, seed);
    onNumber('seed', inputs.seed, function (v) { return { seed: v }; });

    var fields = [field('lr', inputs.lr), field('speed', inputs.speed, 'epochs per frame'),
                  field('hiddenLayers', inputs.layers), unitsBox];
    ['act', 'loss', 'opt', 'init'].forEach(function (key) {
      inputs[key] = select(ROWS[key]);
      inputs[key].addEventListener('change', function () { var p = {}; p[key] = inputs[key].value; apply(p); });
      fields.push(field(key, inputs[key]));
    });
    fields.push(field('seed', inputs.seed));
    ['view', 'row'].forEach(function (key) {
      inputs[key] = select(ROWS[key]);
      inputs[key].addEventListener('change', function () { var p = {}; p[key] = inputs[key].value; apply(p); });
      fields.push(field(key, inputs[key]));
    });

    var keys = ['pause', 'step', 'stepPhase', 'reset'].map(function (name) {
      return (name === 'pause' ? label('play') + ' / ' + label('pause') : label(name)) + ' (' + CONTROLS[name].shortcut + ')';
    });
    panel.appendChild(transport);
    panel.appendChild(mode);
    panel.appendChild(el('div', { class: 'a11y-fields' }, fields));
    panel.appendChild(el('p', { class: 'a11y-keys', text: 'Keys on the drawing or the page: ' + keys.join(' · ') }));
  }

  // One number field per hidden layer; added and removed at the end, so focus stays put.
  function syncUnits(units) {
    var hidden = ROWS.hidden;
    while (unitInputs.length < units.length) {
      var layer = unitInputs.length;
      var input = numberInput(hidden, hidden.control);
      input.setAttribute('data-layer', String(layer));
      onNumber('hidden', input, function (v) {
        var u = currentUnits();
        u[Number(this.getAttribute('data-layer'))] = Number(v);
        return { hidden: hiddenText(u) };
      }.bind(input));
      unitInputs.push(input);
      unitsBox.appendChild(field('hiddenUnits', input, null, layer + 1));
    }
    while (unitInputs.length > units.length) {
      unitInputs.pop();
      unitsBox.removeChild(unitsBox.lastChild);
    }
    units.forEach(function (u, i) { setValue(unitInputs[i], String(u)); });
  }

  function setValue(input, text) {
    if (input !== editing && input.value !== text) input.value = text;
  }

  // ---- following the page ----------------------------------------------------------------------
  function sync(s) {
    if (!s) return;
    state = s;
    var p = s.params;
    var play = s.running ? 'pause' : 'play';
    playButton.textContent = label(play);
    playButton.title = CONTROLS[play].help;
    ['lr', 'speed', 'seed', 'act', 'loss', 'opt', 'init', 'view', 'row'].forEach(function (key) {
      setValue(inputs[key], String(p[key]));
    });
    var units = unitsOf(s);
    setValue(inputs.layers, String(units.length));
    syncUnits(units);
    modeButtons.explore.setAttribute('aria-pressed', p.learn ? 'false' : 'true');
    modeButtons.stepThrough.setAttribute('aria-pressed', p.learn ? 'true' : 'false');
  }

  // ---- the live region ---------------------------------------------------------------------------
  var lastSaid = '', lastProgress = 0, lastEpochSaid = -1;
  function say(text) {
    // The same words twice are still a new announcement: alternate a trailing no-break space.
    if (text === lastSaid.replace(/\u00a0$/, '')) text = lastSaid.slice(-1) === '\u00a0' ? text : text + '\u00a0';
    lastSaid = text;
    status.textContent = text;
  }
  function spokenNumber(x) {
    if (x === null || !isFinite(x)) return 'not a number';
    var t = Math.abs(x) >= 1e-4 || x === 0 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
    return t.replace(/e([+-])0*(\d+)$/, function (m, sign, exp) {
      return ' times 10 to the power ' + (sign === '-' ? 'minus ' : '') + exp;
    }).replace(/^-/, 'minus ');
  }
  function progress(s) {
    lastEpochSaid = s.epoch;
    var loss = s.diverged ? 'diverged' : 'loss ' + spokenNumber(s.loss);
    return 'Epoch ' + s.epoch.toLocaleString('en-US') + ', ' + loss + ', ' + s.rowsRight + ' of ' +
           s.predictions.length + ' rows right.';
  }

  // At once on a step, a phase, a reset or a pause (the step-through's phase: its formula read out).
  function announce(reasons, s) {
    function has(r) { return reasons.indexOf(r) >= 0; }
    var text = has('mode') ? label(s.params.learn ? 'stepThrough' : 'explore') + '. ' : '';
    if (has('phase')) {
      var f = lab().formulaValues();
      text += f && f.spoken ? f.spoken : progress(s);
    } else if (has('reset')) text += 'Reset. ' + progress(s);
    else if (has('diverged')) text += 'Training diverged. ' + progress(s);
    else if (has('step')) text += progress(s);
    else if (has('pause')) text += 'Paused. ' + progress(s);
    else if (has('play')) text += 'Training.';
    if (!text) return;
    say(text.trim());
    lastProgress = Date.now();
  }

  // ---- the numbers table -------------------------------------------------------------------------
  var tableShape = '', tableCells = [], lastTable = 0;
  function fmt(x) { return x === null || !isFinite(x) ? 'not a number' : String(Number(x.toPrecision(4))); }
  function layerName(l, last) { return l === last ? 'output' : 'hidden layer ' + (l + 1); }

  // The structure once per shape; afterwards only the cells' text changes (a reader's place in the
  // table survives an update).
  function buildTables(v) {
    var last = v.a.length - 1;
    var head = [el('th', { scope: 'col', text: 'Row' }), el('th', { scope: 'col', text: 'Inputs' }),
                el('th', { scope: 'col', text: 'Target' }), el('th', { scope: 'col', text: 'Output' })];
    for (var l = 0; l < last; ++l)
      for (var u = 0; u < v.a[l][0].length; ++u)
        head.push(el('th', { scope: 'col', text: layerName(l, last) + ', unit ' + (u + 1) }));
    var body = v.X.map(function (x) {
      var cells = [el('th', { scope: 'row', text: x.join('') })];
      for (var c = 1; c < head.length; ++c) cells.push(el('td'));
      return el('tr', {}, cells);
    });
    var tables = [el('table', {}, [el('caption', { text: 'Each XOR row: inputs, target, output and activations' }),
                                   el('thead', {}, [el('tr', {}, head)]), el('tbody', {}, body)])];
    v.W.forEach(function (W, l) {
      var from = function (i) { return l === 0 ? 'from input x' + (i + 1) : 'from ' + layerName(l - 1, last) + ', unit ' + (i + 1); };
      var cols = [el('td')].concat(W[0].map(function (_, j) { return el('th', { scope: 'col', text: 'to unit ' + (j + 1) }); }));
      var rows = W.map(function (_, i) {
        return el('tr', {}, [el('th', { scope: 'row', text: from(i) })].concat(W[0].map(function () { return el('td'); })));
      });
      rows.push(el('tr', {}, [el('th', { scope: 'row', text: 'bias' })].concat(W[0].map(function () { return el('td'); }))));
      tables.push(el('table', {}, [el('caption', { text: 'Weights into the ' + layerName(l, last) }),
                                   el('thead', {}, [el('tr', {}, cols)]), el('tbody', {}, rows)]));
    });
    tables.forEach(function (t) { numbers.appendChild(t); });
    tableCells = Array.prototype.slice.call(numbers.querySelectorAll('tbody td'));
  }

  function updateTables() {
    var v = lab().intermediates();
    if (!v) return;
    lastTable = Date.now();
    var shape = v.W.map(function (W) { return W.length + 'x' + W[0].length; }).join(',');
    if (shape !== tableShape) {
      Array.prototype.slice.call(numbers.querySelectorAll('table')).forEach(function (t) { numbers.removeChild(t); });
      buildTables(v);
      tableShape = shape;
    }
    var texts = [], last = v.a.length - 1;
    v.X.forEach(function (x, r) {
      texts.push(x.join(', '), fmt(v.y[r]), fmt(v.a[last][r][0]));
      for (var l = 0; l < last; ++l) v.a[l][r].forEach(function (a) { texts.push(fmt(a)); });
    });
    v.W.forEach(function (W, l) {
      W.forEach(function (row) { row.forEach(function (w) { texts.push(fmt(w)); }); });
      v.b[l].forEach(function (b) { texts.push(fmt(b)); });
    });
    tableCells.forEach(function (cell, i) { if (cell.textContent !== texts[i]) cell.textContent = texts[i]; });
  }
  // Reports can come every frame (a slider dragged on the canvas): the table follows within half a second.
  var tableTimer = 0;
  function updateTablesSoon() {
    var wait = lastTable + 500 - Date.now();
    if (wait <= 0) { updateTables(); return; }
    if (!tableTimer) tableTimer = setTimeout(function () { tableTimer = 0; updateTables(); }, wait);
  }

  // ---- while training: progress now and then ---------------------------------------------------
  var timer = 0;
  function tick() {
    var s = lab().state();
    if (!s.running) { clearInterval(timer); timer = 0; return; }
    if (!s.visible) return;   // asleep: nothing moves
    if (Date.now() - lastTable >= TABLE_MS) updateTables();
    var now = Date.now();   // read after the table: the words go out as soon as they are set
    if (now - lastProgress >= ANNOUNCE_MS && s.epoch !== lastEpochSaid) { say(progress(s)); lastProgress = now; }
  }

  function onReport(reasons, s) {
    if (!playButton) return;   // not built yet
    sync(s);
    announce(reasons, s);
    if (reasons.some(function (r) { return r !== 'wake' && r !== 'sleep' && r !== 'play'; })) updateTablesSoon();
    if (s.running && !timer) timer = setInterval(tick, 1000);
  }

  // ---- shortcuts on the page itself (the canvas has its own, through SDL) -----------------------
  var INTERACTIVE = 'input, select, textarea, button, a[href], summary, [contenteditable], canvas';
  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey) return;
    var t = e.target;
    if (!state || (t && t.closest && t.closest(INTERACTIVE))) return;   // a control, or the canvas's own keys
    var key = e.key === ' ' ? 'space' : e.key === 'ArrowRight' ? '→' : e.key.toLowerCase();
    var name = ['pause', 'step', 'stepPhase', 'reset'].filter(function (n) { return CONTROLS[n].shortcut === key; })[0];
    if (!name || (e.repeat && (name === 'pause' || name === 'reset'))) return;
    e.preventDefault();
    if (name === 'pause') { if (lab().state().running) lab().pause(); else lab().play(); }
    else if (name === 'step') lab().step(1);
    else if (name === 'stepPhase') lab().stepPhase(1);
    else lab().reset();
  });

  // The skip link moves focus without touching the address (the page keeps its own query there).
  var skip = document.querySelector('.skip-link');
  if (skip) skip.addEventListener('click', function (e) { e.preventDefault(); panel.focus(); });

  window.__bplReports.subscribe(onReport);
  if (lab()) {
    lab().ready.then(function () {
      build();
      var s = lab().state();
      sync(s);
      updateTables();
      if (s.running) timer = setInterval(tick, 1000);
    }, function () { /* the shell shows the failure */ });
  }
})();
