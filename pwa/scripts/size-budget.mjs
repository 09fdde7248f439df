// First-screen JavaScript budget: the <script src> and <link rel="modulepreload"> files that
// dist/index.html loads, plus the one language's core catalogue they fetch before the first
// render (the largest of the three: each person downloads only theirs), gzipped at level 9 and
// summed. Fails above 40 KiB.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 40 * 1024;
const LOCALES = ['zh-Hans', 'zh-Hant', 'en'];
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

const pathOf = (url) => join(dist, new URL(url, 'https://app.invalid/').pathname);
const gzipped = (url) => gzipSync(readFileSync(pathOf(url)), { level: 9 }).length;
const line = (bytes, what) => console.log(`${String(bytes).padStart(8)} B  ${what}`);

let total = 0;
for (const url of urls) {
  const gz = gzipped(url);
  total += gz;
  line(gz, url);
}

// The core catalogue (src/i18n/<locale>.ts) is a dynamic import of a first-screen file, awaited
// before the first render: count the biggest language's file, and fail if one is not found.
const catalogue = new Map();
for (const url of urls) {
  const code = readFileSync(pathOf(url), 'utf8');
  for (const [, target] of code.matchAll(/import\(\s*[`'"](\.\/[^`'"]+\.js)[`'"]\s*\)/g)) {
    const name = target.slice(2);
    const locale = LOCALES.find((code) => new RegExp(`^${code}-[\\w-]+\\.js$`).test(name));
    if (locale) catalogue.set(locale, new URL(target, new URL(url, 'https://app.invalid/')).pathname);
  }
}
const missing = LOCALES.filter((code) => !catalogue.has(code));
if (missing.length) {
  console.error(`the first screen's catalogue for ${missing.join(', ')} was not found among its dynamic imports`);
  process.exit(1);
}
const [largest, largestUrl, largestSize] = LOCALES.map((code) => [code, catalogue.get(code), gzipped(catalogue.get(code))]).sort((a, b) => b[2] - a[2])[0];
total += largestSize;
line(largestSize, `${largestUrl} (core words, ${largest}: the largest of ${LOCALES.map((code) => `${code} ${gzipped(catalogue.get(code))}`).join(', ')})`);

const pct = ((total / BUDGET) * 100).toFixed(1);
console.log(`${String(total).padStart(8)} B  first-screen JS, gzip -9 (${(total / 1024).toFixed(1)} KiB of ${BUDGET / 1024} KiB budget, ${pct}%)`);
if (total > BUDGET) {
  console.error(`over budget by ${total - BUDGET} bytes`);
  process.exit(1);
}
