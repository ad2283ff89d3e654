'use strict';
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
  // Every durable checkpoint (the history keeps them), placed on the loss curve at its step.
  const near = s => (steps.find(p => p.step >= s) ?? steps[steps.length - 1]);
  const checkpoint = (history.checkpoints ?? []).filter(s => s > 0 && near(s)).map(s => ({ x: s, y: near(s).loss }));
  const restarts = history.events.filter(e => e.kind !== 'Started').map(e => {
    const near = steps.find(p => p.step >= e.step) ?? steps[steps.length - 1];
    return { x: e.step, y: near ? near.loss : 0, kind: e.kind };
  });
  plot(grid, 'step-loss', 'Training loss per step (▲ restart or resume, ◆ checkpoint)', { type: 'line', data: { datasets: [
    series('loss', steps.map(p => ({ x: p.step, y: num(p.loss) ? p.loss : null })), 0, { pointRadius: 0 }),
    series('restart / resume', restarts, 3, { showLine: false, pointStyle: 'triangle', pointRadius: 8 }),
    series('checkpoint', checkpoint, 2, { showLine: false, pointStyle: 'rectRot', pointRadius: 5 })] }, options: linear('step', 'loss') });
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
  // Seconds per step by phase (a point covers p.steps steps once the history is compacted).
  const phase = f => steps.map(p => ({ x: p.step, y: p.steps > 0 ? f(p) / p.steps : null }));
  plot(grid, 'step-phases', 'Where a step\'s time goes (seconds per step, stacked)', { type: 'line', data: { datasets: [
    series('shard compute (mean)', phase(p => p.computeSeconds), 0, { pointRadius: 0, fill: 'origin' }),
    series('transfers and waiting', phase(p => Math.max(p.collectSeconds - p.computeSeconds, 0)), 1, { pointRadius: 0, fill: '-1' }),
    series('aggregate, update, project', phase(p => p.updateSeconds), 2, { pointRadius: 0, fill: '-1' }),
    series('other', phase(p => Math.max(p.seconds - p.collectSeconds - p.updateSeconds, 0)), 3, { pointRadius: 0, fill: '-1' })] },
    options: linear('step', 'seconds', { stacked: true, min: 0 }) });
  const cols = ['epoch', 'train loss', 'train acc', 'test loss', 'test acc', 'test RMSE', 'fwd it', 'adj it', 'non-conv', '‖A‖∞', 'samples/s', 'seconds'].map(title => ({ title }));
  fill(section('epochs'), el('h2', {}, 'Epochs'), table(cols, epochs.map(e => el('tr', {},
    [e.epoch, e.trainLoss, e.trainAccuracy, e.testLoss, e.testAccuracy, e.testRmse, e.forwardIterationsMean, e.backwardIterationsMean,
      e.nonConvergedSolves, e.infNormA, e.samplesPerSecond, e.trainSeconds].map(v => el('td', { class: 'num' }, fmt(v)))))),
  el('h2', {}, 'Settings'), el('pre', {}, JSON.stringify(history.spec, null, 2)));
}

