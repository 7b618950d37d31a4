// A SKU's units sold per day and its forecast band as an SVG chart (no chart library needed).

const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Draws the past days' sales as bars and, after them, the forecast's expected units as a line inside its
 * 80% band. {@code sales} and {@code forecast} are the insights' lists (forecast may be null).
 */
export function drawForecast(container, sales, forecast) {
  const days = [...sales.map((d) => ({ date: d.date, units: d.units })),
    ...(forecast || []).filter((f) => !sales.some((d) => d.date === f.date))
      .map((f) => ({ date: f.date, ahead: true }))];
  const byDate = new Map((forecast || []).map((f) => [f.date, f]));
  const max = Math.max(1, ...sales.map((d) => d.units), ...(forecast || []).map((f) => f.high));
  const width = 700; const height = 200; const pad = 28; const bottom = 20;
  const step = (width - pad) / Math.max(1, days.length);
  const y = (v) => height - bottom - ((height - bottom - 16) * v) / max;
  const x = (i) => pad + i * step + step / 2;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart-svg' });
  svg.appendChild(el('line', { x1: pad, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }));
  svg.appendChild(el('text', { x: 0, y: 12, class: 'tick' }, String(Math.round(max))));
  days.forEach((d, i) => {
    if (d.ahead || !d.units) return;
    const bar = el('rect', { x: pad + i * step + 1, y: y(d.units), width: Math.max(1, step - 2),
      height: height - bottom - y(d.units), class: 'bar', 'data-date': d.date });
    bar.appendChild(el('title', {}, `${d.date}: ${d.units} sold`));
    svg.appendChild(bar);
  });
  const ahead = days.map((d, i) => ({ i, f: byDate.get(d.date) })).filter((p) => p.f);
  if (ahead.length) {
    const upper = ahead.map((p) => `${x(p.i)},${y(p.f.high)}`);
    const lower = ahead.slice().reverse().map((p) => `${x(p.i)},${y(p.f.low)}`);
    const band = el('polygon', { points: [...upper, ...lower].join(' '), class: 'band' });
    band.appendChild(el('title', {}, '80% interval of the forecast'));
    svg.appendChild(band);
    svg.appendChild(el('polyline', { points: ahead.map((p) => `${x(p.i)},${y(p.f.units)}`).join(' '),
      class: 'forecast-line' }));
    ahead.forEach((p) => {
      const dot = el('circle', { cx: x(p.i), cy: y(p.f.units), r: 3, class: 'forecast-point', 'data-date': p.f.date });
      dot.appendChild(el('title', {}, `${p.f.date}: ${p.f.units} expected (${p.f.low}–${p.f.high})`));
      svg.appendChild(dot);
    });
  }
  if (days.length) {
    svg.appendChild(el('text', { x: pad, y: height - 4, class: 'tick' }, days[0].date));
    svg.appendChild(el('text', { x: width - 70, y: height - 4, class: 'tick' }, days[days.length - 1].date));
  }
  container.replaceChildren(svg);
  const sold = sales.reduce((a, d) => a + d.units, 0);
  const expected = (forecast || []).reduce((a, f) => a + f.units, 0);
  container.setAttribute('aria-label', `${sold} units sold over the last ${sales.length} days`
    + (forecast ? `; ${Math.round(expected)} expected over the next ${forecast.length}` : '; no forecast yet'));
}
