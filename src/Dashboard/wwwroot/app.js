'use strict';
// The idl dashboard: hash routes (#/, #/run/<id>, #/sweeps, #/sweep/<id>, #/cluster), JSON from api/, charts from
// the vendored Chart.js, refreshed every two seconds. Boxes and charts are kept across refreshes and updated in place.
const view = document.getElementById('view');
const charts = new Map();
const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
let sweepSort = { key: 'metric', dir: 1 };

function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const kid of kids.flat()) e.append(kid instanceof Node ? kid : document.createTextNode(kid ?? ''));
  return e;
}

async function api(path, init) {
  const r = await fetch('api/' + path, init);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
  return body;
}

const num = v => typeof v === 'number' && Number.isFinite(v);
const fmt = (v, d = 4) => !num(v) ? (v === 'NaN' ? 'NaN' : '–') : Number.isInteger(v) ? String(v) : v.toPrecision(d);
const secs = s => !num(s) ? '–' : s < 120 ? `${s.toFixed(1)} s` : s < 7200 ? `${(s / 60).toFixed(1)} min` : `${(s / 3600).toFixed(1)} h`;
const when = t => t ? new Date(t).toLocaleString() : '–';

// A named section of the current view, created on first use.
function section(id, parent = view, tag = 'section') {
  let s = parent.querySelector(`#${id}`);
  if (!s) { s = el(tag, { id }); parent.append(s); }
  return s;
}

function fill(target, ...kids) { target.replaceChildren(...kids.flat()); }

function table(columns, rows, onSort) {
  const head = el('tr', {}, columns.map(c => el('th', onSort ? { class: 'sortable', onclick: () => onSort(c.key) } : {}, c.title)));
  return el('table', {}, el('thead', {}, head), el('tbody', {}, rows));
}

// A chart box: data-points carries the number of points of its first series (what tests and users can count).
function plot(parent, key, title, config) {
  let box = parent.querySelector(`[data-chart="${key}"]`);
  let chart = charts.get(key);
  if (!box || !chart) {
    const canvas = el('canvas');
    box = el('div', { class: 'chart', 'data-chart': key }, el('div', { class: 'muted' }, title), el('div', { style: 'position:relative;height:225px' }, canvas));
    parent.append(box);
    chart = new Chart(canvas, {
      ...config,
      options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: true, ...config.options },
    });
    charts.set(key, chart);
  } else {
    chart.data = config.data;
    chart.update('none');
  }
  box.dataset.points = String(config.data.datasets[0]?.data.length ?? 0);
}

const series = (label, data, i, extra = {}) =>
  ({ label, data, borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], pointRadius: 2, borderWidth: 1.5, ...extra });
const linear = (x, y, extra = {}) => ({
  scales: { x: { type: 'linear', title: { display: true, text: x }, ticks: { precision: 0 } }, y: { title: { display: true, text: y }, ...extra } },
});

// ---- runs -------------------------------------------------------------------------------------------------
async function runsView() {
  const runs = await api('runs');
  const columns = ['run', 'data', 'n', 'κ', 'state', 'epoch', 'step', 'best', 'started', 'elapsed', 'coordinator silo', 'restarts']
    .map(title => ({ title }));
  const rows = runs.map(r => el('tr', { 'data-run': r.id, 'data-state': r.state },
    el('td', {}, el('a', { href: `#/run/${encodeURIComponent(r.id)}` }, r.id)), el('td', {}, r.data), el('td', { class: 'num' }, fmt(r.hidden)),
    el('td', { class: 'num' }, fmt(r.kappa)), el('td', { class: `state-${r.state}` }, r.state), el('td', { class: 'num' }, `${r.epoch}/${r.epochs}`),
    el('td', { class: 'num' }, `${r.step}/${r.totalSteps}`), el('td', { class: 'num' }, r.metric ? `${fmt(r.best)} ${r.metric}` : '–'),
    el('td', {}, when(r.started)), el('td', { class: 'num' }, secs(r.elapsedSeconds)), el('td', {}, r.host), el('td', { class: 'num' }, fmt(r.restarts))));
  fill(section('runs'), el('h2', {}, `Runs (${runs.length})`), runs.length ? table(columns, rows) : el('p', { class: 'muted' }, 'No runs yet.'));
}

async function act(path, question) {
  if (question && !confirm(question)) return;
  try { await api(path, { method: 'POST' }); } catch (e) { alert(e.message); }
  await refresh();
}

async function runView(id) {
  const d = await api(`runs/${encodeURIComponent(id)}`);
  const { row, status, history } = d;
  const q = encodeURIComponent(id);
  fill(section('head'),
    el('h2', {}, `Run ${id} `, el('span', { id: 'run-state', class: `state-${status.state}` }, status.state)),
    el('p', { class: 'muted' }, `${row.data}, n = ${row.hidden}, κ = ${row.kappa}; epoch ${status.epoch}/${row.epochs}, step ${status.step}/${status.totalSteps}, `
      + `checkpoint at step ${status.checkpointStep}, ${status.restarts} restart(s), ${status.shards} shard(s) over ${status.samples} samples; coordinator on ${history.host}`
      + (row.sweep ? `; trial of sweep ${row.sweep}` : '')),
    status.error ? el('p', { class: 'state-Failed' }, status.error) : '',
    el('p', { class: 'actions' },
      el('button', { id: 'cancel', onclick: () => act(`runs/${q}/cancel`, `Cancel run ${id}? It stops for good (its checkpoint is kept).`),
        ...(['Running', 'Paused', 'Failed'].includes(status.state) ? {} : { disabled: '' }) }, 'Cancel'),
      el('button', { id: 'resume', onclick: () => act(`runs/${q}/resume`, `Resume run ${id} from its last checkpoint?`),
        ...(['Paused', 'Failed'].includes(status.state) ? {} : { disabled: '' }) }, 'Resume'),
      status.state === 'Completed' ? el('a', { id: 'model', href: `api/runs/${q}/model`, download: `${id}.idl` }, 'Download model') : ''));
  const epochs = status.epochs;
  const grid = section('charts', view, 'div');
  grid.className = 'grid';
  const ep = f => epochs.filter(e => num(e[f])).map(e => ({ x: e.epoch, y: e[f] }));
  plot(grid, 'epoch-loss', 'Loss per epoch', { type: 'line', data: { datasets: [
    series('train loss', epochs.map(e => ({ x: e.epoch, y: num(e.trainLoss) ? e.trainLoss : null })), 0), series('test loss', ep('testLoss'), 1)] },
    options: linear('epoch', 'loss') });
  const regression = epochs.some(e => num(e.testRmse));
  plot(grid, 'epoch-metric', regression ? 'Test RMSE per epoch' : 'Accuracy per epoch', { type: 'line', data: { datasets: regression
    ? [series('test RMSE', ep('testRmse'), 2)] : [series('test accuracy', ep('testAccuracy'), 2), series('train accuracy', ep('trainAccuracy'), 0)] },
    options: linear('epoch', regression ? 'RMSE' : 'accuracy') });
  const steps = history.steps;
  const restarts = history.events.filter(e => e.kind !== 'Started').map(e => {
    const near = steps.find(p => p.step >= e.step) ?? steps[steps.length - 1];
    return { x: e.step, y: near ? near.loss : 0, kind: e.kind };
  });
  plot(grid, 'step-loss', 'Training loss per step (▲ restart or resume)', { type: 'line', data: { datasets: [
    series('loss', steps.map(p => ({ x: p.step, y: num(p.loss) ? p.loss : null })), 0, { pointRadius: 0 }),
    series('restart / resume', restarts, 3, { showLine: false, pointStyle: 'triangle', pointRadius: 8 })] }, options: linear('step', 'loss') });
  plot(grid, 'step-iterations', 'Solver iterations per step (mean over samples)', { type: 'line', data: { datasets: [
    series('forward', steps.map(p => ({ x: p.step, y: p.forwardIterations })), 0, { pointRadius: 0 }),
    series('adjoint', steps.map(p => ({ x: p.step, y: p.backwardIterations })), 1, { pointRadius: 0 })] }, options: linear('step', 'iterations') });
  plot(grid, 'step-norm', '‖A‖∞ after each step (κ dashed)', { type: 'line', data: { datasets: [
    series('‖A‖∞', steps.map(p => ({ x: p.step, y: p.infNormA })), 4, { pointRadius: 0 }),
    series('κ', steps.length ? [{ x: steps[0].step, y: row.kappa }, { x: steps[steps.length - 1].step, y: row.kappa }] : [], 7, { borderDash: [6, 4], pointRadius: 0 })] },
    options: linear('step', '‖A‖∞', { min: 0, suggestedMax: row.kappa * 1.1 }) });
  const pf = history.perronFrobenius;
  plot(grid, 'epoch-pf', 'λ_PF(|A|) after each epoch (certified bounds; well posed below 1)', { type: 'line', data: { datasets: [
    series('upper', pf.map(p => ({ x: p.epoch, y: p.upper })), 3), series('lower', pf.map(p => ({ x: p.epoch, y: p.lower })), 0),
    series('1', pf.length ? [{ x: pf[0].epoch, y: 1 }, { x: pf[pf.length - 1].epoch, y: 1 }] : [], 7, { borderDash: [6, 4], pointRadius: 0 })] },
    options: linear('epoch', 'λ_PF(|A|)', { min: 0 }) });
  plot(grid, 'step-rate', 'Samples per second of compute', { type: 'line', data: { datasets: [
    series('samples/s', steps.map(p => ({ x: p.step, y: p.seconds > 0 ? p.samples / p.seconds : null })), 5, { pointRadius: 0 })] }, options: linear('step', 'samples/s') });
  const cols = ['epoch', 'train loss', 'train acc', 'test loss', 'test acc', 'test RMSE', 'fwd it', 'adj it', 'non-conv', '‖A‖∞', 'samples/s', 'seconds'].map(title => ({ title }));
  fill(section('epochs'), el('h2', {}, 'Epochs'), table(cols, epochs.map(e => el('tr', {},
    [e.epoch, e.trainLoss, e.trainAccuracy, e.testLoss, e.testAccuracy, e.testRmse, e.forwardIterationsMean, e.backwardIterationsMean,
      e.nonConvergedSolves, e.infNormA, e.samplesPerSecond, e.trainSeconds].map(v => el('td', { class: 'num' }, fmt(v)))))),
  el('h2', {}, 'Settings'), el('pre', {}, JSON.stringify(history.spec, null, 2)));
}

// ---- sweeps -----------------------------------------------------------------------------------------------
async function sweepsView() {
  const sweeps = await api('sweeps');
  const rows = sweeps.map(s => el('tr', { 'data-sweep': s.id, 'data-state': s.state },
    el('td', {}, el('a', { href: `#/sweep/${encodeURIComponent(s.id)}` }, s.id)), el('td', { class: `state-${s.state}` }, s.state),
    el('td', { class: 'num' }, `${s.finished}/${s.trials}`), el('td', { class: 'num' }, `${fmt(s.best)} ${s.metric}`), el('td', { class: 'num' }, secs(s.wallSeconds))));
  fill(section('sweeps'), el('h2', {}, `Sweeps (${sweeps.length})`), sweeps.length
    ? table(['sweep', 'state', 'finished', 'best', 'wall'].map(title => ({ title })), rows) : el('p', { class: 'muted' }, 'No sweeps yet.'));
}

const trialColumns = [
  { key: 'trial', title: 'trial', get: t => t.trialId }, { key: 'kappa', title: 'κ', get: t => t.config.kappa },
  { key: 'hidden', title: 'n', get: t => t.config.hidden }, { key: 'lr', title: 'learning rate', get: t => t.config.learningRate },
  { key: 'seed', title: 'seed', get: t => t.config.seed }, { key: 'state', title: 'state', get: t => t.state },
  { key: 'epochs', title: 'epochs (rung)', get: t => t.epochs }, { key: 'metric', title: 'metric', get: t => t.metric },
  { key: 'accuracy', title: 'test acc', get: t => t.testAccuracy }, { key: 'seconds', title: 'seconds', get: t => t.seconds },
  { key: 'retries', title: 'retries', get: t => t.retries }, { key: 'reason', title: 'reason', get: t => t.reason },
];

function compare(a, b) {
  if (a == null || a === 'NaN') return b == null || b === 'NaN' ? 0 : 1;
  if (b == null || b === 'NaN') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

async function sweepView(id) {
  const { row, status, curves } = await api(`sweeps/${encodeURIComponent(id)}`);
  const q = encodeURIComponent(id);
  fill(section('head'),
    el('h2', {}, `Sweep ${id} `, el('span', { id: 'sweep-state', class: `state-${status.state}` }, status.state)),
    el('p', { class: 'muted' }, `${row.finished}/${row.trials} trials finished; metric ${status.metric} (lower is better), best ${fmt(row.best)}; ${secs(status.wallSeconds)}; ${status.restarts} restart(s)`),
    el('p', { class: 'actions' }, el('button', { id: 'cancel-sweep', onclick: () => act(`sweeps/${q}/cancel`, `Cancel sweep ${id} and its running trials?`),
      ...(status.state === 'Running' ? {} : { disabled: '' }) }, 'Cancel sweep')));
  const column = trialColumns.find(c => c.key === sweepSort.key);
  const trials = [...status.trials].sort((a, b) => sweepSort.dir * compare(column.get(a), column.get(b)));
  const onSort = key => { sweepSort = { key, dir: sweepSort.key === key ? -sweepSort.dir : 1 }; refresh(); };
  fill(section('trials'), table(trialColumns, trials.map(t => el('tr', { 'data-trial': t.trialId, 'data-state': t.state },
    trialColumns.map(c => {
      const v = c.get(t);
      if (c.key === 'trial') return el('td', {}, curves[v] ? el('a', { href: `#/run/${encodeURIComponent(v)}` }, v) : v);
      return el('td', { class: c.key === 'state' ? `state-${v}` : typeof v === 'number' ? 'num' : '' }, typeof v === 'number' ? fmt(v) : v ?? '–');
    }))), onSort));
  const grid = section('charts', view, 'div');
  grid.className = 'grid';
  const scored = status.trials.filter(t => num(t.metric));
  const params = [['kappa', 'κ', t => t.config.kappa], ['hidden', 'n', t => t.config.hidden], ['lr', 'learning rate', t => t.config.learningRate],
    ['seed', 'seed', t => t.config.seed]];
  for (const [key, label, get] of params.filter(([, , get]) => new Set(status.trials.map(get)).size > 1))
    plot(grid, `scatter-${key}`, `${status.metric} against ${label}`, { type: 'scatter', data: { datasets: [
      series(status.metric, scored.map(t => ({ x: get(t), y: t.metric })), 0, { pointRadius: 5 })] },
      options: { scales: { x: { type: 'linear', title: { display: true, text: label } }, y: { title: { display: true, text: status.metric } } } } });
  const axes = [...params.map(([, label, get]) => [label, get]), [status.metric, t => t.metric]];
  const ranges = axes.map(([, get]) => { const v = scored.map(get); return [Math.min(...v), Math.max(...v)]; });
  plot(grid, 'parallel', 'Parallel coordinates (each axis scaled to its range; colour = trial)', { type: 'line', data: {
    labels: axes.map(([label], i) => `${label} [${fmt(ranges[i][0], 3)}, ${fmt(ranges[i][1], 3)}]`),
    datasets: scored.map((t, i) => series(t.trialId, axes.map(([, get], k) => {
      const [lo, hi] = ranges[k];
      return hi > lo ? (get(t) - lo) / (hi - lo) : 0.5;
    }), i)) }, options: { scales: { y: { min: 0, max: 1 } } } });
  const ids = Object.keys(curves).sort();
  plot(grid, 'curves', 'Learning curves: test loss per epoch of each trial (stopped trials end early)', { type: 'line', data: { datasets:
    ids.map((tid, i) => series(tid, curves[tid].map(e => ({ x: e.epoch, y: num(e.testLoss) ? e.testLoss : e.trainLoss })), i)) },
    options: linear('epoch', 'test loss') });
}

// ---- cluster ----------------------------------------------------------------------------------------------
async function clusterView() {
  const silos = await api('cluster');
  const cols = ['silo', 'name', 'status', 'activations', 'cpu %', 'memory MB', 'coordinators', 'shards', 'running runs here'].map(title => ({ title }));
  fill(section('silos'), el('h2', {}, `Silos (${silos.length})`), table(cols, silos.map(s => el('tr', { 'data-silo': s.address },
    el('td', {}, s.address), el('td', {}, s.name), el('td', {}, s.status), el('td', { class: 'num' }, fmt(s.activations)), el('td', { class: 'num' }, fmt(s.cpuPercent)),
    el('td', { class: 'num' }, fmt(s.memoryMb)), el('td', { class: 'num' }, fmt(s.coordinators)), el('td', { class: 'num' }, fmt(s.shards)),
    el('td', {}, s.runs.join(', '))))),
  el('p', {}, 'Grain statistics, silo counters and reminders: ', el('a', { href: 'orleans/', target: '_blank', rel: 'noopener' }, 'the Orleans dashboard'), '.'));
}

// ---- routing ----------------------------------------------------------------------------------------------
let current = '';
async function refresh() {
  const hash = location.hash || '#/';
  if (hash !== current) {
    current = hash;
    for (const c of charts.values()) c.destroy();
    charts.clear();
    view.replaceChildren();
  }
  const [, kind, id] = hash.match(/^#\/([a-z]*)\/?(.*)$/) ?? [];
  const updated = document.getElementById('updated');
  try {
    if (kind === 'run') await runView(decodeURIComponent(id));
    else if (kind === 'sweeps') await sweepsView();
    else if (kind === 'sweep') await sweepView(decodeURIComponent(id));
    else if (kind === 'cluster') await clusterView();
    else await runsView();
    view.querySelector('#error')?.remove();
    updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
    document.body.dataset.loaded = hash;
  } catch (e) {
    fill(section('error'), el('p', { class: 'state-Failed' }, e.message));
    updated.textContent = 'update failed';
  }
}

window.addEventListener('hashchange', refresh);
refresh();
setInterval(refresh, 2000);
