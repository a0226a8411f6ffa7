// Bytes a search fetches: opens SITE/search/?q=QUERY in headless Chromium (pasted), and
// types QUERY into the search page at 200 ms a character (typed), and sums the index
// files (search/meta.json, search/t/*, search/p/*, search/d/*) each downloaded, raw and
// gzipped (gzip level 6, what static hosts serve). Used by run.js on the 120-day archive, and by
// hand on a large generated one (see benches/README.md):
//
//   node tests/browser/search_bytes.js http://127.0.0.1:PORT/ "video diffusion" ...
'use strict';
const zlib = require('zlib');

// { raw, gzip, files, found } for one query on an open page.
async function searchBytes(page, site, query) {
  const seen = [];
  const onResponse = async (res) => {
    const u = res.url();
    if (!/\/search\/(meta\.json|[tdp]\/[^/]+\.json)$/.test(u)) return;
    seen.push(res.body().then((b) => b));
  };
  page.on('response', onResponse);
  await page.goto(site + 'search/?q=' + encodeURIComponent(query));
  await page.waitForFunction(() => /papers? found|failed/.test(document.getElementById('status').textContent));
  await page.waitForFunction(() => document.getElementById('results').children.length > 0 ||
    /^0 papers/.test(document.getElementById('status').textContent));
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const bodies = await Promise.all(seen);
  let raw = 0, gzip = 0;
  for (const b of bodies) { raw += b.length; gzip += zlib.gzipSync(b, { level: 6 }).length; }
  const found = await page.locator('#status').textContent();
  return { raw, gzip, files: bodies.length, found };
}

// The same for `query` typed into the search page's box at `delay` ms a character (200:
// a steady typist), counted until the results of the whole query are shown; `runs` is
// how many searches the page started on the way.
async function typedBytes(page, site, query, delay = 200) {
  const seen = [];
  let last = Date.now();
  const onResponse = (res) => {
    last = Date.now();
    if (/\/search\/(meta\.json|[tdp]\/[^/]+\.json)$/.test(res.url())) seen.push(res.body().then((b) => b));
  };
  page.on('response', onResponse);
  await page.goto(site + 'search/');
  await page.evaluate(() => {
    window.searchRuns = 0;
    new MutationObserver(() => {
      if (document.getElementById('status').textContent === 'Searching…') window.searchRuns++;
    }).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
  });
  await page.locator('#q').pressSequentially(query, { delay });
  await page.waitForFunction((q) => document.getElementById('q').value === q &&
    window.searchRuns > 0 && /papers? found|failed/.test(document.getElementById('status').textContent), query);
  await page.waitForFunction(() => document.getElementById('results').children.length > 0 ||
    /^0 papers/.test(document.getElementById('status').textContent));
  // The page has loaded long ago: wait for half a second without a response instead.
  while (Date.now() - last < 500) await page.waitForTimeout(100);
  page.off('response', onResponse);
  const bodies = await Promise.all(seen);
  let raw = 0, gzip = 0;
  for (const b of bodies) { raw += b.length; gzip += zlib.gzipSync(b, { level: 6 }).length; }
  const runs = await page.evaluate(() => window.searchRuns);
  return { raw, gzip, files: bodies.length, runs, found: await page.locator('#status').textContent() };
}

module.exports = { searchBytes, typedBytes };

if (require.main === module) {
  const { chromium } = require('playwright-core');
  const [site, ...queries] = process.argv.slice(2);
  if (!site || !queries.length) throw new Error('usage: search_bytes.js SITE_URL QUERY...');
  (async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
    for (const q of queries) {
      // A fresh context per query: nothing cached from the one before.
      for (const [how, measure] of [['pasted', searchBytes], ['typed', typedBytes]]) {
        const ctx = await browser.newContext();
        const page = await ctx.newPage();
        const r = await measure(page, site, q);
        console.log(`${JSON.stringify(q)}\t${how}\t${r.files} files\t${(r.raw / 1024).toFixed(1)} KB raw\t${(r.gzip / 1024).toFixed(1)} KB gzipped\t${r.found}`);
        await ctx.close();
      }
    }
    await browser.close();
  })().catch((e) => { console.error(e); process.exit(1); });
}
