// A SKU's insights (figures, sales with the forecast band, its changes with their causes) and the order-rate
// anomalies.

import { api, ApiError } from './api.js';
import { drawForecast } from './forecast-chart.js';
import { $, h, time } from './dom.js';

const WEEK = 7 * 24 * 3600_000;
const DAY = 24 * 3600_000;
let shown = null;

function problemText(error) {
  if (error instanceof ApiError) return (error.problem && (error.problem.detail || error.problem.title)) || error.message;
  return error.message || String(error);
}

function fail(node, error) {
  if (error instanceof ApiError && error.status === 401) return;
  node.textContent = problemText(error);
  node.hidden = false;
}

function days(value) {
  return value === null || value === undefined ? '–' : `${value} d`;
}

const MODELS = {
  RATE_SO_FAR: 'Demand: the rate sold so far (under 3 whole days of history)',
  HOLT: "Demand: Holt's damped trend",
  HOLT_WINTERS: 'Demand: Holt-Winters with a weekly season',
};

/** Opens the SKU view for ?sku=. */
export async function openSku(params) {
  const sku = params.get('sku');
  shown = sku;
  const error = $('#sku-error');
  error.hidden = true;
  $('#sku-title').textContent = `SKU ${sku}`;
  try {
    const [insights, changes] = await Promise.all([
      api.insights(sku),
      api.history(sku, `from=${new Date(Date.now() - WEEK).toISOString()}&limit=500`)]);
    if (shown !== sku) return;
    renderFigures(insights);
    drawForecast($('#sku-chart'), insights.sales || [], insights.forecast);
    $('#sku-forecast-note').textContent = insights.forecast
      ? 'Bars: units sold per day. Line and band: the expected units and their 80% interval.'
      : 'No forecast yet: it needs 3 whole days of history.';
    renderChanges(changes);
  } catch (e) {
    fail(error, e);
  }
}

function renderFigures(i) {
  $('#sku-available').textContent = i.available;
  const v = i.velocity || {};
  $('#sku-velocity').textContent = [v.lastHour, v.lastDay, v.lastWeek].map((x) => (x ?? '–')).join(' · ');
  $('#sku-cover').textContent = days(i.daysOfCover);
  $('#sku-cover-range').textContent = i.daysOfCoverLow === null ? '' : `${days(i.daysOfCoverLow)} to ${days(i.daysOfCoverHigh)}`;
  $('#sku-stockout').textContent = i.stockoutAt ? time(i.stockoutAt) : 'not expected';
  $('#sku-model').textContent = MODELS[i.model] || i.model || '';
}

function cause(change) {
  const parts = [];
  if (change.orderId) parts.push(h('a', { href: `#/events?aggregateId=${encodeURIComponent(change.orderId)}` }, `order ${change.orderId}`));
  if (change.channel) parts.push(` on ${change.channel}`);
  if (change.reason) parts.push(` · ${change.reason}`);
  if (change.conflictId) parts.push(' · ', h('a', { href: `#/conflicts?conflictId=${encodeURIComponent(change.conflictId)}` }, `conflict ${change.conflictId}`));
  if (change.user) parts.push(` · by ${change.user}`);
  return parts;
}

function renderChanges(changes) {
  const rows = [...changes.items].reverse().map((c) => h('tr', { dataset: { type: c.type } },
    h('td', {}, time(c.at)),
    h('td', {}, c.type.replace(/^Stock/, ''), c.delta ? h('span', { class: 'mono' }, ` ${c.delta > 0 ? '+' : ''}${c.delta}`) : null),
    h('td', { class: 'num' }, c.available),
    h('td', { class: 'num' }, c.onHand),
    h('td', { class: 'num' }, c.reserved),
    h('td', {}, ...cause(c))));
  $('#sku-history tbody').replaceChildren(...rows);
  $('#sku-history-note').textContent = changes.items.length ? (changes.truncated ? 'Only the first 500 changes of the week are shown.' : '')
    : 'No change in the last 7 days.';
}

export function leaveSku() {
  shown = null;
}

/** Opens the anomalies view. */
export async function openInsights() {
  await loadAnomalies();
}

async function loadAnomalies() {
  const error = $('#anomalies-error');
  error.hidden = true;
  const span = Number($('#an-days').value) * DAY;
  const to = new Date();
  const query = new URLSearchParams({ from: new Date(to.getTime() - span).toISOString(), to: to.toISOString() });
  const channel = $('#an-channel').value.trim();
  if (channel) query.set('channel', channel);
  try {
    const found = await api.anomalies(query.toString());
    $('#anomalies-table tbody').replaceChildren(...[...found.items].reverse().map((a) => h('tr', { dataset: { kind: a.kind } },
      h('td', {}, time(a.at)),
      h('td', {}, a.channel),
      h('td', {}, h('span', { class: `badge ${a.kind.toLowerCase()}` }, a.kind)),
      h('td', { class: 'num' }, a.observed),
      h('td', { class: 'num' }, a.expected),
      h('td', { class: 'num' }, a.score))));
    $('#anomalies-note').textContent = found.items.length ? '' : 'No unusual order rate in this window.';
  } catch (e) {
    fail(error, e);
  }
}

export function init() {
  $('#anomalies-form').addEventListener('submit', (e) => { e.preventDefault(); loadAnomalies(); });
}
