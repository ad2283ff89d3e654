'use strict';
// The idl dashboard's helpers: DOM building, the JSON API, number formats, tables, and chart boxes (Chart.js) that
// are kept across refreshes and updated in place. Loaded first; runs.js, sweeps.js, cluster.js and app.js use them.
const view = document.getElementById('view');
const charts = new Map();
const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

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

// An action (POST): the header tells the server the page sent it (see ActionGuard).
async function act(path, question) {
  if (question && !confirm(question)) return;
  try { await api(path, { method: 'POST', headers: { 'X-Idl-Action': '1' } }); } catch (e) { alert(e.message); }
  await refresh();
}

