// The channels page: the merchant's shops on Shopify and TikTok Shop, their webhook deliveries and listings.
// Every role reads it; only an ADMIN gets the form and the retry buttons (the server enforces it either way).

import { api, ApiError, roles, session } from './api.js';
import { $, h, time } from './dom.js';

const CHANNEL_ID = /^[a-z0-9-]{1,40}$/;
const KINDS = { SHOPIFY: 'Shopify', TIKTOK_SHOP: 'TikTok Shop' };
/** The fields each kind takes: the server refuses the other kind's, so they are never sent. */
const KIND_FIELDS = { SHOPIFY: ['locationId', 'apiVersion'], TIKTOK_SHOP: ['appKey', 'shopCipher', 'warehouseId'] };
const FORM_FIELDS = ['channelId', 'kind', 'name', 'apiBaseUrl', 'webhookSecret', 'accessToken', 'locationId',
  'apiVersion', 'appKey', 'shopCipher', 'warehouseId', 'bufferMode', 'bufferStock', 'bufferMax', 'enabled'];
// the badge is visual only: the hint says it in words
const KEEP_SECRET = 'Set. Write-only: leave empty to keep the stored one.';
const DELIVERY_PAGE = 'page=0&size=50';
/** How long a retried delivery is watched for its new status before the page stops asking. */
const RETRY_WATCH_MS = 60_000;
/** How soon the list is asked again while a delivery waits to be processed. */
const RECEIVED_REFRESH_MS = 2000;

const channels = new Map();
let admin = false;
let selected = null;
/** The channel the form edits; null while it adds one. */
let editing = null;
/** Deliveries sent again whose new status is being waited for. */
const retrying = new Set();
const timers = new Set();
let refreshing = false;
/** Bumped whenever the page is left or another channel opens, so that late answers and polls stop. */
let epoch = 0;

const form = () => $('#channel-form');
const field = (name) => form().elements[name];

function problemText(error) {
  if (error instanceof ApiError) {
    const p = error.problem || {};
    if (error.status === 403) return 'This needs the ADMIN role.';
    return p.detail || p.title || error.message;
  }
  return error.message || String(error);
}

function showError(error, subject) {
  const node = $('#channels-error');
  // a refused session has sent the user to the login form, which says why
  if (!error || (error instanceof ApiError && error.status === 401)) {
    node.hidden = true;
    return;
  }
  node.textContent = subject ? `${subject}: ${problemText(error)}` : problemText(error);
  node.hidden = false;
}

function note(text) {
  $('#channels-note').textContent = text || '';
}

function later(mine, delay, action) {
  const timer = setTimeout(() => {
    timers.delete(timer);
    if (mine === epoch) action();
  }, delay);
  timers.add(timer);
}

export function init() {
  $('#channel-add').addEventListener('click', () => openForm(null));
  $('#channel-form-cancel').addEventListener('click', () => closeForm(true));
  form().addEventListener('submit', (e) => { e.preventDefault(); save(); });
  field('kind').addEventListener('change', showKindFields);
  field('bufferMode').addEventListener('change', showBufferMode);
  $('#deliveries-form').addEventListener('submit', (e) => { e.preventDefault(); if (selected) loadDeliveries(epoch); });
  $('#dl-status').addEventListener('change', () => { if (selected) loadDeliveries(epoch); });
  form().addEventListener('keydown', (e) => { if (e.key === 'Escape') closeForm(true); });
}

/** Shows the page for the route's parameters (`channel` selects one). */
export async function open(params) {
  leave();
  const mine = epoch;
  admin = roles(session.token).includes('ADMIN');
  $('#channel-add').hidden = !admin;
  if (!admin) closeForm();
  $('#deliveries-table thead th:last-child').hidden = !admin;
  $('#channels-table thead th:last-child').hidden = !admin;
  const wanted = params.get('channel') || null;
  const changed = wanted !== selected;
  if (changed) {
    $('#dl-status').value = '';
    note('');
  }
  selected = wanted;
  const detail = $('#channel-detail');
  detail.hidden = !selected;
  if (selected) {
    $('#channel-detail-title').textContent = `Channel ${selected}`;
    $('#deliveries-table tbody').replaceChildren();
    $('#listings-table tbody').replaceChildren();
  }
  // a newly chosen channel takes the focus to what it shows
  if (selected && changed) detail.focus();
  await loadChannels(mine);
  if (selected && mine === epoch) {
    await Promise.all([loadDeliveries(mine), loadListings(mine), loadStatus(mine)]);
  }
}

/** Stops what the page is waiting for (the view was left, or it opens afresh). */
export function leave() {
  epoch += 1;
  timers.forEach(clearTimeout);
  timers.clear();
  retrying.clear();
  refreshing = false;
}

/** Forgets everything shown: another user may sign in next. */
export function stop() {
  leave();
  channels.clear();
  selected = null;
  closeForm();
  ['#channels-table', '#deliveries-table', '#listings-table'].forEach((t) => $(`${t} tbody`).replaceChildren());
  $('#channel-status').replaceChildren();
  $('#channel-detail').hidden = true;
  showError(null);
  note('');
}

async function loadChannels(mine) {
  try {
    const result = await api.channels();
    if (mine !== epoch) return;
    channels.clear();
    (result.items || []).forEach((c) => channels.set(c.channelId, c));
    showError(null);
    renderChannels();
  } catch (e) {
    if (mine === epoch) showError(e, 'Loading the channels failed');
  }
}

function renderChannels() {
  const body = $('#channels-table tbody');
  if (!channels.size) {
    body.replaceChildren(h('tr', {}, h('td', { colspan: admin ? 6 : 5, class: 'muted' },
      admin ? 'No channel is connected yet. Add one to take orders from Shopify or TikTok Shop.'
        : 'No channel is connected yet.')));
  } else {
    body.replaceChildren(...[...channels.values()].map(channelRow));
  }
  const current = channels.get(selected);
  if (current) {
    $('#channel-detail-title').textContent = `${KINDS[current.kind] || current.kind} channel ${current.channelId}`
      + (current.name ? ` · ${current.name}` : '');
  }
}

function channelRow(channel) {
  const id = channel.channelId;
  const isSelected = id === selected;
  return h('tr', { dataset: { channelId: id }, class: isSelected ? 'selected' : null },
    h('td', { class: 'mono' }, h('a', { href: `#/channels?channel=${encodeURIComponent(id)}`,
      'aria-current': isSelected ? 'true' : null, 'aria-label': `Show deliveries and listings of ${id}` }, id)),
    h('td', {}, KINDS[channel.kind] || channel.kind),
    h('td', {}, channel.name || ''),
    h('td', { dataset: { field: 'enabled' } }, h('span', { class: `badge ${channel.enabled ? 'enabled' : 'disabled'}` },
      channel.enabled ? 'enabled' : 'disabled')),
    h('td', { class: 'num', dataset: { field: 'listings' } }, channel.listings ?? 0),
    admin ? h('td', { class: 'actions' }, h('button', { type: 'button', 'aria-label': `Edit channel ${id}`,
      onclick: () => openForm(channels.get(id)) }, 'Edit')) : null);
}

// --- deliveries -------------------------------------------------------------------------------------------

async function loadDeliveries(mine) {
  const channelId = selected;
  const status = $('#dl-status').value;
  try {
    const result = await api.deliveries(channelId, status ? `${DELIVERY_PAGE}&status=${status}` : DELIVERY_PAGE);
    if (mine !== epoch || channelId !== selected) return null;
    renderDeliveries(result);
    const items = result.items || [];
    // processing is asynchronous: a delivery just received shows its outcome without a click
    if (!refreshing && !retrying.size && items.some((d) => d.status === 'RECEIVED')) {
      refreshing = true;
      later(mine, RECEIVED_REFRESH_MS, () => { refreshing = false; loadDeliveries(mine); });
    }
    return items;
  } catch (e) {
    if (mine !== epoch) return null;
    $('#deliveries-table tbody').replaceChildren(emptyRow(
      e instanceof ApiError && e.status === 404 ? 'No deliveries can be shown for this channel.'
        : 'The deliveries could not be loaded.'));
    showError(e, 'Loading the deliveries failed');
    return null;
  }
}

function emptyRow(text) {
  return h('tr', {}, h('td', { colspan: admin ? 7 : 6, class: 'muted' }, text));
}

function renderDeliveries(result) {
  const items = result.items || [];
  const body = $('#deliveries-table tbody');
  if (!items.length) {
    body.replaceChildren(emptyRow($('#dl-status').value ? 'No delivery has this status.' : 'No deliveries yet.'));
  } else {
    body.replaceChildren(...items.map(deliveryRow));
  }
  const total = result.total ?? items.length;
  $('#deliveries-count').textContent = total > items.length ? `The newest ${items.length} of ${total}.`
    : `${total} in all.`;
}

function deliveryRow(d) {
  const busy = retrying.has(d.deliveryId);
  const status = String(d.status || '');
  const orderCell = !d.orderId ? h('span', { class: 'muted' }, '—')
    : admin ? h('a', { href: `#/events?aggregateId=${encodeURIComponent(d.orderId)}`,
      'aria-label': `Events of order ${d.orderId}` }, d.orderId)
      : d.orderId;
  return h('tr', { dataset: { deliveryId: d.deliveryId, status } },
    h('td', { class: 'mono' }, d.topic || ''),
    h('td', {}, d.receivedAt ? h('time', { datetime: d.receivedAt }, time(d.receivedAt)) : ''),
    h('td', { dataset: { field: 'status' } }, h('span', { class: `badge ${status.toLowerCase()}` }, status)),
    h('td', { class: 'num' }, d.attempts ?? ''),
    h('td', { class: 'wrap', dataset: { field: 'error' } }, d.error || '',
      status === 'FAILED' && d.nextAttemptAt
        ? h('span', { class: 'muted next' }, `Next try ${time(d.nextAttemptAt)}`) : null),
    h('td', { class: 'mono', dataset: { field: 'orderId' } }, orderCell),
    admin ? h('td', { class: 'actions' }, status === 'FAILED' || busy
      ? h('button', { type: 'button', disabled: busy, 'aria-label': `Retry delivery ${d.deliveryId}`,
        onclick: () => retry(d) }, busy ? 'Retrying…' : 'Retry')
      : null) : null);
}

/** Sends a failed delivery again and watches the list until its status moves on. */
async function retry(delivery) {
  const mine = epoch;
  const channelId = selected;
  const id = delivery.deliveryId;
  retrying.add(id);
  replaceDelivery(delivery);
  note(`Delivery ${delivery.topic || id} is sent again…`);
  try {
    const view = await api.retryDelivery(channelId, id);
    if (mine !== epoch) return;
    if (view && view.deliveryId) replaceDelivery(view);
    watch(mine, delivery, view?.status === 'RECEIVED', Date.now(), 500);
  } catch (e) {
    if (mine !== epoch) return;
    retrying.delete(id);
    replaceDelivery(delivery);
    note('');
    showError(e, `Retrying delivery ${delivery.topic || id} failed`);
    // e.g. 409: it moved on meanwhile, which the list then shows
    if (!(e instanceof ApiError && e.status === 401)) loadDeliveries(mine);
  }
}

/**
 * Moved on: processed or ignored, failed once more (after it was seen waiting, or with more attempts), or gone
 * from the filtered list.
 */
function settled(before, now, sawWaiting) {
  if (!now) return true;
  if (now.status === 'FAILED') return sawWaiting || (now.attempts ?? 0) > (before.attempts ?? 0);
  return now.status !== 'RECEIVED';
}

async function watch(mine, before, sawWaiting, since, delay) {
  const items = await loadDeliveries(mine);
  if (mine !== epoch) return;
  const now = items && items.find((d) => d.deliveryId === before.deliveryId);
  const waiting = sawWaiting || now?.status === 'RECEIVED';
  if (items && settled(before, now, waiting)) {
    retrying.delete(before.deliveryId);
    if (now) replaceDelivery(now);
    note(now ? `Delivery ${now.topic || now.deliveryId} is ${now.status}.`
      : `Delivery ${before.topic || before.deliveryId} no longer has this status.`);
    if (now && now.status === 'PROCESSED') loadListings(mine);
    return;
  }
  if (Date.now() - since > RETRY_WATCH_MS) {
    retrying.delete(before.deliveryId);
    if (now) replaceDelivery(now);
    note(`Delivery ${before.topic || before.deliveryId} has not moved on yet; refresh later.`);
    return;
  }
  later(mine, delay, () => watch(mine, before, waiting, since, Math.min(3000, Math.round(delay * 1.5))));
}

function replaceDelivery(d) {
  const existing = $(`#deliveries-table tr[data-delivery-id="${CSS.escape(d.deliveryId)}"]`);
  if (existing) existing.replaceWith(deliveryRow(d));
}

// --- listings ---------------------------------------------------------------------------------------------

/** A `channel.status` from the stream: shown when it is the selected channel's. */
export function applyStatus(status) {
  if (status && status.channelId === selected) renderStatus(status);
}

async function loadStatus(mine) {
  const channelId = selected;
  try {
    const status = await api.channelStatus(channelId);
    if (mine === epoch && channelId === selected) renderStatus(status);
  } catch (e) {
    if (mine === epoch) $('#channel-status').replaceChildren(h('dd', { class: 'muted' }, 'The sync status could not be loaded.'));
  }
}

function renderStatus(s) {
  const entry = (term, value, id) => [h('dt', {}, term), h('dd', { id: `status-${id}` }, String(value))];
  const lag = s.pushLagMs == null ? '–' : `${s.pushLagMs} ms`;
  $('#channel-status').replaceChildren(
    ...entry('Breaker', s.breaker, 'breaker'),
    ...entry('Pending pushes', s.pendingPushes, 'pending'),
    ...entry('Failed pushes', s.failedPushes, 'failed'),
    ...entry('Push lag', lag, 'lag'),
    ...entry('Last push', s.lastPushAt ? time(s.lastPushAt) : '–', 'last-push'),
    ...entry('Out of sync', `${s.outOfSync} of ${s.listings} listings`, 'out-of-sync'),
    ...entry('Failed deliveries', s.failedDeliveries, 'failed-deliveries'));
  $('#channel-status').dataset.breaker = s.breaker;
}

async function loadListings(mine) {
  const channelId = selected;
  try {
    const result = await api.listings(channelId);
    if (mine !== epoch || channelId !== selected) return;
    const items = result.items || [];
    $('#listings-table tbody').replaceChildren(...(items.length ? items.map(listingRow)
      : [h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'No SKU is listed on this channel.'))]));
  } catch (e) {
    if (mine !== epoch) return;
    $('#listings-table tbody').replaceChildren(
      h('tr', {}, h('td', { colspan: 8, class: 'muted' }, 'The listings could not be loaded.')));
    showError(e, 'Loading the listings failed');
  }
}

function listingRow(l) {
  const item = l.inventoryItemId || [l.productId, l.skuId].filter(Boolean).join(' / ');
  return h('tr', { dataset: { sku: l.sku } },
    h('td', { class: 'mono' }, l.sku),
    h('td', { class: 'mono' }, item),
    h('td', { class: 'num' }, l.channelQuantity ?? '—'),
    h('td', { class: 'num' }, l.wantedQuantity ?? '—'),
    h('td', {}, l.pushedAt ? h('time', { datetime: l.pushedAt }, time(l.pushedAt)) : '—'),
    h('td', {}, h('span', { class: `badge ${l.inSync ? 'enabled' : 'pending'}` }, l.inSync ? 'in sync' : 'not yet')),
    h('td', { class: 'num', dataset: { field: 'buffer' } }, l.buffer ?? '—'),
    h('td', { dataset: { field: 'bufferReason' } }, bufferReason(l.bufferReason)));
}

/** Why the listing holds back what it does, in words. */
function bufferReason(r) {
  if (!r) return '';
  if (r.mode !== 'AUTO') return "the channel's fixed buffer";
  if (!r.computedAt) return 'AUTO, not computed yet (the last fixed buffer holds)';
  const lag = `${(r.pushLagP99Ms / 1000).toFixed(1)} s push lag p99${r.lagMeasured ? '' : ' (none measured yet: the default)'}`;
  const max = r.bufferMax != null ? `, at most ${r.bufferMax}` : '';
  return `AUTO: ${r.unitsPerDay} sold a day × ${lag} × ${r.safetyFactor}${max}`;
}

// --- the form (ADMIN) -------------------------------------------------------------------------------------

function openForm(channel) {
  if (!admin) return;
  editing = channel ? channel.channelId : null;
  const f = form();
  f.reset();
  clearFieldErrors();
  $('#channel-form-title').textContent = channel ? `Edit channel ${channel.channelId}` : 'Add channel';
  field('channelId').readOnly = Boolean(channel);
  // a channel keeps its platform: another platform is another channel id
  field('kind').disabled = Boolean(channel);
  if (channel) {
    for (const name of ['channelId', 'kind', 'name', 'apiBaseUrl', 'locationId', 'apiVersion', 'appKey', 'shopCipher',
      'warehouseId', 'bufferMode']) {
      field(name).value = channel[name] ?? '';
    }
    field('bufferStock').value = channel.bufferStock ?? '';
    field('bufferMax').value = channel.bufferMax ?? '';
    field('enabled').checked = channel.enabled !== false;
  } else {
    field('bufferStock').value = '0';
  }
  secretState('webhookSecret', channel?.webhookSecretSet);
  secretState('accessToken', channel?.accessTokenSet);
  showKindFields();
  showBufferMode();
  f.hidden = false;
  $('#channel-form-title').focus();
}

/** Hides the form; with {@code refocus} the keyboard goes back to the channel's Edit button or Add channel. */
function closeForm(refocus) {
  const f = form();
  if (f.hidden) return;
  const channelId = editing;
  f.hidden = true;
  // nothing typed into a secret field stays in the page
  f.reset();
  editing = null;
  clearFieldErrors();
  if (refocus) focusAfterForm(channelId);
}

function focusAfterForm(channelId) {
  const edit = channelId
    && document.querySelector(`#channels-table tr[data-channel-id="${CSS.escape(channelId)}"] button`);
  (edit || $('#channel-add')).focus();
}

function secretState(name, isSet) {
  $(`#cf-${name}-set`).hidden = !isSet;
  $(`#cf-${name}-hint`).textContent = isSet ? KEEP_SECRET : 'Required for a new channel; write-only.';
}

function showKindFields() {
  const kind = field('kind').value;
  form().querySelectorAll('[data-kind]').forEach((node) => { node.hidden = node.dataset.kind !== kind; });
  $('#cf-webhookSecret-label').textContent = kind === 'TIKTOK_SHOP' ? 'App secret' : 'Client secret';
  $('#cf-apiBaseUrl-hint').textContent = kind === 'TIKTOK_SHOP'
    ? 'The Open API origin, e.g. https://open-api.tiktokglobalshop.com'
    : "The shop's origin, e.g. https://acme.myshopify.com";
}

function showBufferMode() {
  const auto = field('bufferMode').value === 'AUTO';
  field('bufferStock').readOnly = auto;
  $('#cf-bufferStock-hint').textContent = auto ? 'Computed in automatic mode.' : 'Units held back from the channel.';
}

function clearFieldErrors() {
  for (const name of FORM_FIELDS) {
    const node = $(`#cf-${name}-error`);
    node.textContent = '';
    node.hidden = true;
    field(name).removeAttribute('aria-invalid');
  }
  const error = $('#cf-form-error');
  error.textContent = '';
  error.hidden = true;
}

function fieldError(name, message) {
  // by id, not selector: a server's field name may hold brackets or dots
  const node = document.getElementById(`cf-${name}-error`);
  const input = FORM_FIELDS.includes(name) ? field(name) : null;
  // a field the form does not show (or knows) goes to the form's own message
  if (!node || !input || input.closest('[hidden]')) return false;
  node.textContent = node.textContent ? `${node.textContent}; ${message}` : message;
  node.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  return true;
}

function formError(text) {
  const node = $('#cf-form-error');
  node.textContent = text;
  node.hidden = false;
}

function focusFirstInvalid() {
  const first = FORM_FIELDS.map(field).find((input) => input.getAttribute('aria-invalid') === 'true');
  (first || $('#cf-form-error')).focus?.();
}

/** The request body: only the fields of the channel's kind, empty ones left out (a secret left out is kept). */
function body() {
  const value = (name) => field(name).value.trim();
  const kind = field('kind').value;
  const out = { kind, apiBaseUrl: value('apiBaseUrl'), bufferMode: field('bufferMode').value,
    enabled: field('enabled').checked };
  const optional = ['name', ...KIND_FIELDS[kind]];
  optional.forEach((name) => { if (value(name)) out[name] = value(name); });
  // secrets are taken as typed: spaces may be part of them
  ['webhookSecret', 'accessToken'].forEach((name) => { if (field(name).value) out[name] = field(name).value; });
  if (out.bufferMode === 'FIXED' && value('bufferStock')) out.bufferStock = Number(value('bufferStock'));
  if (value('bufferMax')) out.bufferMax = Number(value('bufferMax'));
  return out;
}

async function save() {
  clearFieldErrors();
  const channelId = editing || field('channelId').value.trim();
  if (!CHANNEL_ID.test(channelId)) {
    fieldError('channelId', 'must be 1 to 40 lower-case letters, digits or dashes');
  } else if (!editing && channels.has(channelId)) {
    fieldError('channelId', 'is taken already: edit that channel instead');
  }
  if (!editing && !field('webhookSecret').value) fieldError('webhookSecret', 'is required for a new channel');
  if (!editing && !field('accessToken').value) fieldError('accessToken', 'is required for a new channel');
  if ($('#channel-form [aria-invalid="true"]')) {
    formError('The channel was not saved: check the marked fields.');
    focusFirstInvalid();
    return;
  }
  const submit = form().querySelector('button[type=submit]');
  submit.disabled = true;
  try {
    const view = await api.putChannel(channelId, body());
    channels.set(view.channelId, view);
    closeForm(false);
    renderChannels();
    focusAfterForm(view.channelId);
    note(`Channel ${view.channelId} saved.`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    const errors = (e instanceof ApiError && e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
    const unplaced = errors.filter((err) => !fieldError(err.field, err.message || 'is invalid'));
    if (errors.length) {
      formError(unplaced.length
        ? `The channel was not saved: ${unplaced.map((err) => `${err.field}: ${err.message}`).join('; ')}`
        : 'The channel was not saved: check the marked fields.');
    } else {
      formError(`The channel was not saved: ${problemText(e)}`);
    }
    focusFirstInvalid();
  } finally {
    submit.disabled = false;
  }
}
