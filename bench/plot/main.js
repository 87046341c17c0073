// The Plot page's chart (see index.html): the explorer's first view, the technical-workforce lens
// (non-academic staff in associate professional occupations, each partner, every year, as lines),
// drawn by Observable Plot from the explorer's own served data file. scripts/bench.sh bundles it
// with esbuild (minified, one file) into target/bench/plot/.
//
// The served file (core/src/bin/dataset_files.rs) is the wide form, `ukprn,provider,year` then a
// column per `group|category`, an empty cell where HESA has no figure, and after the figures a
// `# coverage` line and the dataset's coverage (not needed here). Its rows are the eight partners
// and the UK total (`ukprn` UK), which the first view does not draw.
import * as Plot from '@observablehq/plot';
import { csvParse } from 'd3';

const DATA = '../datasets/staff-occupation.csv';
const COLUMN = 'Non-academic|Associate professional occupations';
// The partners' short names and colours, as the explorer shows them (data/manifest.json's order,
// core/src/palette.rs's first colours).
const PARTNERS = [
  ['10007759', 'Aston', '#332288'],
  ['10006840', 'Birmingham', '#6599b4'],
  ['10007822', 'Cranfield', '#40a191'],
  ['10007767', 'Keele', '#117733'],
  ['10007796', 'Leicester', '#999933'],
  ['10004113', 'Loughborough', '#d55e00'],
  ['10007154', 'Nottingham', '#cc6677'],
  ['10007163', 'Warwick', '#882255'],
];
const SHORT = new Map(PARTNERS.map(([ukprn, short]) => [ukprn, short]));

async function main() {
  const response = await fetch(DATA);
  if (!response.ok) throw new Error(`${DATA}: HTTP ${response.status}`);
  const text = await response.text();
  const figures = text.split('\n# coverage\n')[0];
  const data = csvParse(figures)
    .filter((row) => SHORT.has(row.ukprn))
    .map((row) => ({
      partner: SHORT.get(row.ukprn),
      year: row.year,
      staff: row[COLUMN] === '' ? NaN : Number(row[COLUMN]),
    }));
  const figure = document.getElementById('chart');
  const chart = Plot.plot({
    width: Math.max(320, Math.min(figure.clientWidth || 960, 960)),
    height: 420,
    marginLeft: 56,
    marginBottom: 52,
    x: { type: 'point', label: null, tickRotate: -35 },
    y: { grid: true, label: 'Headcount', zero: true, tickFormat: (d) => d.toLocaleString('en-GB') },
    color: { legend: true, domain: PARTNERS.map((p) => p[1]), range: PARTNERS.map((p) => p[2]) },
    marks: [
      Plot.ruleY([0]),
      Plot.line(data, { x: 'year', y: 'staff', stroke: 'partner', strokeWidth: 2, marker: 'circle-stroke' }),
      Plot.tip(data, Plot.pointer({ x: 'year', y: 'staff', stroke: 'partner', title: (d) => `${d.partner}, ${d.year}: ${d.staff.toLocaleString('en-GB')}` })),
    ],
  });
  chart.setAttribute('data-chart', '');
  figure.append(chart);
  // The markers the benchmark reads: the chart is on screen, and the page responds (Plot's pointer
  // tip is live as soon as the chart is in the document).
  document.documentElement.dataset.ready = '';
}

main().catch((err) => {
  document.getElementById('chart').textContent = `The chart could not be drawn: ${err.message}`;
});
