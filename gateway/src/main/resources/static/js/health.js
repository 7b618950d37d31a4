// The system health card: GET /actuator/health when the page loads or the stream comes back, then
// health.changed from the stream. A bad status is announced to assistive technology as an alert.

import { $ } from './dom.js';

const BAD = new Set(['DOWN', 'OUT_OF_SERVICE']);
/** Server time (ms) of what the card shows: older news (e.g. a late redelivery) does not replace it. */
let shownAt = -Infinity;

/** Asks the gateway; a health.changed newer than the answer wins. */
export async function refresh() {
  let status = 'UNKNOWN';
  let at = Number.NaN;
  let detail;
  try {
    const response = await fetch('/actuator/health', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    at = Date.parse(response.headers.get('Date'));
    // DOWN answers 503, still with the status in the body
    status = (await response.json()).status || 'UNKNOWN';
    detail = `checked ${clock(Date.now())}`;
  } catch {
    detail = 'health not reachable';
  }
  // the Date header has whole seconds: the answer is at least that recent
  if (Number.isFinite(at) && at < Math.floor(shownAt / 1000) * 1000) return;
  show(status, detail, Number.isFinite(at) ? at : -Infinity);
}

/** A health.changed message: {merchantId, status, components, at}. */
export function changed({ status, components, at }) {
  const when = Date.parse(at);
  if (Number.isFinite(when) && when < shownAt) return;
  const bad = Object.entries(components || {}).filter(([, s]) => s !== 'UP').map(([name, s]) => `${name} ${s}`);
  const parts = [bad.length > 3 ? `${bad.slice(0, 3).join(', ')}, …` : bad.join(', '),
    Number.isFinite(when) ? `since ${clock(when)}` : ''].filter(Boolean);
  show(status || 'UNKNOWN', parts.join(' · '), Number.isFinite(when) ? when : shownAt);
}

function show(status, detail, at) {
  shownAt = at;
  const card = $('#health-card');
  const previous = card.dataset.status;
  card.dataset.status = status;
  $('#m-health').textContent = status;
  $('#m-health-detail').textContent = detail;
  const announcement = $('#health-announcement');
  if (BAD.has(status) && previous !== status) {
    announcement.textContent = `System health is ${status}${detail ? ` (${detail})` : ''}.`;
  } else if (!BAD.has(status) && BAD.has(previous)) {
    announcement.textContent = `System health is ${status} again.`;
  }
}

/** Forgets what was shown (a new sign-in). */
export function reset() {
  shownAt = -Infinity;
  $('#health-card').dataset.status = 'UNKNOWN';
  $('#m-health').textContent = '…';
  $('#m-health-detail').textContent = '';
  $('#health-announcement').textContent = '';
}

function clock(ms) {
  return new Date(ms).toLocaleTimeString();
}
