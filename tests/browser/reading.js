// What a reader sees, counted on a site (run from run.js, on the generated archive and
// on the real-looking fixture in tests/browser/reading/): every entry listed on home,
// day and tag pages has a lead (never a bare label); titles that name video, benchmark,
// agent or diffusion topics carry that tag; no TeX shows as source in any page's text or
// tab title; the papers feed (Atom and JSON) holds the whole newest day, however small
// the site's feed_limit; and a typed query fetches no more than 1.5x the pasted one.
'use strict';
const { searchBytes, typedBytes } = require('./search_bytes');

// Title words and the tag a title naming them must carry.
const TOPICS = [
  [/\bvideo/i, 'Video'],
  [/\bbenchmark/i, 'Benchmarks'],
  [/\bagent/i, 'Agents'],
  [/\bdiffusion/i, 'Diffusion'],
];

// TeX as source: a command, or a script or brace inside dollars.
const RAW_TEX = /\\(?:textbf|textit|mathcal|mathbf|mathrm|times|frac|sqrt|alpha|beta|lambda|sum|cdot|le|ge)\b|\$[^$\s][^$\n]{0,80}?[\\^_{}][^$\n]{0,80}?\$/;

// The site's pages whose address matches `re`, from its sitemap.
async function pagesOf(ctx, site, re) {
  const xml = await (await ctx.request.get(site + 'sitemap.xml')).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).filter((u) => u.startsWith(site) && re.test(u.slice(site.length)));
}

// Each listed entry: its title, tag names and lead text.
function entriesOf(page) {
  return page.$$eval('main article', (as) => as.map((a) => {
    const kids = [...a.children];
    // Title, authors and tags, then the lead (a paragraph, or a fold) unless lists leave
    // it out, then the paper's links unless the page leaves them to the paper's page (tag
    // pages): a paragraph of links alone is not a lead.
    const onlyLinks = (el) => el.tagName === 'P' && el.querySelector('a') &&
      [...el.childNodes].every((n) => n.nodeName === 'A' || !n.textContent.trim());
    const third = kids.length > 2 && !onlyLinks(kids[2]) ? kids[2] : null;
    let lead = '';
    if (third && third.tagName === 'DETAILS') lead = third.querySelector('summary')?.textContent || '';
    else if (third) lead = third.textContent;
    return {
      title: (a.querySelector('h2, h3')?.textContent || '').trim(),
      tags: [...a.querySelectorAll('a[href*="/tags/"]')].map((t) => t.textContent.trim()),
      lead: lead.trim(),
    };
  }));
}

function isRealLead(lead) {
  const words = lead.split(/\s+/).filter(Boolean).length;
  const cjk = (lead.match(/[\u3040-\u30ff\u3400-\u9fff]/g) || []).length;
  return (words >= 3 || cjk >= 4) && !/[:：]$/.test(lead) && !/^(summary|abstract|tl;dr)$/i.test(lead);
}

async function rawTex(page) {
  return page.evaluate((src) => {
    const re = new RegExp(src);
    const found = [];
    for (const text of [document.title, document.body.innerText]) {
      for (const line of text.split('\n')) if (re.test(line)) found.push(line.trim().slice(0, 80));
    }
    return { found, math: document.querySelectorAll('math').length };
  }, RAW_TEX.source);
}

async function check(browser, h, site, name) {
  const ctx = await h.newContext(browser);
  const page = await h.pageOf(ctx);
  const days = (await pagesOf(ctx, site, /^\d{4}\/\d\d\/\d\d\/$/)).sort();
  const tags = await pagesOf(ctx, site, /^tags\/[^/]+\/$/);
  if (!days.length || !tags.length) {
    h.fail(`${name}: ${days.length} days and ${tags.length} tags in the sitemap`);
    await ctx.close();
    return;
  }
  const newest = days[days.length - 1];

  let entries = 0;
  const leadless = [];
  const recall = TOPICS.map(() => [0, 0]);
  const tex = [];
  let maths = 0;
  const papers = new Set();
  for (const url of [site, ...days, ...tags]) {
    await page.goto(url);
    for (const e of await entriesOf(page)) {
      entries++;
      if (!isRealLead(e.lead)) leadless.push(`${url.slice(site.length) || 'home'}: "${e.title}" leads with ${JSON.stringify(e.lead)}`);
      if (days.includes(url)) {
        TOPICS.forEach(([re, tag], k) => {
          if (re.test(e.title)) { recall[k][1]++; if (e.tags.includes(tag)) recall[k][0]++; }
        });
      }
    }
    if (url === newest || days.indexOf(url) === days.length - 2) {
      for (const p of await page.$$eval('main article h2 a', (as) => as.map((a) => a.href))) papers.add(p);
    }
    const t = await rawTex(page);
    maths += t.math;
    tex.push(...t.found.map((f) => `${url.slice(site.length) || 'home'}: ${f}`));
  }
  for (const url of papers) {
    await page.goto(url);
    const t = await rawTex(page);
    maths += t.math;
    tex.push(...t.found.map((f) => `${url.slice(site.length)}: ${f}`));
  }
  const pages = 1 + days.length + tags.length + papers.size;

  if (leadless.length) h.fail(`${name}: ${leadless.length} of ${entries} listed entries without a lead, e.g. ${leadless.slice(0, 3).join('; ')}`);
  else h.ok(`${name}: all ${entries} entries listed on home, ${days.length} day and ${tags.length} tag pages have a lead`);

  const rates = TOPICS.map(([re, tag], k) => `${tag} ${recall[k][0]}/${recall[k][1]}`);
  const low = TOPICS.filter((_, k) => recall[k][1] && recall[k][0] < 0.95 * recall[k][1]);
  const named = recall.reduce((n, r) => n + r[1], 0);
  if (low.length || !named) h.fail(`${name}: tag recall of titles naming a topic: ${rates.join(', ')} (at least 95% each)`);
  else h.ok(`${name}: tag recall of titles naming a topic: ${rates.join(', ')}`);

  if (tex.length) h.fail(`${name}: ${tex.length} TeX fragment(s) shown as source, e.g. ${tex.slice(0, 3).join('; ')}`);
  else h.ok(`${name}: 0 TeX fragments shown as source in ${pages} pages and their tab titles (${maths} formulas drawn as MathML)`);

  // The papers feed holds the whole newest day, even when it has more papers than
  // feed_limit.
  await page.goto(newest);
  const newestIds = await page.$$eval('main article h2 a', (as) => as.map((a) => a.href.match(/papers\/([^/]+)\/$/)?.[1]).filter(Boolean));
  const atom = await (await ctx.request.get(site + 'papers/atom.xml')).text();
  const json = JSON.parse(await (await ctx.request.get(site + 'papers/feed.json')).text());
  const inAtom = new Set([...atom.matchAll(/<link rel="alternate" type="text\/html" href="[^"]*\/papers\/([^/"]+)\/"/g)].map((m) => m[1]));
  const inJson = new Set(json.items.map((i) => (i.url.match(/papers\/([^/]+)\/$/) || [])[1]));
  const missing = newestIds.filter((id) => !inAtom.has(id) || !inJson.has(id));
  const limit = (atom.match(/<entry>/g) || []).length;
  if (!newestIds.length || missing.length) h.fail(`${name}: the papers feed lacks ${missing.length} of the newest day's ${newestIds.length} papers (${missing.slice(0, 5).join(', ')})`);
  else h.ok(`${name}: the papers feed holds all ${newestIds.length} papers of the newest day (${limit} Atom entries, ${json.items.length} JSON items)`);
  await ctx.close();

  // A query typed at 200 ms a character fetches about what the pasted query does.
  const q = 'video diffusion';
  const pastedCtx = await h.newContext(browser);
  const pasted = await searchBytes(await h.pageOf(pastedCtx), site, q);
  await pastedCtx.close();
  const typedCtx = await h.newContext(browser);
  const typed = await typedBytes(await h.pageOf(typedCtx), site, q);
  await typedCtx.close();
  const what = `"${q}" typed: ${typed.runs} search(es), ${(typed.raw / 1024).toFixed(1)} KB; pasted ${(pasted.raw / 1024).toFixed(1)} KB`;
  if (typed.runs !== 1 || typed.raw > 1.5 * pasted.raw || typed.found !== pasted.found) h.fail(`${name}: ${what} (${typed.found} / ${pasted.found})`);
  else h.ok(`${name}: ${what}`);
}

// `h`: { newContext, pageOf, fail, ok } from run.js; `sites`: [[url, name], …].
async function reading(browser, h, sites) {
  for (const [site, name] of sites) await check(browser, h, site, name);
}

module.exports = { reading };
