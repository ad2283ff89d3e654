'use strict';
// The idl dashboard: hash routes (#/, #/run/<id>, #/sweeps, #/sweep/<id>, #/cluster), refreshed every two seconds.
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
