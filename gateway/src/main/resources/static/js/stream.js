// A resilient client of the live stream. WebSocket with a single-use ticket is the primary transport (a fresh
// ticket for every connection, so no token ever goes into a URL); where tickets or WebSocket are not available
// it falls back to Server-Sent Events read with fetch, the bearer token in a header. It reconnects with
// exponential backoff and full jitter, resumes after the last message id it saw, starts over when the server
// no longer has that id, and acknowledges the critical messages once the page has rendered them.

import { readEvents } from './sse.js';

/** Messages the server sends again on WebSocket until they are acknowledged. */
const CRITICAL = new Set(['stock.low', 'stock.stockout-predicted', 'health.changed']);
/** WebSocket close code and SSE status for a resume id older than the retention window. */
const RESUME_EXPIRED_CLOSE = 4410;
const RESUME_EXPIRED_STATUS = 410;
/** Acknowledged ids remembered, so that a redelivery is acknowledged again rather than shown twice. */
const REMEMBERED_ACKS = 500;
/** A connection that stays up this long, or brings a message, ends the backoff. */
const STABLE_AFTER = 5000;
/** WebSocket connections in a row that never open (while tickets work) before fetch takes over. */
const WEBSOCKET_ATTEMPTS = 3;

/**
 * States: live | reconnecting | offline; transports: websocket | fetch. onMessage({id, type, data}) may return
 * a promise that settles once the message is rendered; only then is a critical message acknowledged.
 */
export class StreamClient {
  constructor({ token, topics = ['orders', 'inventory', 'health'], onMessage, onState, onUnauthorized, onExpired,
    baseDelay = 500, maxDelay = 30000, offlineAfter = 6 }) {
    this.token = typeof token === 'function' ? token : () => token;
    this.topics = topics;
    this.onMessage = onMessage;
    this.onState = onState;
    this.onUnauthorized = onUnauthorized;
    this.onExpired = onExpired;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.offlineAfter = offlineAfter;
    /** The newest non-negative id seen: where a reconnect resumes. */
    this.lastEventId = null;
    this.failures = 0;
    /** The SSE retry: hint, a floor for every delay. */
    this.serverRetry = null;
    /** A refusal's Retry-After, the floor for the next delay only. */
    this.retryAfter = null;
    this.stopped = true;
    this.ticketsUnavailable = false;
    this.webSocketUnavailable = typeof WebSocket !== 'function';
    this.webSocketFailures = 0;
    this.acked = new Set();
    this.state = 'offline';
    this.transport = null;
    /** Whether a connection was live before: a later one without a resume point may have missed messages. */
    this.wasLive = false;
    /** Bumped whenever the transport is replaced, so that callbacks of an old one do nothing. */
    this.generation = 0;
    this.onOnline = () => this.online();
    this.onOffline = () => this.offline();
  }

  start() {
    this.stopped = false;
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.connect();
  }

  stop() {
    this.stopped = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.timer);
    this.closeTransport();
    this.setState('offline');
  }

  setState(state, transport = this.transport) {
    if (this.state !== state || this.transport !== transport) {
      this.state = state;
      this.transport = transport;
      this.onState?.(state, transport);
    }
  }

  closeTransport() {
    this.generation += 1;
    clearTimeout(this.stableTimer);
    const { socket, abort } = this;
    this.socket = null;
    this.abort = null;
    socket?.close(1000);
    abort?.abort();
  }

  headers(accept) {
    return { Authorization: `Bearer ${this.token()}`, Accept: accept };
  }

  /** Full jitter over an exponentially growing window, on top of the server's retry hint. */
  nextDelay() {
    const span = Math.min(this.maxDelay, this.baseDelay * 2 ** Math.min(this.failures, 16));
    const hint = Math.max(this.serverRetry ?? 0, this.retryAfter ?? 0);
    this.retryAfter = null;
    return hint + Math.random() * span;
  }

  scheduleReconnect() {
    if (this.stopped) return;
    this.closeTransport();
    this.failures += 1;
    this.setState(this.failures >= this.offlineAfter || navigator.onLine === false ? 'offline' : 'reconnecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), this.nextDelay());
  }

  /** The browser lost the network: nothing to try until it is back. */
  offline() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.closeTransport();
    this.setState('offline');
  }

  online() {
    if (this.stopped) return;
    this.failures = 0;
    this.setState('reconnecting');
    this.connect();
  }

  connected(transport) {
    // a connection lost before it brought a stored message leaves nothing to resume from: what was sent
    // meanwhile is asked for again, as after an expired resume point
    const gap = this.wasLive && this.lastEventId === null;
    this.wasLive = true;
    this.setState('live', transport);
    if (this.reloadWhenConnected || gap) {
      // the subscription is asked for before the snapshot: what happens in between is sent, not lost
      this.reloadWhenConnected = false;
      this.onExpired?.();
    }
    clearTimeout(this.stableTimer);
    this.stableTimer = setTimeout(() => { this.failures = 0; }, STABLE_AFTER);
  }

  unauthorized() {
    this.stop();
    this.onUnauthorized?.();
  }

  /** The server no longer has what followed the last id: the page reloads its state, the stream starts afresh. */
  expired() {
    if (this.lastEventId === null) {
      // nothing to forget: never loop on a server that keeps refusing
      this.scheduleReconnect();
      return;
    }
    this.lastEventId = null;
    this.reloadWhenConnected = true;
    this.connect();
  }

  /** A refused connection: backoff, no sooner than its Retry-After. */
  refused(response) {
    const seconds = Number.parseInt(response.headers.get('Retry-After'), 10);
    if (Number.isFinite(seconds) && seconds >= 0) this.retryAfter = seconds * 1000;
    response.body?.cancel().catch(() => {});
    this.scheduleReconnect();
  }

  /** Health messages have negative ids (acknowledgement only) and redeliveries old ones: neither moves it back. */
  resumeFrom(id) {
    if (id !== null && id >= 0) this.lastEventId = Math.max(this.lastEventId ?? -1, id);
  }

  receive(id, type, data, acknowledge) {
    this.failures = 0;
    this.resumeFrom(id);
    const critical = acknowledge && id !== null && CRITICAL.has(type);
    if (critical && this.acked.has(id)) {
      // sent again: the page shows it already, the server missed the acknowledgement
      this.ack(id);
      return;
    }
    const rendered = this.onMessage?.({ id, type, data });
    if (critical) {
      Promise.resolve(rendered).then(() => {
        this.acked.add(id);
        if (this.acked.size > REMEMBERED_ACKS) this.acked.delete(this.acked.values().next().value);
        this.ack(id);
      }, () => {});
    }
  }

  /** On whichever socket is open now: acknowledgements count per user, not per connection. */
  ack(id) {
    const { socket } = this;
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ ack: id }));
  }

  async connect() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.closeTransport();
    if (navigator.onLine === false) {
      this.setState('offline');
      return;
    }
    const { generation } = this;
    if (this.ticketsUnavailable || this.webSocketUnavailable) {
      this.connectFetch(generation);
      return;
    }
    let response;
    try {
      response = await fetch('/api/stream/tickets', { method: 'POST', headers: this.headers('application/json'),
        cache: 'no-store' });
    } catch {
      if (generation === this.generation) this.scheduleReconnect();
      return;
    }
    if (generation !== this.generation || this.stopped) return;
    if (response.status === 201) {
      const ticket = await response.json().then((body) => body.ticket, () => null);
      if (generation !== this.generation) return;
      if (ticket) this.connectWebSocket(ticket, generation); else this.scheduleReconnect();
    } else if (response.status === 401) {
      this.unauthorized();
    } else if (response.status === 404 || response.status === 405 || response.status === 501) {
      // no ticket service on this gateway: the header-authenticated fetch stream from now on
      this.ticketsUnavailable = true;
      this.connectFetch(generation);
    } else {
      this.refused(response);
    }
  }

  connectWebSocket(ticket, generation) {
    const url = new URL('/ws', location.href);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('ticket', ticket);
    let socket;
    try {
      socket = new WebSocket(url);
    } catch {
      this.webSocketUnavailable = true;
      this.connectFetch(generation);
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      opened = true;
      this.webSocketFailures = 0;
      const hello = { subscribe: this.topics };
      if (this.lastEventId !== null) hello.resumeAfter = this.lastEventId;
      socket.send(JSON.stringify(hello));
      this.connected('websocket');
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.frame(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (event.code === RESUME_EXPIRED_CLOSE) {
        this.expired();
        return;
      }
      // a proxy that refuses WebSocket: tickets work, yet no socket ever opens
      if (!opened && ++this.webSocketFailures >= WEBSOCKET_ATTEMPTS) this.webSocketUnavailable = true;
      this.scheduleReconnect();
    };
  }

  /** One WebSocket frame: {"id","type","data"}, or {"type":"error"} about something this client sent. */
  frame(text) {
    let frame;
    try { frame = JSON.parse(text); } catch { return; }
    if (!frame || typeof frame.type !== 'string') return;
    if (frame.type === 'error') {
      console.warn('The stream refused a request:', frame.data?.detail);
      return;
    }
    this.receive(Number.isInteger(frame.id) ? frame.id : null, frame.type, frame.data, true);
  }

  async connectFetch(generation) {
    if (generation !== this.generation) return;
    const abort = new AbortController();
    this.abort = abort;
    const headers = this.headers('text/event-stream');
    if (this.lastEventId !== null) headers['Last-Event-ID'] = String(this.lastEventId);
    const params = new URLSearchParams({ topics: this.topics.join(',') });
    let response;
    try {
      response = await fetch(`/api/stream?${params}`, { headers, signal: abort.signal, cache: 'no-store' });
    } catch {
      if (this.abort === abort) this.scheduleReconnect();
      return;
    }
    if (this.abort !== abort) return;
    if (response.status === 401) {
      this.unauthorized();
    } else if (response.status === RESUME_EXPIRED_STATUS) {
      response.body?.cancel().catch(() => {});
      this.expired();
    } else if (!response.ok || !response.body) {
      this.refused(response);
    } else {
      this.connected('fetch');
      try {
        await readEvents(response.body.getReader(), {
          onEvent: (id, type, data) => {
            if (this.abort === abort) this.receive(sseId(id), type, json(data), false);
          },
          onId: (id) => {
            if (this.abort === abort) this.resumeFrom(sseId(id));
          },
          onRetry: (ms) => { this.serverRetry = ms; },
        });
      } catch {
        // cut: reconnect below
      }
      if (this.abort === abort) this.scheduleReconnect();
    }
  }
}

function sseId(text) {
  return /^\d+$/.test(text ?? '') ? Number(text) : null;
}

function json(text) {
  try { return JSON.parse(text); } catch { return text; }
}
