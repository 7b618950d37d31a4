// The conflicts page: where a channel and our books disagree, with the evidence, the history and the decision.
// Every role reads it; OPERATOR and up get the resolve form (the server enforces it either way). Also the
// main page's open-conflicts card, refreshed on every conflict message of the stream.

import { api, ApiError, roles, session } from './api.js';
import { $, h, time } from './dom.js';

const PAGE_SIZE = 50;
const KINDS = { STOCK_MISMATCH: 'Stock mismatch', OVERSOLD: 'Oversold', DUPLICATE_ORDER: 'Duplicate order',
  STATUS_MISMATCH: 'Status mismatch' };
const QUANTITY_KINDS = ['STOCK_MISMATCH', 'OVERSOLD'];
const ACTIONS = { KEEP_OURS: 'keep ours', ACCEPT_THEIRS: 'accept theirs', SET_VALUE: 'set on-hand' };
const EVIDENCE = { source: 'Seen from', deliveryId: 'Delivery', reportedAt: 'Reported at', buffer: 'Buffer then',
  available: 'Our available then', note: 'What was seen' };
/** What each decision does, per kind (the contract's words, shortened). */
const HINTS = {
  STOCK_MISMATCH: { KEEP_OURS: 'Pushes ours to every channel of the SKU again.',
    ACCEPT_THEIRS: "Adjusts our on-hand so that the channel's quantity is right." },
  OVERSOLD: { KEEP_OURS: 'Records that our books stand.', ACCEPT_THEIRS: "Records the channel's sale as it is." },
  DUPLICATE_ORDER: { KEEP_OURS: 'Records that our order stands as placed.',
    ACCEPT_THEIRS: "Records the channel's lines as right; the order is not changed." },
  STATUS_MISMATCH: { KEEP_OURS: 'Records that our status stands.',
    ACCEPT_THEIRS: "Applies the channel's status where the order's lifecycle allows it." },
};
/** How soon the summary is asked again after a conflict message (a burst asks once). */
const SUMMARY_DELAY_MS = 250;
const AGE_TICK_MS = 30_000;

const items = new Map();
let order = [];
let total = 0;
let page = 0;
let filters = { status: 'OPEN', kind: '', channel: '' };
let selected = null;
let detail = null;
let operator = false;
let active = false;
let loading = false;
/** Stream messages that arrived while the list loads: applied on top of it. */
let queued = [];
/** Bumped whenever the page is left or opens afresh, so that late answers do not land. */
let epoch = 0;

let summary = null;
let summaryTimer = null;
let ageTicker = null;
let summaryEpoch = 0;

const form = () => $('#resolve-form');

function problemText(error) {
  if (error instanceof ApiError) {
    const p = error.problem || {};
    if (error.status === 403 && !p.detail) return 'This needs the OPERATOR role.';
    return p.detail || p.title || error.message;
  }
  return error.message || String(error);
}

function showError(error, subject) {
  const node = $('#conflicts-error');
  // a refused session has sent the user to the login form, which says why
  if (!error || (error instanceof ApiError && error.status === 401)) {
    node.hidden = true;
    return;
  }
  node.textContent = subject ? `${subject}: ${problemText(error)}` : problemText(error);
  node.hidden = false;
}

function note(text) {
  $('#conflicts-note').textContent = text || '';
}

export function init() {
  $('#conflicts-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.currentTarget.elements;
    const params = new URLSearchParams();
    params.set('status', f.status.value);
    if (f.kind.value) params.set('kind', f.kind.value);
    if (f.channel.value.trim()) params.set('channel', f.channel.value.trim());
    location.hash = `#/conflicts?${params}`;
  });
  $('#conflicts-more').addEventListener('click', () => loadList(epoch, page + 1));
  form().addEventListener('submit', (e) => { e.preventDefault(); ask(); });
  form().addEventListener('change', (e) => { if (e.target.name === 'action') showValueField(); });
  $('#rs-confirm-yes').addEventListener('click', () => resolve());
  $('#rs-confirm-no').addEventListener('click', () => back(true));
  form().addEventListener('keydown', (e) => { if (e.key === 'Escape' && !$('#rs-confirm').hidden) back(true); });
}

/** Shows the page for the route's parameters: `status` (default OPEN), `kind`, `channel`, `id`. */
export async function open(params) {
  // messages are not followed while the page is away: coming back loads the list afresh
  const returning = !active;
  leave();
  active = true;
  const mine = epoch;
  operator = roles(session.token).some((r) => r === 'OPERATOR' || r === 'ADMIN');
  const wanted = { status: params.has('status') ? params.get('status') : 'OPEN', kind: params.get('kind') || '',
    channel: params.get('channel') || '' };
  const changed = JSON.stringify(wanted) !== JSON.stringify(filters) || !order.length;
  filters = wanted;
  $('#cx-status').value = filters.status;
  $('#cx-kind').value = filters.kind;
  $('#cx-channel').value = filters.channel;
  const id = params.get('id') || null;
  const chosen = id !== selected;
  selected = id;
  $('#conflict-detail').hidden = !selected;
  if (chosen) {
    detail = null;
    resetForm();
  }
  if (chosen && selected) $('#conflict-detail').focus();
  if (!changed && !returning) renderList();
  const list = changed || returning ? loadList(mine, 0) : Promise.resolve();
  await Promise.all([list, selected ? loadDetail(mine, selected) : null]);
}

/** Stops what the page waits for (the view was left, or it opens afresh). */
export function leave() {
  epoch += 1;
  active = false;
  loading = false;
  queued = [];
}

/** Forgets everything shown, the card's figures too: another user may sign in next. */
export function stop() {
  leave();
  items.clear();
  order = [];
  total = 0;
  selected = null;
  detail = null;
  filters = { status: 'OPEN', kind: '', channel: '' };
  $('#conflicts-table tbody').replaceChildren();
  $('#conflict-detail').hidden = true;
  resetForm();
  showError(null);
  note('');
  summaryEpoch += 1;
  clearTimeout(summaryTimer);
  clearInterval(ageTicker);
  ageTicker = null;
  summary = null;
  renderSummary();
}

/** After the stream lost messages: what is shown is asked for again. */
export function reload() {
  loadSummary();
  if (active) {
    const mine = epoch;
    loadList(mine, 0);
    if (selected) loadDetail(mine, selected);
  }
}

// --- the stream ---------------------------------------------------------------------------------------------

/** A `conflict.*` message: the card is asked again, and the page shows the change where it is open. */
export function apply(message) {
  scheduleSummary();
  if (!active) return;
  if (loading) {
    queued.push(message);
    return;
  }
  applyToList(message);
}

function applyToList({ type, data }) {
  if (!data || !data.conflictId) return;
  const id = data.conflictId;
  const known = items.get(id);
  if (type === 'conflict.detected') {
    if (!known && matches(data)) {
      const row = { conflictId: id, kind: data.kind, status: 'OPEN', severity: data.severity || 'NORMAL',
        sku: data.sku, orderId: data.orderId, channel: data.channel, ours: data.ours, theirs: data.theirs,
        detectedAt: data.detectedAt || data.at };
      items.set(id, row);
      order.unshift(id);
      total += 1;
      $('#conflicts-table tbody').prepend(conflictRow(row));
      removeEmptyRow();
      renderCount();
    }
  } else if (known) {
    // a row that no longer fits the filter stays until the next load, so the change can be seen
    const next = type === 'conflict.escalated' ? { ...known, severity: 'HIGH' }
      : { ...known, status: 'RESOLVED', resolution: data.resolution, resolvedBy: data.resolvedBy,
        resolvedAt: data.resolvedAt || data.at };
    items.set(id, next);
    replaceRow(next);
  }
  if (id === selected && (type !== 'conflict.detected' || !detail)) loadDetail(epoch, id);
}

function matches(data) {
  return (!filters.status || filters.status === 'OPEN')
    && (!filters.kind || filters.kind === data.kind)
    && (!filters.channel || filters.channel === data.channel);
}

// --- the list -----------------------------------------------------------------------------------------------

function query(pageNumber) {
  const params = new URLSearchParams({ page: String(pageNumber), size: String(PAGE_SIZE) });
  for (const name of ['status', 'kind', 'channel']) if (filters[name]) params.set(name, filters[name]);
  return `?${params}`;
}

async function loadList(mine, pageNumber) {
  loading = true;
  try {
    const result = await api.conflicts(query(pageNumber));
    if (mine !== epoch) return;
    if (pageNumber === 0) {
      items.clear();
      order = [];
    }
    page = pageNumber;
    total = result.total ?? 0;
    (result.items || []).forEach((c) => {
      if (!items.has(c.conflictId)) order.push(c.conflictId);
      items.set(c.conflictId, c);
    });
    showError(null);
    renderList();
  } catch (e) {
    if (mine !== epoch) return;
    if (pageNumber === 0) $('#conflicts-table tbody').replaceChildren(emptyRow('The conflicts could not be loaded.'));
    showError(e, 'Loading the conflicts failed');
  } finally {
    if (mine === epoch) {
      loading = false;
      const later = queued;
      queued = [];
      later.forEach(applyToList);
    }
  }
}

function emptyRow(text) {
  return h('tr', { class: 'empty' }, h('td', { colspan: 8, class: 'muted' }, text));
}

function removeEmptyRow() {
  $('#conflicts-table tbody tr.empty')?.remove();
}

function renderList() {
  const body = $('#conflicts-table tbody');
  if (!order.length) {
    body.replaceChildren(emptyRow(filters.status === 'OPEN' && !filters.kind && !filters.channel
      ? 'No conflict is open: the channels agree with our books.' : 'No conflict matches these filters.'));
  } else {
    body.replaceChildren(...order.map((id) => conflictRow(items.get(id))));
  }
  renderCount();
}

function renderCount() {
  $('#conflicts-count').textContent = total > order.length ? `The newest ${order.length} of ${total}.`
    : `${total} in all.`;
  $('#conflicts-more').hidden = order.length >= total;
}

function link(id) {
  const params = new URLSearchParams();
  for (const name of ['status', 'kind', 'channel']) if (filters[name] || name === 'status') params.set(name, filters[name]);
  params.set('id', id);
  return `#/conflicts?${params}`;
}

function subject(c) {
  return c.sku || c.orderId || '';
}

function conflictRow(c) {
  const isSelected = c.conflictId === selected;
  const status = String(c.status || '');
  return h('tr', { dataset: { conflictId: c.conflictId, status, severity: c.severity || 'NORMAL' },
    class: isSelected ? 'selected' : null },
  h('td', {}, h('a', { href: link(c.conflictId), 'aria-current': isSelected ? 'true' : null,
    'aria-label': `Show the ${KINDS[c.kind] || c.kind} of ${subject(c)} detected ${time(c.detectedAt)}` },
  c.detectedAt ? h('time', { datetime: c.detectedAt }, time(c.detectedAt)) : c.conflictId)),
  h('td', {}, KINDS[c.kind] || c.kind),
  h('td', { class: 'mono' }, c.channel || ''),
  h('td', { class: 'mono' }, subject(c)),
  h('td', { class: 'num', dataset: { field: 'ours' } }, sideText(c.ours)),
  h('td', { class: 'num', dataset: { field: 'theirs' } }, sideText(c.theirs)),
  h('td', { dataset: { field: 'severity' } }, severityBadge(c.severity)),
  h('td', { dataset: { field: 'status' } }, statusBadge(c)));
}

function replaceRow(c) {
  const existing = $(`#conflicts-table tr[data-conflict-id="${CSS.escape(c.conflictId)}"]`);
  if (existing) existing.replaceWith(conflictRow(c));
}

function severityBadge(severity) {
  return severity === 'HIGH' ? h('span', { class: 'badge high' }, 'HIGH') : h('span', { class: 'badge' }, 'normal');
}

function statusBadge(c) {
  const status = String(c.status || '');
  return h('span', { class: `badge ${status.toLowerCase()}`, title: c.resolution ? ACTIONS[c.resolution] : null },
    status === 'RESOLVED' && c.resolution ? `resolved · ${ACTIONS[c.resolution] || c.resolution}` : status);
}

/** A side as text: a quantity, a status, or order lines. */
function sideText(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((l) => `${l.quantity}× ${l.sku}`).join(', ') || 'no lines';
  return String(value);
}

function difference(ours, theirs) {
  if (typeof ours !== 'number' || typeof theirs !== 'number') return '—';
  const d = theirs - ours;
  return d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '0';
}

// --- the detail ---------------------------------------------------------------------------------------------

async function loadDetail(mine, id) {
  try {
    const c = await api.conflict(id);
    if (mine !== epoch || id !== selected) return;
    detail = c;
    items.set(id, { ...(items.get(id) || {}), ...c });
    replaceRow(items.get(id));
    renderDetail();
  } catch (e) {
    if (mine !== epoch || id !== selected) return;
    $('#conflict-detail-title').textContent = 'Conflict';
    $('#conflict-meta').replaceChildren(h('dd', { class: 'muted' }, e instanceof ApiError && e.status === 404
      ? 'There is no such conflict.' : 'The conflict could not be loaded.'));
    ['#conflict-sides', '#conflict-history'].forEach((t) => $(`${t} tbody`).replaceChildren());
    $('#conflict-evidence').replaceChildren();
    form().hidden = true;
    $('#resolve-readonly').hidden = true;
    if (!(e instanceof ApiError && e.status === 404)) showError(e, 'Loading the conflict failed');
  }
}

function entry(term, value, field) {
  return [h('dt', {}, term), h('dd', field ? { dataset: { field } } : {}, value)];
}

function renderDetail() {
  const c = detail;
  $('#conflict-detail-title').textContent = `${KINDS[c.kind] || c.kind} · ${subject(c)}`
    + (c.channel ? ` on ${c.channel}` : '');
  $('#conflict-detail').dataset.status = c.status;
  $('#conflict-meta').replaceChildren(
    ...entry('Status', statusBadge(c), 'status'),
    ...entry('Severity', severityBadge(c.severity), 'severity'),
    ...entry('Channel', c.channel || '—'),
    ...(c.sku ? entry('SKU', c.sku) : []),
    ...(c.orderId ? entry('Order', c.orderId) : []),
    ...entry('Detected', c.detectedAt ? h('time', { datetime: c.detectedAt }, time(c.detectedAt)) : '—'),
    ...(c.status === 'RESOLVED' ? [
      ...entry('Resolution', ACTIONS[c.resolution] || c.resolution || '—', 'resolution'),
      ...entry('Resolved by', c.resolvedBy || '—', 'resolvedBy'),
      ...entry('Resolved', c.resolvedAt ? h('time', { datetime: c.resolvedAt }, time(c.resolvedAt)) : '—'),
    ] : []),
    ...entry('Conflict id', h('span', { class: 'mono' }, c.conflictId)));
  $('#conflict-sides tbody').replaceChildren(h('tr', {},
    h('td', { class: 'num', dataset: { side: 'ours' } }, sideText(c.ours)),
    h('td', { class: 'num', dataset: { side: 'theirs' } }, sideText(c.theirs)),
    h('td', { class: 'num' }, difference(c.ours, c.theirs))));
  renderEvidence(c);
  const history = c.history || [];
  $('#conflict-history tbody').replaceChildren(...(history.length ? history.map(historyRow)
    : [h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'No history yet.'))]));
  const open = c.status === 'OPEN';
  form().hidden = !(operator && open);
  $('#resolve-readonly').hidden = operator || !open;
  if (operator && open) prepareForm(c);
}

function renderEvidence(c) {
  const detected = (c.history || []).find((e) => e.what === 'DETECTED');
  const d = detected?.detail || {};
  const evidence = d.evidence && typeof d.evidence === 'object' ? d.evidence : {};
  const rows = Object.entries(evidence).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([key, value]) => entry(EVIDENCE[key] || key,
      key.endsWith('At') ? h('time', { datetime: value }, time(value)) : valueText(value)));
  $('#conflict-evidence').replaceChildren(...(rows.length ? rows
    : [h('dd', { class: 'muted' }, 'No evidence was recorded.')]));
}

function valueText(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.some((v) => v && v.sku) ? sideText(value) : value.join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function historyRow(e) {
  const parts = Object.entries(e.detail || {}).filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([key, value]) => (key === 'ours' || key === 'theirs' ? `${key}: ${sideText(value)}`
      : key === 'evidence' && typeof value === 'object' ? `evidence: ${Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k} ${valueText(v)}`).join(', ')}`
        : `${key}: ${valueText(value)}`));
  return h('tr', { dataset: { what: e.what } },
    h('td', {}, e.at ? h('time', { datetime: e.at }, time(e.at)) : ''),
    h('td', {}, h('span', { class: `badge ${String(e.what).toLowerCase()}` }, e.what)),
    h('td', { class: 'mono' }, e.by || ''),
    h('td', { class: 'wrap' }, parts.join('; ')));
}

// --- resolving (OPERATOR and up) ----------------------------------------------------------------------------

function resetForm() {
  const f = form();
  f.reset();
  f.hidden = true;
  $('#resolve-readonly').hidden = true;
  back(false);
  clearErrors();
}

function prepareForm(c) {
  const quantities = QUANTITY_KINDS.includes(c.kind);
  $('#rs-set-value-choice').hidden = !quantities;
  const choice = form().elements.action;
  if (!quantities && choice.value === 'SET_VALUE') choice.value = 'KEEP_OURS';
  const hints = HINTS[c.kind] || {};
  $('#rs-hint-KEEP_OURS').textContent = hints.KEEP_OURS || '';
  $('#rs-hint-ACCEPT_THEIRS').textContent = hints.ACCEPT_THEIRS || '';
  showValueField();
}

function showValueField() {
  $('#rs-value-field').hidden = form().elements.action.value !== 'SET_VALUE';
}

function clearErrors() {
  for (const name of ['value', 'note']) {
    const node = $(`#rs-${name}-error`);
    node.textContent = '';
    node.hidden = true;
    $(`#rs-${name}`).removeAttribute('aria-invalid');
  }
  $('#rs-error').textContent = '';
  $('#rs-error').hidden = true;
}

function fieldError(name, message) {
  const node = $(`#rs-${name}-error`);
  if (!node || $(`#rs-${name}`).closest('[hidden]')) return false;
  node.textContent = message;
  node.hidden = false;
  $(`#rs-${name}`).setAttribute('aria-invalid', 'true');
  return true;
}

function decision() {
  const f = form().elements;
  const action = f.action.value;
  const body = { action };
  if (action === 'SET_VALUE') body.value = Number(f.value.value.trim());
  body.note = f.note.value.trim();
  return body;
}

/** The first step: checks the form and asks to confirm, saying what will happen. */
function ask() {
  clearErrors();
  const body = decision();
  if (body.action === 'SET_VALUE' && (form().elements.value.value.trim() === '' || !Number.isInteger(body.value)
    || body.value < 0)) {
    fieldError('value', 'Enter a whole number of units, 0 or more.');
    $('#rs-value').focus();
    return;
  }
  if (!body.note) {
    fieldError('note', 'Enter a note saying why: it is kept with the decision.');
    $('#rs-note').focus();
    return;
  }
  const c = detail;
  const what = body.action === 'SET_VALUE' ? `set on-hand of ${c.sku} to ${body.value}`
    : body.action === 'KEEP_OURS' ? `keep ours (${sideText(c.ours)})` : `accept theirs (${sideText(c.theirs)})`;
  $('#rs-confirm-text').textContent = `Resolve the ${KINDS[c.kind] || c.kind} of ${subject(c)}`
    + `${c.channel ? ` on ${c.channel}` : ''}: ${what}? This cannot be undone.`;
  $('#rs-ask').hidden = true;
  $('#rs-confirm').hidden = false;
  $('#rs-confirm-text').focus();
}

function back(refocus) {
  $('#rs-confirm').hidden = true;
  $('#rs-ask').hidden = false;
  $('#rs-confirm-yes').disabled = false;
  $('#rs-confirm-no').disabled = false;
  if (refocus) $('#rs-submit').focus();
}

async function resolve() {
  const mine = epoch;
  const id = selected;
  const body = decision();
  $('#rs-confirm-yes').disabled = true;
  $('#rs-confirm-no').disabled = true;
  note('Resolving…');
  try {
    const c = await api.resolveConflict(id, body);
    if (mine !== epoch || id !== selected) return;
    detail = c;
    items.set(id, { ...(items.get(id) || {}), ...c });
    replaceRow(items.get(id));
    // the stream says so too; without it (or before it) the card is right all the same
    scheduleSummary();
    back(false);
    form().reset();
    renderDetail();
    note(c.status === 'RESOLVED' ? `Conflict resolved: ${ACTIONS[c.resolution] || c.resolution}.`
      : 'The decision is taken; the conflict shows it shortly.');
    $('#conflict-detail').focus();
  } catch (e) {
    if (mine !== epoch || id !== selected) return;
    note('');
    back(false);
    if (e instanceof ApiError && e.status === 401) return;
    const errors = (e instanceof ApiError && Array.isArray(e.problem?.errors)) ? e.problem.errors : [];
    errors.forEach((err) => fieldError(err.field, err.message || 'is invalid'));
    $('#rs-error').textContent = `The conflict was not resolved: ${problemText(e)}`;
    $('#rs-error').hidden = false;
    $('#rs-error').focus();
    // e.g. 409: someone resolved it meanwhile, which the detail then shows (and the form with it goes)
    if (e instanceof ApiError && e.status === 409) {
      showError(e, 'The conflict was not resolved');
      loadDetail(mine, id);
    }
  }
}

// --- the main page's card -----------------------------------------------------------------------------------

function scheduleSummary() {
  clearTimeout(summaryTimer);
  summaryTimer = setTimeout(loadSummary, SUMMARY_DELAY_MS);
}

/** Asks for the open conflicts' count and the oldest's age. */
export async function loadSummary() {
  const mine = summaryEpoch;
  try {
    const s = await api.conflictSummary();
    if (mine !== summaryEpoch) return;
    summary = s;
  } catch (e) {
    if (mine !== summaryEpoch) return;
    summary = { failed: true };
  }
  renderSummary();
  if (!ageTicker) ageTicker = setInterval(renderSummary, AGE_TICK_MS);
}

function age(iso) {
  const ms = Date.now() - Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} days`;
}

function renderSummary() {
  const card = $('#conflicts-card');
  const value = $('#m-conflicts');
  const detailText = $('#m-conflicts-age');
  if (!summary || summary.failed) {
    value.textContent = '–';
    detailText.textContent = summary ? 'could not be loaded' : '';
    card.dataset.open = '0';
    card.dataset.high = '0';
    return;
  }
  const open = Number(summary.open || 0);
  const high = Number(summary.high || 0);
  value.textContent = String(open);
  card.dataset.open = String(open);
  card.dataset.high = String(high);
  detailText.textContent = open
    ? `oldest ${age(summary.oldestOpenAt)}${high ? ` · ${high} high` : ''}` : 'none open';
}
