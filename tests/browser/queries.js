// The everyday queries: on the 120-day generated archive plus the hand-written day of
// tests/browser/queries.md (added by .ci/browser.sh), each query must show the paper it
// is meant to find in its first five results (first, for some), or open its page for a
// pasted URL. That
// day also holds, for each two-word query, five papers with both words in the title but
// not side by side, sorted before the target: a ranking that does not put the phrase in
// the title first shows those five instead. Thousands of generated papers match the
// same words.
'use strict';

const TOP = 5;
// [query, arXiv id it must find, how]: 'top' = among the first TOP results, 'first' =
// the first result, 'open' = pasted into the search box and submitted, it opens the
// paper's page.
const QUERIES = [
  ['difusion', '1603.00001', 'top'],
  ['reward models', '1603.00102', 'top'],
  ['reward model', '1603.00102', 'top'],
  ['speculative decode', '1603.00103', 'top'],
  ['speculative decoding', '1603.00103', 'top'],
  ['https://arxiv.org/abs/1603.00106', '1603.00106', 'open'],
  ['https://huggingface.co/papers/1603.00107', '1603.00107', 'open'],
  ['video diffusion', '1603.00101', 'top'],
  ['mixture of experts', '1603.00104', 'top'],
  ['LLM agents', '1603.00105', 'top'],
  // Not the papers of an author Kai (one letter from the stem kaim) nor Kaimin (which
  // kaim begins): a name is matched whole, and a word the index holds is no typo.
  ['Kaiming', '1603.00108', 'first'],
  // Not "A Pottery Agent and Benchmark", whose two words "and" parts.
  ['agent benchmark', '1603.00109', 'first'],
];

// Queries whose every result must show the word in its title, authors or excerpt.
const ONLY = { Kaiming: /\bkaiming\b/i };

// The papers' ids in the order shown, and the "N papers found" count.
async function resultsOf(page, site, q) {
  await page.goto(site + 'search/?q=' + encodeURIComponent(q));
  await page.waitForFunction(() => /papers? found|failed/.test(document.getElementById('status').textContent));
  await page.waitForFunction(() => document.getElementById('results').children.length > 0 ||
    /^0 papers/.test(document.getElementById('status').textContent));
  const ids = await page.$$eval('#results li > a', (as) => as.map((a) => decodeURIComponent(a.href.split('/').slice(-2)[0])));
  const texts = await page.$$eval('#results li', (ls) => ls.map((l) => l.textContent));
  const found = parseInt(await page.locator('#status').textContent(), 10);
  return { ids, texts, found };
}

// Runs the ten queries on `site`; reports through `fail` and `ok`. `newContext` and
// `pageOf` are run.js's (outside requests blocked, page errors and dialogs fail).
async function everydayQueries({ browser, site, newContext, pageOf, fail, ok }) {
  const ctx = await newContext(browser);
  const page = await pageOf(ctx);
  const got = {};
  const problems = [];
  for (const [q, id, how] of QUERIES) {
    if (how === 'open') {
      await page.goto(site + 'search/');
      await page.fill('#q', q);
      await page.press('#q', 'Enter');
      const want = site + 'papers/' + id + '/';
      try {
        await page.waitForURL(want, { timeout: 5000 });
      } catch {
        problems.push(`"${q}" stayed at ${page.url()}, not ${want}`);
      }
      continue;
    }
    const r = await resultsOf(page, site, q);
    got[q] = r;
    const at = r.ids.indexOf(id);
    if (at < 0 || at >= (how === 'first' ? 1 : TOP)) {
      problems.push(`"${q}": ${id} ${at < 0 ? 'not on the first page' : 'at ' + (at + 1)} of ${r.found} (first ${r.ids.slice(0, TOP).join(' ')})`);
    }
  }
  for (const [q, re] of Object.entries(ONLY)) {
    const stray = got[q].texts.filter((t) => !re.test(t));
    if (stray.length || got[q].found !== got[q].ids.length) problems.push(`"${q}" found ${got[q].found}, ${stray.length} without the word: ${stray.slice(0, 2).join(' / ').slice(0, 200)}`);
  }
  // A word's forms find the same papers; a word's bare stem finds what its longer form does.
  const same = (a, b) => got[a].found === got[b].found && JSON.stringify(got[a].ids) === JSON.stringify(got[b].ids);
  if (!same('reward models', 'reward model')) {
    problems.push(`"reward models" found ${got['reward models'].found}, "reward model" ${got['reward model'].found}, first pages differ`);
  }
  const decoding = got['speculative decoding'], decode = got['speculative decode'];
  if (decode.found < decoding.found || !decoding.ids.every((d) => decode.ids.includes(d))) {
    problems.push(`"speculative decode" found ${decode.found}, "speculative decoding" ${decoding.found}, or misses some of its first page`);
  }
  if (problems.length) fail('everyday queries: ' + problems.join('; '));
  else ok(`everyday queries: ${QUERIES.length} queries each find their paper in the top ${TOP} (first, for some) or open it (${QUERIES.map((x) => `"${x[0]}"`).join(', ')})`);
  await ctx.close();
}

module.exports = { everydayQueries, QUERIES };

// By hand, on any served site that holds tests/browser/queries.md as one of its days:
//   node tests/browser/queries.js http://127.0.0.1:PORT/
if (require.main === module) {
  const { chromium } = require('playwright-core');
  const site = process.argv[2];
  if (!site) throw new Error('usage: queries.js SITE_URL');
  let failed = false;
  (async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
    await everydayQueries({
      browser,
      site,
      newContext: (b) => b.newContext(),
      pageOf: (ctx) => ctx.newPage(),
      fail: (m) => { failed = true; console.error('FAIL ' + m); },
      ok: (m) => console.log('ok   ' + m),
    });
    await browser.close();
    process.exit(failed ? 1 : 0);
  })().catch((e) => { console.error(e); process.exit(1); });
}
