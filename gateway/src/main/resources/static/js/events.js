// The event browser: searches the merchant's event store and pages with the server's cursor.

import { api, ApiError } from './api.js';
import { $, h, time } from './dom.js';

let query = null;
let next = null;

function iso(local) {
  if (!local) return null;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function showError(error) {
  const node = $('#events-error');
  if (!error) { node.hidden = true; return; }
  let text = error.message;
  if (error instanceof ApiError) {
    const p = error.problem || {};
    text = error.status === 403 ? 'The event browser needs the ADMIN role.' : (p.detail || p.title || text);
  }
  node.textContent = text;
  node.hidden = false;
}

/** Fills the form from the route's parameters and searches when any is given. */
export function open(params) {
  const form = $('#events-form');
  ['aggregateId', 'type'].forEach((name) => { form.elements[name].value = params.get(name) || ''; });
  if (params.get('aggregateId') || params.get('type')) search();
}

export function init() {
  $('#events-form').addEventListener('submit', (e) => { e.preventDefault(); search(); });
  $('#events-more').addEventListener('click', () => page(false));
}

function search() {
  const form = $('#events-form').elements;
  const params = new URLSearchParams();
  const set = (key, value) => { if (value) params.set(key, value); };
  set('aggregateId', form.aggregateId.value.trim());
  set('type', form.type.value.trim());
  set('from', iso(form.from.value));
  set('to', iso(form.to.value));
  params.set('limit', form.limit.value);
  query = params;
  next = null;
  $('#event-detail').hidden = true;
  page(true);
}

async function page(first) {
  const params = new URLSearchParams(query);
  if (!first && next) params.set('after', next);
  const more = $('#events-more');
  more.disabled = true;
  try {
    const result = await api.events(params.toString());
    showError(null);
    const body = $('#events-table tbody');
    const rows = (result.items || []).map(eventRow);
    if (first) body.replaceChildren(...rows); else body.append(...rows);
    if (first && !rows.length) body.replaceChildren(h('tr', {}, h('td', { colspan: 6, class: 'muted' }, 'No events found.')));
    next = result.next || null;
    more.hidden = !next;
  } catch (e) {
    showError(e);
  } finally {
    more.disabled = false;
  }
}

function eventRow(event) {
  return h('tr', { dataset: { position: event.position, type: event.type } },
    h('td', { class: 'num' }, event.position),
    h('td', {}, time(event.timestamp)),
    h('td', {}, event.type),
    h('td', { class: 'mono' }, `${event.aggregateType || ''} ${event.aggregateId || ''}`.trim()),
    h('td', { class: 'num' }, event.sequence ?? ''),
    h('td', {}, h('button', { type: 'button', 'aria-label': `Open event ${event.position}`,
      onclick: () => detail(event) }, 'Open')));
}

function detail(event) {
  const metadata = event.metadata || {};
  const pairs = [['Type', event.type], ['Aggregate', `${event.aggregateType || ''} ${event.aggregateId || ''}`],
    ['Sequence', event.sequence], ['Time', time(event.timestamp)], ['Correlation id', metadata.correlationId || '—'],
    ['User', metadata.userId || '—']];
  $('#event-meta').replaceChildren(...pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v ?? '')]));
  $('#event-detail-title').textContent = `Event ${event.position}`;
  $('#event-payload').textContent = JSON.stringify(event.payload, null, 2);
  $('#event-metadata').textContent = JSON.stringify(metadata, null, 2);
  const section = $('#event-detail');
  section.hidden = false;
  section.focus();
}
