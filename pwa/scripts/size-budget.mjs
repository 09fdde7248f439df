// First-screen JavaScript budget: the <script src> and <link rel="modulepreload"> files that
// dist/index.html loads, gzipped at level 9 and summed. Fails above 60 KiB.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 61440;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error('dist/index.html not found: run `npm run build` first');
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);
const urls = new Set();
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (src) urls.add(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  if ((attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/).includes('modulepreload')) {
    const href = attr(tag, 'href');
    if (href) urls.add(href);
  }
}
if (urls.size === 0) {
  console.error('no first-screen scripts found in dist/index.html');
  process.exit(1);
}

let total = 0;
for (const url of urls) {
  const file = join(dist, new URL(url, 'https://app.invalid/').pathname);
  const gz = gzipSync(readFileSync(file), { level: 9 }).length;
  total += gz;
  console.log(`${String(gz).padStart(8)} B  ${url}`);
}
const pct = ((total / BUDGET) * 100).toFixed(1);
console.log(`${String(total).padStart(8)} B  first-screen JS, gzip -9 (${(total / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB budget, ${pct}%)`);
if (total > BUDGET) {
  console.error(`over budget by ${total - BUDGET} bytes`);
  process.exit(1);
}
