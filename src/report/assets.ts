// Files the report pages load: our stylesheet and script, and Chart.js bundled
// from its npm package, so the report works offline with no CDN.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PACKAGE_ROOT } from '../data.js';

const require = createRequire(import.meta.url);
// The package exports only its module entry (dist/chart.cjs); the UMD build sits beside it.
const chartDist = dirname(require.resolve('chart.js'));

export const REPORT_ASSETS: { name: string; path: string }[] = [
  { name: 'report.css', path: join(PACKAGE_ROOT, 'assets', 'report.css') },
  { name: 'report.js', path: join(PACKAGE_ROOT, 'assets', 'report.js') },
  { name: 'chart.umd.min.js', path: join(chartDist, 'chart.umd.min.js') },
];
