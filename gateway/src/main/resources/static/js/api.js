// Calls to the Syncline REST API with the session's bearer token; errors carry the problem document.

const TOKEN_KEY = 'syncline.token';
const USER_KEY = 'syncline.user';

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Request failed (${status})`);
    this.status = status;
    this.problem = problem;
  }
}

export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  get user() { return sessionStorage.getItem(USER_KEY); },
  save(token, user) { sessionStorage.setItem(TOKEN_KEY, token); sessionStorage.setItem(USER_KEY, user); },
  clear() { sessionStorage.removeItem(TOKEN_KEY); sessionStorage.removeItem(USER_KEY); },
};

let onUnauthorized = () => {};
export function whenUnauthorized(handler) { onUnauthorized = handler; }

export function newKey() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export async function request(method, path, body, headers = {}) {
  const all = { Accept: 'application/json', ...headers };
  if (session.token) all.Authorization = `Bearer ${session.token}`;
  if (body !== undefined) all['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: all, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  if (text) {
    try { json = JSON.parse(text); } catch { json = { detail: text }; }
  }
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/auth/token') onUnauthorized();
    throw new ApiError(response.status, json);
  }
  return json;
}

export const api = {
  login: (username, password) => request('POST', '/api/auth/token', { username, password }),
  orders: (params = '') => request('GET', `/api/orders${params}`),
  inventory: (params = '') => request('GET', `/api/inventory${params}`),
  adjust: (sku, delta, reason) =>
    request('POST', `/api/inventory/${encodeURIComponent(sku)}/adjustments`, { delta, reason }),
  cancel: (orderId) => request('POST', `/api/orders/${encodeURIComponent(orderId)}/cancellation`, {
    reason: 'Cancelled from the dashboard' }),
  ship: (orderId) => request('POST', `/api/orders/${encodeURIComponent(orderId)}/shipment`),
  events: (query) => request('GET', `/api/events?${query}`),
  channels: () => request('GET', '/api/channels'),
  putChannel: (channelId, body) => request('PUT', `/api/channels/${encodeURIComponent(channelId)}`, body),
  deliveries: (channelId, query) =>
    request('GET', `/api/channels/${encodeURIComponent(channelId)}/deliveries?${query}`),
  retryDelivery: (channelId, deliveryId) => request('POST',
    `/api/channels/${encodeURIComponent(channelId)}/deliveries/${encodeURIComponent(deliveryId)}/retry`),
  listings: (channelId) => request('GET', `/api/channels/${encodeURIComponent(channelId)}/listings`),
  channelStatus: (channelId) => request('GET', `/api/channels/${encodeURIComponent(channelId)}/status`),
  conflicts: (query = '') => request('GET', `/api/conflicts${query}`),
  conflict: (conflictId) => request('GET', `/api/conflicts/${encodeURIComponent(conflictId)}`),
  resolveConflict: (conflictId, body) =>
    request('POST', `/api/conflicts/${encodeURIComponent(conflictId)}/resolution`, body),
  conflictSummary: () => request('GET', '/api/conflicts/summary'),
  insights: (sku) => request('GET', `/api/inventory/${encodeURIComponent(sku)}/insights`),
  covers: (skus) => request('GET', `/api/insights/cover?skus=${skus.map(encodeURIComponent).join(',')}`),
  history: (sku, query) => request('GET', `/api/inventory/${encodeURIComponent(sku)}/history?${query}`),
  anomalies: (query) => request('GET', `/api/insights/anomalies?${query}`),
};

/** The roles the token carries (display only: the server decides what each may do). */
export function roles(token) {
  const value = claims(token).roles;
  return Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
}

/** The JWT's claims (display only: the server checks the token). */
export function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')));
  } catch {
    return {};
  }
}
