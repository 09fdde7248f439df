// The server's CSP allows only same-origin scripts and styles: dist/index.html must have no
// inline <script>, no <style>, no style="" attribute and no on*="" handler.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const problems = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (!/\ssrc\s*=/.test(m[1]) || m[2].trim()) problems.push(`inline script: ${m[0].slice(0, 80)}`);
}
if (/<style\b/i.test(html)) problems.push('inline <style> element');
if (/\sstyle\s*=/i.test(html)) problems.push('style="" attribute');
if (/\son[a-z]+\s*=/i.test(html)) problems.push('inline event handler attribute');
if (problems.length) {
  console.error(`dist/index.html breaks the CSP:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('csp: dist/index.html has no inline script or style');
