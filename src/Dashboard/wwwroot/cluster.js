'use strict';
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

