// The live dashboard: a snapshot from the REST API, kept current by the stream.

import { api, ApiError } from './api.js';
import { drawChart } from './chart.js';
import { $, h, time, toast } from './dom.js';
import * as health from './health.js';

const HOUR = 3600_000;
const TRACKED = ['PENDING', 'CONFIRMED', 'REJECTED'];

const orders = new Map();
const inventory = new Map();
const counts = { PENDING: 0, CONFIRMED: 0, REJECTED: 0 };
const lowAlerts = new Map();
/** Days of cover per SKU, from the insights; refreshed a while after the SKU's stock moves. */
const covers = new Map();
const stockouts = new Map();
const coverTimers = new Map();
const COVER_REFRESH = 5000;
const COVER_PAGE = 200;
let placedTimes = [];
let ready = false;
/** Messages that arrived while the snapshot loads, each with what settles its apply(). */
let buffered = [];
let ticker;
/** Bumped by every load and stop, so that an outdated load does not land. */
let epoch = 0;

function problemText(error) {
  if (error instanceof ApiError) {
    const p = error.problem || {};
    return p.detail || p.title || error.message;
  }
  return error.message || String(error);
}

/** Tells why the API refused; a refused session has sent the user to the login form, which says it. */
function refused(subject, error) {
  if (!(error instanceof ApiError && error.status === 401)) toast(`${subject}: ${problemText(error)}`);
}

/** Loads the snapshot; messages that arrive meanwhile are applied on top of it. */
export async function load() {
  ready = false;
  const mine = ++epoch;
  health.refresh();
  const [recent, stock, pending, confirmed, rejected] = await Promise.all([
    api.orders('?size=200'), api.inventory('?size=200'),
    api.orders('?status=PENDING&size=1'), api.orders('?status=CONFIRMED&size=1'),
    api.orders('?status=REJECTED&size=1')]);
  if (mine !== epoch) return;
  orders.clear();
  inventory.clear();
  counts.PENDING = pending.total; counts.CONFIRMED = confirmed.total; counts.REJECTED = rejected.total;
  recent.items.forEach((o) => orders.set(o.orderId, o));
  stock.items.forEach((s) => inventory.set(s.sku, s));
  // alerts the snapshot shows are over
  stock.items.filter((s) => !s.low).forEach((s) => lowAlerts.delete(s.sku));
  const since = Date.now() - HOUR;
  placedTimes = recent.items.map((o) => Date.parse(o.createdAt)).filter((t) => t >= since);
  renderOrders();
  renderInventory();
  loadCovers([...inventory.keys()], mine);
  ready = true;
  const pendingMessages = buffered;
  buffered = [];
  pendingMessages.forEach(({ message, rendered }) => { render(message); rendered(); });
  renderMetrics();
  clearInterval(ticker);
  ticker = setInterval(renderMetrics, 5000);
}

export function stop() {
  epoch += 1;
  clearInterval(ticker);
  ready = false;
  buffered = [];
  lowAlerts.clear();
  stockouts.clear();
  covers.clear();
  coverTimers.forEach((t) => clearTimeout(t));
  coverTimers.clear();
  health.reset();
}

/** Asks the insights for the SKUs' days of cover, a page of SKUs at a time; a failure leaves the cells empty. */
async function loadCovers(skus, mine) {
  for (let i = 0; i < skus.length; i += COVER_PAGE) {
    try {
      const page = await api.covers(skus.slice(i, i + COVER_PAGE));
      if (mine !== epoch) return;
      page.items.forEach((c) => {
        covers.set(c.sku, c);
        const row = inventory.get(c.sku);
        if (row) renderStock(row);
      });
    } catch (e) {
      return;
    }
  }
}

/** The SKU's cover moves with its stock: asked again once its changes have settled for a moment. */
function coverLater(sku) {
  clearTimeout(coverTimers.get(sku));
  const mine = epoch;
  coverTimers.set(sku, setTimeout(() => { coverTimers.delete(sku); loadCovers([sku], mine); }, COVER_REFRESH));
}

/**
 * One stream message. Returns a promise when the message waits for the snapshot: it settles once the
 * message is on the page (never, if the snapshot cannot be loaded), which is when it may be acknowledged.
 */
export function apply(message) {
  if (message.type === 'health.changed') {
    // independent of the snapshot
    health.changed(message.data || {});
    return undefined;
  }
  if (!ready) return new Promise((rendered) => { buffered.push({ message, rendered }); });
  render(message);
  return undefined;
}

function render(message) {
  const { id, type, data } = message;
  if (type.startsWith('order.')) {
    if (type === 'order.placed') {
      const known = orders.has(data.orderId);
      setStatus(data.orderId, 'PENDING', {
        orderId: data.orderId, channel: data.channel, channelOrderId: data.channelOrderId,
        lines: data.lines || [], createdAt: data.at, updatedAt: data.at });
      if (!known) placedTimes.push(Date.parse(data.at) || Date.now());
    } else {
      setStatus(data.orderId, data.status, { reason: data.reason, updatedAt: data.at });
    }
  } else if (type === 'stock.changed') {
    const { merchantId, at, ...levels } = data;
    const row = { ...(inventory.get(data.sku) || {}), ...levels, updatedAt: at };
    inventory.set(data.sku, row);
    if (!row.low) lowAlerts.delete(data.sku);
    renderStock(row);
    coverLater(data.sku);
  } else if (type === 'stock.stockout-predicted') {
    stockouts.set(data.sku, { ...data, id });
    covers.set(data.sku, { ...(covers.get(data.sku) || {}), ...data });
    const row = inventory.get(data.sku);
    if (row) renderStock(row);
  } else if (type === 'stock.low') {
    const row = inventory.get(data.sku);
    // a late redelivery of an alert the levels have moved past since
    if (row && Date.parse(data.at) < Date.parse(row.updatedAt)) return;
    lowAlerts.set(data.sku, { ...data, id });
    if (row) { row.low = true; renderStock(row); }
  }
  renderMetrics();
}

/** Moves an order to a status, keeping the counters right whatever order messages arrive in. */
function setStatus(orderId, status, fields = {}) {
  const current = orders.get(orderId);
  let previous = current?.status;
  if (!current) {
    if (status === 'CONFIRMED' || status === 'REJECTED') previous = 'PENDING';
    else if (status === 'SHIPPED') previous = 'CONFIRMED';
  }
  if (previous !== status) {
    if (TRACKED.includes(previous) && counts[previous] > 0) counts[previous] -= 1;
    if (TRACKED.includes(status)) counts[status] += 1;
  }
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const next = { ...(current || {}), ...clean, orderId, status };
  orders.set(orderId, next);
  if (!current && !next.channel) {
    // a message about an order older than the snapshot: fetch the rest of it
    api.orders(`/${encodeURIComponent(orderId)}`).then((o) => {
      orders.set(orderId, { ...o, status: orders.get(orderId).status });
      renderOrder(orders.get(orderId));
    }).catch(() => {});
  }
  renderOrder(next);
  return previous;
}

function renderMetrics() {
  const now = Date.now();
  placedTimes = placedTimes.filter((t) => t >= now - HOUR);
  $('#m-per-minute').textContent = placedTimes.filter((t) => t >= now - 60_000).length;
  $('#m-confirmed').textContent = counts.CONFIRMED;
  $('#m-rejected').textContent = counts.REJECTED;
  $('#m-pending').textContent = counts.PENDING;
  // an alert about a SKU the snapshot does not hold (beyond its first page) counts too
  const low = [...[...inventory.values()].filter((s) => s.low),
    ...[...lowAlerts.values()].filter((a) => !inventory.has(a.sku))];
  $('#m-low').textContent = low.length;
  drawChart($('#chart'), placedTimes);
  renderAlerts(low);
  renderStockouts();
}

function renderStockouts() {
  const list = $('#stockouts');
  const alerts = [...stockouts.values()].sort((a, b) => String(a.stockoutAt).localeCompare(String(b.stockoutAt)));
  if (!alerts.length) {
    list.replaceChildren(h('li', { class: 'muted' }, 'No SKU is expected to run out soon.'));
    return;
  }
  list.replaceChildren(...alerts.map((a) => h('li', { dataset: { sku: a.sku, alertId: a.id } },
    h('a', { href: `#/sku?sku=${encodeURIComponent(a.sku)}` }, h('strong', {}, a.sku)),
    ` runs out ${a.stockoutAt ? time(a.stockoutAt) : 'soon'} (${a.daysOfCover} days of cover, ${a.available} available)`)));
}

function renderAlerts(low) {
  const list = $('#alerts');
  if (!low.length) {
    list.replaceChildren(h('li', { class: 'muted' }, 'No SKU is low on stock.'));
    return;
  }
  list.replaceChildren(...low.map((s) => {
    const alert = lowAlerts.get(s.sku);
    return h('li', { dataset: alert?.id != null ? { sku: s.sku, alertId: alert.id } : { sku: s.sku } },
      h('strong', {}, s.sku), ` ${s.available} available (threshold ${s.lowStockThreshold})`,
      alert ? h('span', { class: 'muted' }, ` · alert ${time(alert.at)}`) : null);
  }));
}

function renderOrders() {
  const rows = [...orders.values()].sort((a, b) => String(b.createdAt).localeCompare(String(a.createdAt)));
  $('#orders-table tbody').replaceChildren(...rows.map(orderRow));
}

function renderOrder(order) {
  const body = $('#orders-table tbody');
  const row = orderRow(order);
  const existing = body.querySelector(`tr[data-order-id="${CSS.escape(order.orderId)}"]`);
  if (existing) existing.replaceWith(row);
  else body.prepend(row);
  while (body.rows.length > 200) body.lastElementChild.remove();
}

function orderRow(order) {
  const lines = (order.lines || []).map((l) => `${l.quantity}× ${l.sku}`).join(', ');
  const busy = order.busy;
  return h('tr', { dataset: { orderId: order.orderId, status: order.status } },
    h('td', { class: 'mono' }, order.orderId),
    h('td', {}, order.channel ? `${order.channel} ${order.channelOrderId || ''}` : ''),
    h('td', {}, h('span', { class: `badge ${String(order.status).toLowerCase()}`, title: order.reason || null },
      order.status)),
    h('td', {}, lines),
    h('td', {}, time(order.createdAt)),
    h('td', { class: 'actions' },
      h('button', { type: 'button', disabled: busy || !['PENDING', 'CONFIRMED'].includes(order.status),
        'aria-label': `Cancel order ${order.orderId}`, onclick: () => act(order.orderId, 'CANCELLED', api.cancel) },
      'Cancel'),
      h('button', { type: 'button', disabled: busy || order.status !== 'CONFIRMED',
        'aria-label': `Ship order ${order.orderId}`, onclick: () => act(order.orderId, 'SHIPPED', api.ship) }, 'Ship'),
      h('a', { href: `#/events?aggregateId=${encodeURIComponent(order.orderId)}`,
        'aria-label': `Events of order ${order.orderId}` }, 'Events')));
}

/** Optimistic: shows the new status at once and puts the old one back if the API refuses. */
async function act(orderId, status, call) {
  const before = orders.get(orderId);
  if (!before) return;
  const previous = before.status;
  setStatus(orderId, status, { busy: true });
  try {
    await call(orderId);
    const now = orders.get(orderId);
    orders.set(orderId, { ...now, busy: false });
    renderOrder(orders.get(orderId));
  } catch (e) {
    setStatus(orderId, previous, { busy: false });
    refused(`Order ${orderId}`, e);
  }
}

function renderInventory() {
  const rows = [...inventory.values()].sort((a, b) => a.sku.localeCompare(b.sku));
  $('#inventory-table tbody').replaceChildren(...rows.map(stockRow));
}

function renderStock(stock) {
  const body = $('#inventory-table tbody');
  const row = stockRow(stock);
  const existing = body.querySelector(`tr[data-sku="${CSS.escape(stock.sku)}"]`);
  if (existing) {
    // keep what the operator is typing in the row being replaced
    const typing = existing.querySelector('input');
    const focused = document.activeElement === typing;
    row.querySelector('input').value = typing.value;
    existing.replaceWith(row);
    if (focused) row.querySelector('input').focus();
  } else {
    const after = [...body.rows].find((r) => r.dataset.sku.localeCompare(stock.sku) > 0);
    body.insertBefore(row, after || null);
  }
}

function stockRow(stock) {
  const inputId = `adjust-${stock.sku}`;
  const submit = (event) => {
    event.preventDefault();
    const input = event.currentTarget.querySelector('input');
    const delta = Number.parseInt(input.value, 10);
    if (!Number.isInteger(delta) || delta === 0) {
      toast('Enter a whole number other than 0 (negative to remove stock).');
      input.focus();
      return;
    }
    adjust(stock.sku, delta).then((ok) => { if (ok) input.value = ''; });
  };
  const cover = covers.get(stock.sku) || {};
  const coverText = cover.daysOfCover === null || cover.daysOfCover === undefined ? '–' : `${cover.daysOfCover} d`;
  return h('tr', { dataset: { sku: stock.sku }, class: stock.low ? 'low' : null },
    h('td', { class: 'mono' }, h('a', { href: `#/sku?sku=${encodeURIComponent(stock.sku)}`,
      'aria-label': `Insights and history of ${stock.sku}` }, stock.sku)),
    h('td', {}, stock.name || ''),
    h('td', { class: 'num', dataset: { field: 'onHand' } }, stock.onHand),
    h('td', { class: 'num' }, stock.reserved),
    h('td', { class: 'num', dataset: { field: 'available' } }, stock.available, stock.low ? h('span', { class: 'badge low' }, 'low') : null),
    h('td', { class: 'num', dataset: { field: 'cover' },
      title: cover.daysOfCoverLow != null ? `80%: ${cover.daysOfCoverLow} to ${cover.daysOfCoverHigh} days` : null }, coverText),
    h('td', { dataset: { field: 'stockoutAt' } }, cover.stockoutAt ? time(cover.stockoutAt) : ''),
    h('td', {}, h('form', { class: 'adjust', onsubmit: submit },
      h('label', { for: inputId, class: 'visually-hidden' }, `Change on-hand of ${stock.sku} by`),
      h('input', { id: inputId, type: 'number', step: '1', inputmode: 'numeric', placeholder: '±0' }),
      h('button', { type: 'submit', disabled: stock.busy }, 'Adjust'))));
}

/** Optimistic: moves the levels at once; the server's view replaces them, or the old ones come back. */
async function adjust(sku, delta) {
  const before = inventory.get(sku);
  const optimistic = { ...before, onHand: before.onHand + delta,
    available: Math.max(0, before.available + delta), busy: true };
  inventory.set(sku, optimistic);
  renderStock(optimistic);
  try {
    const view = await api.adjust(sku, delta, 'Adjusted from the dashboard');
    inventory.set(sku, view);
    renderStock(view);
    renderMetrics();
    return true;
  } catch (e) {
    inventory.set(sku, { ...before, busy: false });
    renderStock(inventory.get(sku));
    refused(sku, e);
    return false;
  }
}
