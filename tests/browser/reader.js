// Reader checks of list pages (run from run.js): tap targets of titles, tags and links
// (WCAG 2.2 target size, at a phone's width as Lighthouse measures it), the same words
// and arrows for earlier days on home and day pages, a month page that does not repeat
// its heading as a link to itself, the phone's tag filter showing that it scrolls, and
// no hole beside an opened fold in the two-column layout.
'use strict';
const fs = require('fs');

const PHONE = { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function targetSize(browser, h, urls) {
  const axeSource = fs.readFileSync(process.env.AXE_JS, 'utf8');
  for (const [name, opts] of [['phone 412 px', PHONE], ['desktop', { viewport: { width: 1280, height: 900 } }]]) {
    const ctx = await h.newContext(browser, opts);
    const page = await h.pageOf(ctx);
    const bad = [];
    for (const url of urls) {
      await page.goto(url);
      await page.evaluate(axeSource);
      const r = await page.evaluate(() => window.axe.run(document, { runOnly: ['target-size'] }));
      for (const v of r.violations) bad.push(`${url}: ${v.nodes.length}x, e.g. ${v.nodes[0].target} (${v.nodes[0].failureSummary.replace(/\s+/g, ' ').slice(0, 160)})`);
    }
    if (bad.length) h.fail(`target size ${name}: ${bad.join('; ')}`);
    else h.ok(`target size ${name}: every title, tag and link of ${urls.length} list pages is 24 px or spaced apart`);
    await ctx.close();
  }
}

// Earlier days: "← 4 Jul 2025" on the home page and on a day page alike.
async function pagerWords(browser, h, day) {
  const ctx = await h.newContext(browser);
  const page = await h.pageOf(ctx);
  const form = /^← \d{1,2} [A-Z][a-z]{2} \d{4}$/;
  const texts = [];
  for (const url of [h.BENCH, day]) {
    await page.goto(url);
    const t = await page.$$eval('nav.pager a[rel=prev]', (as) => as.map((a) => a.textContent.trim()));
    texts.push(t[0] || '(none)');
  }
  if (texts.every((t) => form.test(t))) h.ok(`pager: earlier days read the same on home and day pages (${texts.join(', ')})`);
  else h.fail(`pager: earlier days read ${texts.map((t) => JSON.stringify(t)).join(' and ')}, want both like "← 4 Jul 2025"`);
  await ctx.close();
}

// The month page's heading is its name; the calendar does not repeat it as a link to
// the page itself.
async function monthPage(browser, h, month) {
  const ctx = await h.newContext(browser);
  const page = await h.pageOf(ctx);
  await page.goto(month);
  const r = await page.evaluate(() => ({
    self: [...document.querySelectorAll('main a[href]')].filter((a) => a.href === location.href).length,
    h1: document.querySelector('h1').textContent.trim(),
    caption: document.querySelector('.calendar caption')?.textContent || '',
    label: document.querySelector('.calendar')?.getAttribute('aria-label') || '',
  }));
  if (r.self || r.caption.includes(r.h1) || !r.label) h.fail(`month page: ${r.self} links to itself, caption ${JSON.stringify(r.caption)}, calendar label ${JSON.stringify(r.label)}`);
  else h.ok(`month page: "${r.h1}" once, no link to itself, the calendar named "${r.label}"`);
  await ctx.close();
}

// On a phone the day's tag filter either fits or shows that it scrolls: its right edge
// fades out and every link can be scrolled fully into view.
async function phoneFilter(browser, h, day) {
  const ctx = await h.newContext(browser, { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  const page = await h.pageOf(ctx);
  await page.goto(day);
  const r = await page.$eval('nav.filter', (nav) => {
    const s = getComputedStyle(nav);
    const mask = s.maskImage || s.webkitMaskImage || 'none';
    const overflows = nav.scrollWidth > nav.clientWidth + 1;
    nav.scrollLeft = nav.scrollWidth;
    const last = nav.querySelector('a:last-of-type').getBoundingClientRect();
    const box = nav.getBoundingClientRect();
    return { overflows, mask, lastInside: last.right <= box.right - 8, lines: Math.round(box.height / parseFloat(s.lineHeight || 20)) };
  });
  if (!r.overflows) h.ok('phone tag filter: every tag fits');
  else if (r.mask.includes('gradient') && r.lastInside) h.ok('phone tag filter: scrolls sideways, its edge fades to show it, and the last tag scrolls fully into view');
  else h.fail(`phone tag filter: cut with no hint (mask ${r.mask}, last tag fully visible at the end: ${r.lastInside})`);
  await ctx.close();
}

// Two columns at 1280 px: opening folds leaves no entry beside a much taller one.
async function foldHoles(browser, h, day) {
  const ctx = await h.newContext(browser, { viewport: { width: 1280, height: 900 } });
  const page = await h.pageOf(ctx);
  await page.goto(day);
  // The first, second and fifth folds: one in each column, and one alone.
  await page.$$eval('.entries details', (ds) => [0, 1, 4].forEach((i) => { if (ds[i]) ds[i].open = true; }));
  await page.waitForFunction(() => [...document.querySelectorAll('.entries details[open]')].every((d) => d.dataset.state === 'done'), null, { timeout: 10000 });
  const r = await page.$$eval('.entries > article', (as) => {
    const boxes = as.map((a) => a.getBoundingClientRect());
    const columns = new Set(boxes.map((b) => Math.round(b.left))).size;
    const holes = [];
    boxes.forEach((b, i) => boxes.forEach((c, j) => {
      if (i < j && Math.abs(b.top - c.top) < 1 && Math.abs(b.height - c.height) > 100) holes.push(`entries ${i + 1} and ${j + 1}: ${Math.round(b.height)} and ${Math.round(c.height)} px tall side by side`);
    }));
    return { columns, holes };
  });
  if (r.columns < 2) h.fail(`fold layout: ${r.columns} column at 1280 px`);
  else if (r.holes.length) h.fail(`fold layout: a hole beside an open fold: ${r.holes.join('; ')}`);
  else h.ok('fold layout: two columns, three folds open, no entry beside a much taller one');
  await ctx.close();
}

// `h`: { BASE, BENCH, newContext, pageOf, fail, ok } from run.js; `day`: a dense day of
// the generated archive; `pages`: run.js's sample pages of the demo.
async function reader(browser, h, pages, day) {
  await targetSize(browser, h, [h.BENCH, day, pages.home, pages.day, pages.tag]);
  await pagerWords(browser, h, day);
  await monthPage(browser, h, pages.month);
  await phoneFilter(browser, h, day);
  await foldHoles(browser, h, day);
}

module.exports = { reader };
