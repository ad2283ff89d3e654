'use strict';
// ---- sweeps -----------------------------------------------------------------------------------------------
let sweepSort = { key: 'metric', dir: 1 };

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
  plot(grid, 'curves', 'Learning curves: test loss per epoch of each trial\'s run (where ASHA stopped it: the table)', { type: 'line', data: { datasets:
    ids.map((tid, i) => series(tid, curves[tid].map(e => ({ x: e.epoch, y: num(e.testLoss) ? e.testLoss : e.trainLoss })), i)) },
    options: linear('epoch', 'test loss') });
}

