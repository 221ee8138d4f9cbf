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
  var boxes = {};   // control name -> its field (hidden when it does not apply to the data)
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
    var box = el('div', { class: 'a11y-field' }, [
      el('label', { for: id, text: label(name) + (index ? ' ' + index : '') }),
      el('span', { class: 'a11y-input' }, [input, unit ? el('span', { class: 'a11y-unit', text: unit }) : null]),
      el('span', { id: id + '-help', class: 'a11y-help', text: help(name) })
    ]);
    boxes[name] = box;
    return box;
  }
  // A control's own help, else its setting's (lab/control_names.cpp: control_help), capitalised.
  function help(name) {
    var c = CONTROLS[name], text = c.help || (ROWS[c.setting] && ROWS[c.setting].help) || '';
    return text.charAt(0).toUpperCase() + text.slice(1);
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
    if (help(name)) b.title = help(name);
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
  function hiddenText(units) { return units.length ? units.join(',') : '0'; }
  // hidden=0: no hidden layer
  function unitsOf(s) { var h = String(s.params.hidden); return h === '0' ? [] : h.split(',').map(Number); }
  function currentUnits() { return unitsOf(lab().state()); }

  function onNumber(key, input, toParams) {
    onText(input, function () { return String(lab().state().params[key]); }, toParams);
  }
  // current(): the page's value as text; toParams(text): what set() gets for a changed value.
  function onText(input, current, toParams) {
    function commit() {
      editing = null;
      var text = input.value;
      if (text === '' || current() === text) { sync(lab().state()); return; }   // invalid or unchanged
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

  // A mini-batch chosen from the list starts as the canvas's does: 2 rows of a truth table, else
  // 10 (or all the training rows, when fewer).
  function firstBatchSize(s) { var rows = s.data.train; return rows <= 4 ? 2 : Math.min(10, rows); }
  function isSize(batch) { return batch !== 'full' && batch !== 'sample'; }
  // The targets of a truth table's rows 00, 01, 10, 11 ("0110"); "" on a point cloud.
  function tableTargets(p) {
    if (p.data === 'custom') return String(p.targets);
    return ROWS.data.choiceTargets[ROWS.data.choices.indexOf(p.data)] || '';
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
    inputs.layers = numberInput(hidden, { min: 0, max: SETTINGS.limits.maxHiddenLayers });
    inputs.layers.addEventListener('change', function () {
      var n = Number(inputs.layers.value);
      if (n >= 0 && n <= SETTINGS.limits.maxHiddenLayers && n === Math.floor(n) && n !== currentUnits().length) setLayers(n);
      else sync(state);
    });
    unitsBox = el('div', { class: 'a11y-units' });
    inputs.seed = numberInput(seed, seed);
    onNumber('seed', inputs.seed, function (v) { return { seed: v }; });

    var fields = [field('lr', inputs.lr), field('speed', inputs.speed, 'epochs per frame')]
      .concat(buildData(), [field('hiddenLayers', inputs.layers), unitsBox]);
    ['act', 'loss', 'opt', 'init'].forEach(function (key) {
      inputs[key] = select(ROWS[key]);
      inputs[key].addEventListener('change', function () { var p = {}; p[key] = inputs[key].value; apply(p); });
      fields.push(field(key, inputs[key]));
    });
    fields.push(field('seed', inputs.seed));
    fields = fields.concat(buildTraining());
    ['view', 'row'].forEach(function (key) {
      inputs[key] = select(ROWS[key]);
      inputs[key].addEventListener('change', function () { var p = {}; p[key] = inputs[key].value; apply(p); });
      fields.push(field(key, inputs[key]));
    });
    var point = ROWS.point;
    inputs.point = numberInput(point, { min: point.min, max: point.max });
    onNumber('point', inputs.point, function (v) { return { point: v }; });
    fields.push(field('point', inputs.point));

    var keys = ['pause', 'step', 'stepPhase', 'reset'].map(function (name) {
      return (name === 'pause' ? label('play') + ' / ' + label('pause') : label(name)) + ' (' + CONTROLS[name].shortcut + ')';
    });
    panel.appendChild(transport);
    panel.appendChild(mode);
    panel.appendChild(el('div', { class: 'a11y-fields' }, fields));
    panel.appendChild(el('p', { class: 'a11y-keys', text: 'Keys on the drawing or the page: ' + keys.join(' · ') }));
  }

  // The data: a truth table (its targets as four 0s and 1s) or a point cloud (points, noise, split).
  function buildData() {
    inputs.data = select(ROWS.data);
    // A custom table is not in the list's choices (targets= makes one); it shows while it is the data.
    inputs.data.appendChild(el('option', { value: 'custom', text: 'Custom' }));
    inputs.data.addEventListener('change', function () {
      var v = inputs.data.value;
      apply(v === 'custom' ? { targets: tableTargets(lab().state().params) } : { data: v });
    });
    inputs.targets = el('input', { type: 'text', inputmode: 'numeric', maxlength: '4', autocomplete: 'off',
                                   spellcheck: 'false' });
    onText(inputs.targets, function () { return tableTargets(lab().state().params); },
           function (v) { return { targets: v }; });
    var out = [field('data', inputs.data), field('targets', inputs.targets, 'rows 00, 01, 10, 11')];
    [['points', ''], ['noise', '%'], ['train', '%']].forEach(function (f) {
      var row = ROWS[f[0]];
      inputs[f[0]] = numberInput(row, row.control);
      onNumber(f[0], inputs[f[0]], function (v) { var p = {}; p[f[0]] = v; return p; });
      out.push(field(f[0], inputs[f[0]], f[1]));
    });
    return out;
  }

  // Batches (full, per sample, or a size) and the penalty on the weights (its rate when not none).
  function buildTraining() {
    var batch = ROWS.batch;
    inputs.batch = select(batch);
    inputs.batch.appendChild(el('option', { value: 'minibatch', text: batch.sizeLabel }));
    inputs.batch.addEventListener('change', function () {
      var v = inputs.batch.value;
      apply({ batch: v === 'minibatch' ? firstBatchSize(lab().state()) : v });
    });
    inputs.batchSize = numberInput(batch, { min: 1, max: batch.max || ROWS.points.max });
    onNumber('batch', inputs.batchSize, function (v) { return { batch: v }; });
    inputs.reg = select(ROWS.reg);
    inputs.reg.addEventListener('change', function () { apply({ reg: inputs.reg.value }); });
    var rate = ROWS.reg_rate;
    inputs.regRate = numberInput(rate, rate);
    onNumber('reg_rate', inputs.regRate, function (v) { return { reg_rate: v }; });
    return [field('batch', inputs.batch), field('batchSize', inputs.batchSize), field('reg', inputs.reg),
            field('regRate', inputs.regRate)];
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
  // Fields that do not apply leave the page and the tab order (focus on one moves to its neighbour).
  function show(which) {
    Object.keys(which).forEach(function (name) {
      var box = boxes[name], on = which[name];
      if (box.hidden !== !on) box.hidden = !on;
    });
  }

  // ---- following the page ----------------------------------------------------------------------
  function sync(s) {
    if (!s) return;
    state = s;
    var p = s.params;
    var play = s.running ? 'pause' : 'play';
    playButton.textContent = label(play);
    playButton.title = CONTROLS[play].help;
    ['lr', 'speed', 'seed', 'act', 'loss', 'opt', 'init', 'view', 'row', 'data', 'points', 'noise', 'train', 'reg',
     'point'].forEach(function (key) {
      setValue(inputs[key], String(p[key]));
    });
    setValue(inputs.targets, tableTargets(p));
    setValue(inputs.regRate, String(p.reg_rate));
    var sized = isSize(String(p.batch));
    setValue(inputs.batch, sized ? 'minibatch' : String(p.batch));
    if (sized) setValue(inputs.batchSize, String(p.batch));
    inputs.batchSize.max = String(s.data.train);
    inputs.point.max = String(s.data.samples - 1);
    var custom = inputs.data.querySelector('option[value="custom"]');
    custom.textContent = 'Custom ' + p.targets;
    custom.hidden = p.data !== 'custom';
    var cloud = s.data.cloud;
    show({ targets: !cloud, points: cloud, noise: cloud, train: cloud, row: !cloud, point: cloud,
           batchSize: sized, regRate: p.reg !== 'none' });
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
    var epoch = 'Epoch ' + s.epoch.toLocaleString('en-US') + ', ';
    if (!s.data.cloud) return epoch + loss + ', ' + s.rowsRight + ' of ' + s.predictions.length + ' rows right.';
    if (s.diverged) return epoch + 'diverged.';
    var c = counts(s);
    return epoch + 'training loss ' + spokenNumber(s.trainLoss) + ', ' + c.trainRight + ' of ' + s.data.train +
           ' training points right; test loss ' + spokenNumber(s.testLoss) + ', ' + c.testRight + ' of ' + s.data.test +
           ' test points right.';
  }
  // Right answers per set, from the accuracies (null once diverged).
  function counts(s) {
    var right = function (acc, n) { return acc === null ? 0 : Math.round(acc * n); };
    return { trainRight: right(s.trainAccuracy, s.data.train), testRight: right(s.testAccuracy, s.data.test) };
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
  // Truth tables: each row's inputs, target, output and activations. Point clouds: the training
  // and test sets' counts, losses and accuracies, and the followed point (never a row per point).
  // Then the weights, one table per layer.
  var tableShape = '', tableCells = [], lastTable = 0;
  function fmt(x) { return x === null || !isFinite(x) ? 'not a number' : String(Number(x.toPrecision(4))); }
  function percent(x) { return x === null ? 'none' : String(Math.round(x * 1000) / 10) + ' %'; }
  function layerName(l, last) { return l === last ? 'output' : 'hidden layer ' + (l + 1); }

  // A table as data: {caption, cols: [header, ...], rows: [[row header, cell text, ...], ...]}.
  function rowsTable(v) {
    var last = v.a.length - 1, cols = ['Row', 'Inputs', 'Target', 'Output'];
    for (var l = 0; l < last; ++l)
      for (var u = 0; u < v.a[l][0].length; ++u) cols.push(layerName(l, last) + ', unit ' + (u + 1));
    var rows = v.X.map(function (x, r) {
      var cells = [x.join(''), x.join(', '), fmt(v.y[r]), fmt(v.a[last][r][0])];
      for (var l = 0; l < last; ++l) v.a[l][r].forEach(function (a) { cells.push(fmt(a)); });
      return cells;
    });
    return { caption: 'Each row of the truth table: inputs, target, output and activations', cols: cols, rows: rows };
  }
  function setsTable(s) {
    var c = counts(s);
    return { caption: 'The training and test sets', cols: ['Set', 'Points', 'Right', 'Accuracy', 'Loss'],
             rows: [['Training', String(s.data.train), String(c.trainRight), percent(s.trainAccuracy), fmt(s.trainLoss)],
                    ['Test', String(s.data.test), String(c.testRight), percent(s.testAccuracy), fmt(s.testLoss)]] };
  }
  // state().point: {index, x: [x1, x2], target, output, train} of the followed point.
  function pointTable(s) {
    var p = s.point, row = [String(s.selectedPoint)];
    if (p) row.push(p.train ? 'training' : 'test', p.x.map(fmt).join(', '), fmt(p.target), fmt(p.output));
    else row.push('', '', '', '');
    return { caption: 'The point the diagram follows', cols: ['Point', 'Set', 'Inputs', 'Target', 'Output'], rows: [row] };
  }
  function weightTables(W, b) {
    var last = W.length - 1;
    return W.map(function (Wl, l) {
      var from = function (i) { return l === 0 ? 'from input x' + (i + 1) : 'from ' + layerName(l - 1, last) + ', unit ' + (i + 1); };
      var rows = Wl.map(function (row, i) { return [from(i)].concat(row.map(fmt)); });
      rows.push(['bias'].concat(b[l].map(fmt)));
      return { caption: 'Weights into the ' + layerName(l, last), rows: rows,
               cols: [''].concat(Wl[0].map(function (_, j) { return 'to unit ' + (j + 1); })) };
    });
  }
  function tablesNow(s) {
    if (s.data.cloud) {
      var w = lab().weights();
      return [setsTable(s), pointTable(s)].concat(weightTables(w.layers.map(function (l) { return l.W; }),
                                                             w.layers.map(function (l) { return l.b; })));
    }
    var v = lab().intermediates();
    return v ? [rowsTable(v)].concat(weightTables(v.W, v.b)) : [];
  }

  // The structure once per shape; afterwards only the cells' text changes (a reader's place in the
  // table survives an update).
  function buildTables(tables) {
    Array.prototype.slice.call(numbers.querySelectorAll('table')).forEach(function (t) { numbers.removeChild(t); });
    tables.forEach(function (t) {
      var head = t.cols.map(function (c, i) { return i || c ? el('th', { scope: 'col', text: c }) : el('td'); });
      var body = t.rows.map(function (r) {
        return el('tr', {}, [el('th', { scope: 'row', text: r[0] })].concat(r.slice(1).map(function () { return el('td'); })));
      });
      numbers.appendChild(el('table', {}, [el('caption', { text: t.caption }), el('thead', {}, [el('tr', {}, head)]),
                                           el('tbody', {}, body)]));
    });
    tableCells = Array.prototype.slice.call(numbers.querySelectorAll('tbody td'));
  }

  function updateTables() {
    var s = lab().state(), tables = tablesNow(s);
    if (!tables.length) return;
    lastTable = Date.now();
    var shape = tables.map(function (t) {
      return t.caption + '|' + t.cols.join('|') + '|' + t.rows.map(function (r) { return r[0]; }).join('|');
    }).join('\n');
    if (shape !== tableShape) {
      buildTables(tables);
      tableShape = shape;
    }
    var texts = [];
    tables.forEach(function (t) { t.rows.forEach(function (r) { texts.push.apply(texts, r.slice(1)); }); });
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
