// The text/event-stream format read from a fetch body: fields until a blank line make one event.

/**
 * Reads events until the body ends. onEvent(id, type, data) gets each event with data (id null when the
 * event has none); onId(id) an id without data; onRetry(ms) each retry hint.
 */
export async function readEvents(reader, { onEvent, onId, onRetry }) {
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
        if (data.length) onEvent(id, type || 'message', data.join('\n'));
        else if (id !== null) onId?.(id);
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
      else if (field === 'retry' && /^\d+$/.test(val)) onRetry?.(Number(val));
    }
  }
}
