// The dashboard's entry point: login, routing between views, and the live stream.

import { api, claims, session, whenUnauthorized } from './api.js';
import * as channels from './channels.js';
import * as conflicts from './conflicts.js';
import * as dashboard from './dashboard.js';
import * as events from './events.js';
import * as health from './health.js';
import * as insights from './insights.js';
import { $, toast } from './dom.js';
import { StreamClient } from './stream.js';

const SESSION_ENDED = 'Your session has expired or is no longer valid. Please sign in again.';

let stream = null;

function setStreamState(state, transport) {
  for (const node of [$('#stream-state'), $('#m-stream')]) {
    node.textContent = state;
    node.dataset.state = state;
    if (transport) node.dataset.transport = transport;
  }
}

function showLogin(message) {
  $('#app-view').hidden = true;
  $('#login-view').hidden = false;
  const error = $('#login-error');
  error.textContent = message || '';
  error.hidden = !message;
  $('#login-username').focus();
}

function logout(message) {
  stream?.stop();
  stream = null;
  dashboard.stop();
  channels.stop();
  conflicts.stop();
  session.clear();
  setStreamState('offline');
  showLogin(message);
}

async function start() {
  const claim = claims(session.token);
  if (claim.exp && claim.exp * 1000 <= Date.now()) {
    logout(SESSION_ENDED);
    return;
  }
  $('#login-view').hidden = true;
  $('#app-view').hidden = false;
  $('#user-name').textContent = `${session.user} · ${claim.merchant || ''}`;
  route();
  let wasLive = false;
  stream = new StreamClient({
    token: () => session.token,
    topics: ['orders', 'inventory', 'channels', 'conflicts', 'health'],
    onMessage: (message) => {
      if (message.type === 'channel.status') return channels.applyStatus(message.data);
      if (message.type.startsWith('conflict.')) return conflicts.apply(message);
      return dashboard.apply(message);
    },
    onState: (state, transport) => {
      setStreamState(state, transport);
      // health.changed is live only: what changed while the stream was away is asked for
      if (state === 'live' && wasLive) health.refresh();
      if (state === 'live') wasLive = true;
    },
    onUnauthorized: () => logout(SESSION_ENDED),
    onExpired: reload,
  });
  // the stream first: what arrives while the snapshot loads is applied on top of it
  stream.start();
  await reload();
}

/** (Re)loads the dashboard's snapshot; a refused session has sent the user to the login form already. */
async function reload(attempt = 0) {
  const current = stream;
  // the open-conflicts card and the conflicts page keep their own figures (and say when they cannot load)
  if (attempt === 0) conflicts.reload();
  try {
    await dashboard.load();
  } catch (e) {
    if (e.status === 401) return;
    toast(`Loading the dashboard failed: ${e.message}`);
    // until a snapshot lands the stream's messages wait for it: try again, backing off up to 30 s
    const delay = Math.min(30_000, 1000 * 2 ** attempt);
    setTimeout(() => { if (stream && stream === current) reload(attempt + 1); }, delay);
  }
}

const VIEWS = { '/events': 'events', '/channels': 'channels', '/conflicts': 'conflicts', '/sku': 'sku',
  '/insights': 'insights' };

function route() {
  const [path, queryString] = location.hash.replace(/^#/, '').split('?');
  const view = VIEWS[path] || 'dashboard';
  for (const name of ['dashboard', 'events', 'channels', 'conflicts', 'sku', 'insights']) {
    $(`#${name}-view`).hidden = name !== view;
    const link = $(`#nav-${name}`);
    if (!link) continue;
    if (name === view) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const params = new URLSearchParams(queryString || '');
  if (view === 'events') events.open(params);
  if (view === 'channels') channels.open(params); else channels.leave();
  if (view === 'conflicts') conflicts.open(params); else conflicts.leave();
  if (view === 'sku') insights.openSku(params); else insights.leaveSku();
  if (view === 'insights') insights.openInsights();
}

$('#login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = $('#login-username').value.trim();
  const password = $('#login-password').value;
  try {
    const token = await api.login(username, password);
    session.save(token.accessToken, username);
    $('#login-password').value = '';
    start();
  } catch (error) {
    showLogin(error.status === 401 ? 'Wrong username or password.' : error.message);
  }
});
$('#logout').addEventListener('click', () => logout());
window.addEventListener('hashchange', () => { if (session.token) route(); });
whenUnauthorized(() => logout(SESSION_ENDED));
events.init();
channels.init();
conflicts.init();
insights.init();

if (session.token) start(); else showLogin();
