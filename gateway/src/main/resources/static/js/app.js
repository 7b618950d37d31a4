// The dashboard's entry point: login, routing between views, and the live stream.

import { api, claims, session, whenUnauthorized } from './api.js';
import * as dashboard from './dashboard.js';
import * as events from './events.js';
import { $, toast } from './dom.js';
import { StreamClient } from './stream.js';

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
  session.clear();
  setStreamState('offline');
  showLogin(message);
}

async function start() {
  const token = session.token;
  const claim = claims(token);
  if (claim.exp && claim.exp * 1000 <= Date.now()) {
    logout('Your session has expired; please sign in again.');
    return;
  }
  $('#login-view').hidden = true;
  $('#app-view').hidden = false;
  $('#user-name').textContent = `${session.user} · ${claim.merchant || ''}`;
  route();
  stream = new StreamClient({
    token,
    onMessage: dashboard.apply,
    onState: setStreamState,
    onUnauthorized: () => logout('Your session has expired; please sign in again.'),
  });
  // the stream first: what arrives while the snapshot loads is applied on top of it
  stream.start();
  try {
    await dashboard.load();
  } catch (e) {
    toast(`Loading the dashboard failed: ${e.message}`);
  }
}

function route() {
  const [path, queryString] = location.hash.replace(/^#/, '').split('?');
  const onEvents = path === '/events';
  $('#dashboard-view').hidden = onEvents;
  $('#events-view').hidden = !onEvents;
  for (const [link, current] of [[$('#nav-dashboard'), !onEvents], [$('#nav-events'), onEvents]]) {
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  if (onEvents) events.open(new URLSearchParams(queryString || ''));
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
whenUnauthorized(() => logout('Your session has expired; please sign in again.'));
events.init();

if (session.token) start(); else showLogin();
