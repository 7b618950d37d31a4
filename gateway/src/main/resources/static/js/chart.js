// Orders per minute over the last hour as an SVG bar chart (no chart library needed).

const SVG = 'http://www.w3.org/2000/svg';
const MINUTES = 60;

function el(name, attrs) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
}

/** Counts of the given times (ms) per minute, oldest minute first, the current minute last. */
export function buckets(times, now = Date.now()) {
  const counts = new Array(MINUTES).fill(0);
  const current = Math.floor(now / 60000);
  for (const t of times) {
    const age = current - Math.floor(t / 60000);
    if (age >= 0 && age < MINUTES) counts[MINUTES - 1 - age] += 1;
  }
  return counts;
}

export function drawChart(container, times) {
  const counts = buckets(times);
  const max = Math.max(1, ...counts);
  const width = 600; const height = 160; const pad = 20;
  const barWidth = (width - pad) / MINUTES;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg' });
  svg.appendChild(el('line', { x1: pad, y1: height - pad, x2: width, y2: height - pad, class: 'axis' }));
  const top = el('text', { x: 0, y: 12, class: 'tick' });
  top.textContent = String(max);
  svg.appendChild(top);
  counts.forEach((count, i) => {
    if (!count) return;
    const h = ((height - pad - 16) * count) / max;
    const bar = el('rect', { x: pad + i * barWidth + 1, y: height - pad - h, width: Math.max(1, barWidth - 2),
      height: h, class: 'bar' });
    const title = el('title', {});
    title.textContent = `${MINUTES - 1 - i} min ago: ${count}`;
    bar.appendChild(title);
    svg.appendChild(bar);
  });
  [['-60m', pad], ['now', width - 24]].forEach(([label, x]) => {
    const t = el('text', { x, y: height - 4, class: 'tick' });
    t.textContent = label;
    svg.appendChild(t);
  });
  container.replaceChildren(svg);
  container.setAttribute('aria-label', `Orders per minute over the last hour; ${counts[MINUTES - 1]} this minute, `
    + `${counts.reduce((a, b) => a + b, 0)} in the hour`);
}
