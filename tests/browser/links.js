// Internal link check over a built site: every href and src under BASE resolves to a
// file, fragments included; no link is root-absolute (it would drop a subpath).
//   node tests/browser/links.js DIR BASE
'use strict';
const fs = require('fs');
const path = require('path');
const [dir, base] = process.argv.slice(2);
if (!dir || !base) throw new Error('usage: links.js DIR BASE');
const files = [];
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files.push(p);
  }
})(dir);
const ids = new Map();
const idsOf = (file) => {
  if (!ids.has(file)) {
    const text = fs.readFileSync(file, 'utf8');
    ids.set(file, new Set([...text.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1])));
  }
  return ids.get(file);
};
const unescape = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
let checked = 0, bad = 0;
for (const file of files.filter((f) => /\.(html|xml)$/.test(f))) {
  const rel = path.relative(dir, file).split(path.sep).join('/');
  const pageUrl = new URL(rel.replace(/index\.html$/, ''), base);
  const text = fs.readFileSync(file, 'utf8');
  const attrs = file.endsWith('.html')
    ? [...text.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => unescape(m[1]))
    : [...text.matchAll(/<loc>([^<]*)<\/loc>|<link[^>]*\shref="([^"]*)"/g)].map((m) => unescape(m[1] || m[2]));
  for (const link of attrs) {
    if (link.startsWith('/') && !link.startsWith('//')) { bad++; console.error(`${rel}: root-absolute link ${link}`); continue; }
    const u = new URL(link, pageUrl);
    if (!u.href.startsWith(base)) {
      if (u.host === new URL(base).host) { bad++; console.error(`${rel}: ${link} leaves ${base}`); }
      continue;
    }
    let target = decodeURIComponent(u.pathname.slice(new URL(base).pathname.length));
    if (target === '' || target.endsWith('/')) target += 'index.html';
    const targetFile = path.join(dir, target);
    if (!fs.existsSync(targetFile) || !fs.statSync(targetFile).isFile()) { bad++; console.error(`${rel}: broken link ${link}`); continue; }
    const frag = decodeURIComponent(u.hash.slice(1));
    if (frag && !idsOf(targetFile).has(frag)) { bad++; console.error(`${rel}: ${link}: no id="${frag}"`); continue; }
    checked++;
  }
}
if (bad) { console.error(`links: ${bad} broken of ${checked + bad}`); process.exit(1); }
if (checked < 100) { console.error(`links: only ${checked} links checked`); process.exit(1); }
console.log(`links: ${checked} internal links under ${base} resolve (${files.length} files)`);
