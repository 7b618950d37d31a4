// A resilient client of the live stream: reconnects with exponential backoff and jitter and resumes
// after the last message id it saw. It prefers a single-use ticket with EventSource (no token in the URL)
// and falls back to fetch streaming with the bearer token in a header where tickets are not offered.

export const STREAM_EVENTS = ['order.placed', 'order.confirmed', 'order.rejected', 'order.cancelled',
  'order.shipped', 'stock.changed', 'stock.low', 'conflict.detected', 'conflict.resolved', 'health.changed',
  'stream.reset'];

/** live | reconnecting | offline */
export class StreamClient {
  constructor({ token, topics = 'orders,inventory', onMessage, onState, onUnauthorized, baseDelay = 500, maxDelay = 30000,
    offlineAfter = 6 }) {
    this.token = token;
    this.topics = topics;
    this.onMessage = onMessage;
    this.onState = onState;
    this.onUnauthorized = onUnauthorized;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.offlineAfter = offlineAfter;
    this.lastEventId = null;
    this.failures = 0;
    this.serverRetry = null;
    this.stopped = true;
    this.ticketsUnavailable = false;
    this.state = 'offline';
    this.transport = null;
  }

  start() {
    this.stopped = false;
    this.connect();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    this.closeTransport();
    this.setState('offline');
  }

  setState(state) {
    if (this.state !== state) {
      this.state = state;
      this.onState?.(state, this.transport);
    }
  }

  closeTransport() {
    if (this.source) { this.source.close(); this.source = null; }
    if (this.abort) { this.abort.abort(); this.abort = null; }
  }

  /** Full jitter over an exponentially growing window, never shorter than the server's retry hint. */
  nextDelay() {
    const window = Math.min(this.maxDelay, this.baseDelay * 2 ** Math.min(this.failures, 16));
    const floor = Math.min(this.serverRetry ?? 0, window);
    return floor + Math.random() * (window - floor);
  }

  scheduleReconnect() {
    if (this.stopped) return;
    this.closeTransport();
    this.failures += 1;
    this.setState(this.failures >= this.offlineAfter || navigator.onLine === false ? 'offline' : 'reconnecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), this.nextDelay());
  }

  connected(transport) {
    this.failures = 0;
    this.transport = transport;
    this.setState('live');
  }

  deliver(id, type, data) {
    if (id) this.lastEventId = id;
    let parsed = data;
    try { parsed = JSON.parse(data); } catch { /* not JSON: pass the text */ }
    this.onMessage?.({ id, type: type || 'message', data: parsed });
  }

  async connect() {
    if (this.stopped) return;
    if (this.ticketsUnavailable) {
      this.connectFetch();
      return;
    }
    let response;
    try {
      response = await fetch('/api/stream/tickets', {
        method: 'POST', headers: { Authorization: `Bearer ${this.token}`, Accept: 'application/json' } });
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return;
    if (response.status === 201) {
      let ticket;
      try { ticket = (await response.json()).ticket; } catch { ticket = null; }
      if (ticket) this.connectEventSource(ticket); else this.scheduleReconnect();
    } else if (response.status === 401) {
      this.stop();
      this.onUnauthorized?.();
    } else if (response.status === 404 || response.status === 405 || response.status === 501) {
      // no ticket service on this gateway: the header-authenticated fetch stream from now on
      this.ticketsUnavailable = true;
      this.connectFetch();
    } else {
      this.scheduleReconnect();
    }
  }

  url(extra) {
    const params = new URLSearchParams({ topics: this.topics, ...extra });
    if (this.lastEventId) params.set('lastEventId', this.lastEventId);
    return `/api/stream?${params}`;
  }

  connectEventSource(ticket) {
    const source = new EventSource(this.url({ ticket }));
    this.source = source;
    source.onopen = () => this.connected('eventsource');
    const handler = (e) => this.deliver(e.lastEventId, e.type, e.data);
    STREAM_EVENTS.forEach((type) => source.addEventListener(type, handler));
    source.onmessage = handler;
    source.onerror = () => {
      if (this.source !== source) return;
      // EventSource would retry with the spent ticket: take over, with a fresh ticket each time
      this.scheduleReconnect();
    };
  }

  async connectFetch() {
    const abort = new AbortController();
    this.abort = abort;
    const headers = { Authorization: `Bearer ${this.token}`, Accept: 'text/event-stream' };
    if (this.lastEventId) headers['Last-Event-ID'] = this.lastEventId;
    try {
      const response = await fetch(this.url({}), { headers, signal: abort.signal, cache: 'no-store' });
      if (response.status === 401) { this.stop(); this.onUnauthorized?.(); return; }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      this.connected('fetch');
      await this.read(response.body.getReader());
    } catch (e) {
      if (abort.signal.aborted && this.stopped) return;
    }
    if (this.abort === abort) this.scheduleReconnect();
  }

  /** Parses the text/event-stream format: fields until a blank line make one event. */
  async read(reader) {
    const decoder = new TextDecoder();
    let buffer = '';
    let id = null; let type = null; let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) this.deliver(id, type, data.join('\n'));
          else if (id) this.lastEventId = id;
          id = null; type = null; data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let val = colon < 0 ? '' : line.slice(colon + 1);
        if (val.startsWith(' ')) val = val.slice(1);
        if (field === 'id') id = val;
        else if (field === 'event') type = val;
        else if (field === 'data') data.push(val);
        else if (field === 'retry' && /^\d+$/.test(val)) this.serverRetry = Number(val);
      }
    }
  }
}
