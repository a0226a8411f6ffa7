// Layout checks of the reader's pages (run from run.js): how many papers a reader sees
// without scrolling on a day of 17 or more papers, nothing wider than a 320 px screen,
// the day page's tag filter and the entries' folded summaries, with JavaScript on and
// off.
'use strict';

// The day pages of a site, read from its sitemap.
async function dayUrls(page, base) {
  const xml = await (await page.request.get(base + 'sitemap.xml')).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    .filter((u) => /\/\d{4}\/\d\d\/\d\d\/$/.test(u))
    .map((u) => base + u.replace(/^.*?(\d{4}\/\d\d\/\d\d\/)$/, '$1'));
}

// The day of the generated archive with the fewest papers among those with 17 or more.
async function denseDay(page, bench) {
  let best = null;
  for (const url of await dayUrls(page, bench)) {
    const html = await (await page.request.get(url)).text();
    const n = (html.match(/<article id="arxiv-/g) || []).length;
    if (n >= 17 && (!best || n < best.n)) best = { url, n };
  }
  if (!best) throw new Error('the generated archive has no day of 17 papers or more');
  return best;
}

// Entries of the page whose top edge is inside the first screen.
const aboveFold = (page) => page.$$eval('.entries > article', (as) =>
  as.filter((a) => a.getBoundingClientRect().top < window.innerHeight && a.offsetParent !== null).length);

async function density(browser, h, day) {
  const bars = [
    ['desktop 1280x900', { viewport: { width: 1280, height: 900 } }, 8],
    ['phone 375x812', { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true }, 4],
  ];
  for (const [name, opts, bar] of bars) {
    const ctx = await h.newContext(browser, opts);
    const page = await h.pageOf(ctx);
    await page.goto(day.url);
    const seen = await aboveFold(page);
    if (seen < bar) h.fail(`layout ${name}: ${seen} of ${day.n} papers start above the fold on ${day.url}, want ${bar}`);
    else h.ok(`layout ${name}: ${seen} of ${day.n} papers start above the fold (bar ${bar})`);
    await ctx.close();
  }
}

async function noOverflow(browser, h, urls) {
  const ctx = await h.newContext(browser, { viewport: { width: 320, height: 640 }, isMobile: true });
  const page = await h.pageOf(ctx);
  const wide = [];
  for (const url of urls) {
    await page.goto(url);
    // Folded summaries too: open them all, each filled from its paper's page.
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    if (await page.$('.entries details')) await h.openFolds(page);
    const w = await page.evaluate(() => document.documentElement.scrollWidth);
    if (w > 320) wide.push(`${url} is ${w} px wide`);
  }
  if (wide.length) h.fail('320 px: ' + wide.join('; '));
  else h.ok(`320 px: none of ${urls.length} pages is wider than the screen, summaries unfolded`);
  await ctx.close();
}

// Visible entries of the day page, and how many of them link the tag `href` ends with.
const visible = (page, tagHref) => page.$$eval('.entries > article', (as, end) => {
  const shown = as.filter((a) => getComputedStyle(a).display !== 'none');
  return { shown: shown.length, tagged: shown.filter((a) => [...a.querySelectorAll('a')].some((l) => l.getAttribute('href').endsWith(end))).length, all: as.length };
}, tagHref);

async function tagFilter(browser, h, dayUrl) {
  for (const javaScriptEnabled of [true, false]) {
    const ctx = await h.newContext(browser, { javaScriptEnabled });
    const page = await h.pageOf(ctx);
    await page.goto(dayUrl);
    const links = await page.$$eval('.filter a[id]', (as) => as.map((a) => ({
      id: a.id, n: parseInt(a.querySelector('small').textContent, 10) })));
    if (links.length < 2) throw new Error(`${dayUrl} has ${links.length} tag filter links`);
    const problems = [];
    // The most and the least frequent tag.
    for (const { id, n } of [links[0], links[links.length - 1]]) {
      await page.click(`.filter a#${id}`);
      const v = await visible(page, 's/' + id.slice(2) + '/');
      if (v.shown !== n || v.tagged !== n) problems.push(`${id}: ${v.shown} shown, ${v.tagged} of them tagged, link says ${n}`);
      await page.click('.filter a[href="#main"]');
      const all = await visible(page, '#');
      if (all.shown !== all.all) problems.push(`All after ${id}: ${all.shown} of ${all.all} shown`);
    }
    // The first entry's fold opens on a click: a link to the summary on the paper's
    // page, which the script replaces with that summary (the day page holds none).
    const details = page.locator('.entries details').first();
    await details.locator('summary').click();
    if (!(await details.evaluate((d) => d.open))) problems.push('a summary did not unfold');
    const link = await details.evaluate((d) => d.querySelector('a[href$="#summary"]')?.getAttribute('href') || '');
    if (!/papers\/[^/]+\/#summary$/.test(link)) problems.push(`the fold links to ${link || 'nothing'}, not a paper's summary`);
    if (javaScriptEnabled) {
      try {
        await page.waitForFunction((d) => d.dataset.state === 'done', await details.elementHandle(), { timeout: 5000 });
        const text = await details.evaluate((d) => d.querySelector('div')?.textContent.trim() || '');
        if (text.length < 40) problems.push(`the fold shows only ${JSON.stringify(text)}`);
      } catch (e) {
        problems.push('the fold was not filled from the paper page: ' + e.message);
      }
    }
    const mode = javaScriptEnabled ? 'JavaScript on' : 'JavaScript off';
    const fold = javaScriptEnabled ? 'a fold shows the summary from the paper page' : 'a fold links to the paper page';
    if (problems.length) h.fail(`tag filter (${mode}): ${problems.join('; ')}`);
    else h.ok(`tag filter (${mode}): ${links.length} tags, the most and least frequent show exactly their ${links[0].n} and ${links[links.length - 1].n} papers, All shows every one; ${fold}`);
    await ctx.close();
  }
}

// `h`: { BASE, BENCH, newContext, pageOf, fail, ok, openFolds } from run.js; `pages`: its sample
// pages of the demo.
async function layout(browser, h, pages) {
  const probe = await h.newContext(browser);
  const page = await h.pageOf(probe);
  const day = await denseDay(page, h.BENCH);
  await probe.close();
  await density(browser, h, day);
  const urls = Object.entries(pages).filter(([k]) => k !== 'search').map(([, u]) => u);
  urls.push(h.BASE + 'tags/', h.BASE + pages.month.slice(h.BASE.length, h.BASE.length + 5), day.url);
  await noOverflow(browser, h, urls);
  await tagFilter(browser, h, day.url);
  await require('./reader').reader(browser, h, pages, day.url);
}

module.exports = { layout };
