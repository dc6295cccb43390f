// A dependency-free SVG bar chart of the headline numbers: CPU µs per request and added p99 at c=32.

const escape = (text) => String(text).replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Two horizontal bar groups, one bar per scenario: CPU µs/request and p99 latency (ms) at the given
 * load. Returns the SVG text; scenarios without a value are left out of that group.
 */
export function renderChart(rows, load) {
  const at = rows.filter((r) => r.load === load && r.kind === 'autocannon');
  const groups = [
    {
      title: `CPU µs per request (${load}, lower is better)`,
      value: (r) => r.proxyCpuUsPerRequest,
      unit: 'µs',
    },
    { title: `p99 latency ms (${load}, lower is better)`, value: (r) => r.p99, unit: 'ms' },
  ];
  const barHeight = 22;
  const labelWidth = 190;
  const plotWidth = 460;
  const parts = [];
  let y = 10;
  for (const group of groups) {
    const bars = at.filter((r) => typeof group.value(r) === 'number');
    const max = Math.max(...bars.map(group.value), 1);
    parts.push(`<text x="10" y="${y + 14}" font-weight="bold">${escape(group.title)}</text>`);
    y += 24;
    for (const row of bars) {
      const value = group.value(row);
      const width = Math.max(1, (value / max) * plotWidth);
      const fill = row.scenario.startsWith('arbiter')
        ? '#2563eb'
        : row.scenario === 'portkey'
          ? '#dc2626'
          : '#6b7280';
      parts.push(
        `<text x="10" y="${y + 15}">${escape(row.scenario)}</text>`,
        `<rect x="${labelWidth}" y="${y + 2}" width="${width.toFixed(1)}" height="${barHeight - 6}" fill="${fill}"/>`,
        `<text x="${labelWidth + width + 6}" y="${y + 15}">${value.toFixed(value < 10 ? 2 : 0)} ${group.unit}</text>`,
      );
      y += barHeight;
    }
    y += 12;
  }
  const width = labelWidth + plotWidth + 110;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
