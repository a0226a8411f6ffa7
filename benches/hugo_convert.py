#!/usr/bin/env python3
"""Turn a papertrail build's machine-readable export into an equivalent Hugo site.

Usage:  python3 benches/hugo_convert.py PAPERTRAIL_OUT HUGO_SITE [options]

Input is what `papertrail build` wrote, so Hugo gets exactly the papers papertrail
parsed (no second parser of the digest formats):
  PAPERTRAIL_OUT/data/papers/YYYY.ndjson.gz   one JSON object per paper
  PAPERTRAIL_OUT/data/days.json               every day, newest first
  PAPERTRAIL_OUT/style.css                    the theme's CSS, copied verbatim
  PAPERTRAIL_OUT/atom.xml                     only for the site title (--title overrides)

Output (HUGO_SITE must not exist, or --force replaces it):
  hugo.toml                         taxonomies tags and days, RSS on every list kind
  content/papers/<id>.md            one page per paper
  content/days/YYYY-MM-DD/_index.md metadata of the `days` term of that day
  content/{papers,days,tags}/_index.md
  layouts/...                       a small theme mirroring papertrail's default one
  static/style.css

A day is a term of a `days` taxonomy (each paper lists every day it appeared on), not a
content section: a paper can appear on several days, and a taxonomy is Hugo's own
many-to-many membership, which gives every day a list page and a feed for free.

Related papers (papertrail lists 3 on every paper page) need --related: Hugo's .Related
walks every page sharing a tag with the page, and in Hugo 0.111 that grew from +2 s CPU at
30 days (726 papers) to +27 s at 90 days (2,239 papers), so it is off by default.

Export text is plain (papertrail renders and strips markdown); it is escaped so that
Goldmark renders it back as the same text and Hugo never sees a shortcode in it.

Streaming: papers are read line by line and written one file at a time; only days.json
(a few MB for ten years) is held in memory. Standard library only.
"""

import argparse
import datetime
import os
import re

from export_common import (
    FALLBACK_CSS,
    escape_markdown,
    first_sentence,
    site_title,
    start,
    toml_list,
    toml_str,
    with_neighbours,
)

# ---------------------------------------------------------------------------
# theme: papertrail's default theme (themes/default/templates) redone in Hugo's
# template language, same markup and CSS classes; no search form (Hugo has no
# search index here), no month/year calendars (one archive list of days instead).
# A page's tags and days are linked from .Params (urlize + relURL), not .GetTerms: in
# Hugo 0.111 every .GetTerms call walks the whole taxonomy, which made it 19% of the
# 365-day build and would grow with papers^2; the links and names are the same.

LAYOUTS = {
    "_default/baseof.html": """<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ with .Description }}{{ . }}{{ else }}{{ with .Summary }}{{ . | plainify | truncate 160 }}{{ else }}{{ site.Params.description }}{{ end }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
<meta property="og:type" content="{{ if .IsPage }}article{{ else }}website{{ end }}">
<meta property="og:title" content="{{ .Title }}">
<meta property="og:url" content="{{ .Permalink }}">
<meta name="twitter:card" content="summary">
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
{{ if not .IsHome }}{{ with site.Home.OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }}" href="{{ .RelPermalink }}">
{{ end }}{{ end }}{{ with site.GetPage "/papers" }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }} — every paper" href="{{ .RelPermalink }}">
{{ end }}{{ end }}{{ if .IsPage }}{{ range .Params.tags }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }} — {{ . }}" href="{{ printf "tags/%s/index.xml" (urlize .) | relURL }}">
{{ end }}{{ else if and (not .IsHome) (ne .Section "papers") }}{{ $t := .Title }}{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" title="{{ site.Title }} — {{ $t }}" href="{{ .RelPermalink }}">
{{ end }}{{ end }}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
<nav aria-label="Site"><a href="{{ "days/" | relURL }}">Archive</a> <a href="{{ "tags/" | relURL }}">Tags</a> {{ with site.Home.OutputFormats.Get "rss" }}<a href="{{ .RelPermalink }}">Feed</a>{{ end }}</nav>
</header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer class="site">
<p>Summaries are machine-written: check the paper before citing it.</p>
</footer>
</body>
</html>
""",
    # one paper in a list: dict "p" PAGE "level" 2|3
    "partials/paper.html": """{{ $p := .p }}<article class="paper" id="arxiv-{{ $p.File.BaseFileName }}">
{{ if eq .level 2 }}<h2><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></h2>{{ else }}<h3><a href="{{ $p.RelPermalink }}">{{ $p.Title }}</a></h3>{{ end }}
{{ with $p.Params.authors }}<p class="authors">{{ delimit . ", " }}</p>{{ end }}
{{ with $p.Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ with $p.Summary }}<p class="blurb">{{ . | plainify | truncate 250 }}</p>{{ end }}
<p class="links"><a href="{{ $p.Params.arxiv }}">arXiv {{ $p.File.BaseFileName }}</a></p>
</article>
""",
    "partials/pager.html": """{{ if gt .TotalPages 1 }}<nav class="pager" aria-label="Pages">
{{ if .HasPrev }}<a rel="prev" href="{{ .Prev.URL }}">← Newer</a>{{ end }}
<span>Page {{ .PageNumber }} of {{ .TotalPages }}</span>
{{ if .HasNext }}<a rel="next" href="{{ .Next.URL }}">Older →</a>{{ end }}
</nav>{{ end }}
""",
    # a paper: front matter + markdown body (links, gist, summary, abstract)
    "_default/single.html": """{{ define "main" }}<article class="paper-page">
<h1>{{ .Title }}</h1>
{{ with .Params.authors }}<p class="authors">{{ delimit . ", " }}</p>{{ end }}
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ printf "tags/%s/" (urlize .) | relURL }}">{{ . }}</a></li>{{ end }}</ul>{{ end }}
{{ .Content }}
{{ $id := .File.BaseFileName }}<section><h2>Listed on</h2><ul class="days">{{ range .Params.days }}<li><a href="{{ printf "days/%s/" . | relURL }}#arxiv-{{ $id }}"><time datetime="{{ . }}">{{ time.Format "Monday, 2 January 2006" . }}</time></a></li>{{ end }}</ul></section>
{{ if site.Params.related }}{{ with first 3 (site.RegularPages.Related .) }}<section><h2>Related</h2><ul class="days">{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></section>{{ end }}{{ end }}
</article>
{{ end }}
""",
    # sections (only /papers/): the latest papers, like the papers feed
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<p class="lead">{{ len .Pages }} papers{{ with .OutputFormats.Get "rss" }} · <a href="{{ .RelPermalink }}">RSS feed of every paper</a>{{ end }}</p>
<ul class="paper-list">{{ range first 50 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time></li>{{ end }}</ul>
{{ end }}
""",
    # home: the latest days, days_per_page (7) a page; the newest day in full
    "index.html": """{{ define "main" }}{{ $days := (site.GetPage "/days").Pages.ByDate.Reverse }}{{ $pager := .Paginate $days site.Params.daysPerPage }}
<h1>{{ if eq $pager.PageNumber 1 }}Latest papers{{ else }}Papers, page {{ $pager.PageNumber }}{{ end }}</h1>
<p class="lead">{{ len site.RegularPages }} papers over {{ len $days }} days</p>
{{ range $i, $d := $pager.Pages }}<section class="day">
<h2><a href="{{ .RelPermalink }}">{{ .Date.Format "Monday, 2 January 2006" }}</a> <small>{{ len .Pages }} papers</small></h2>
{{ with .Params.dayTitle }}<p class="lead">{{ . }}</p>{{ end }}
{{ if and (eq $pager.PageNumber 1) (eq $i 0) }}{{ range .Pages }}{{ partial "paper.html" (dict "p" . "level" 3) }}{{ end }}
{{ else }}<ul class="paper-list">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Params.authors }} <small>{{ delimit . ", " }}</small>{{ end }}</li>{{ end }}</ul>
{{ end }}{{ with .Params.links }}<h3>Also on this day</h3><ul class="links-list">{{ range . }}<li><a href="{{ .url }}" rel="nofollow noopener">{{ .title }}</a></li>{{ end }}</ul>{{ end }}
</section>
{{ else }}<p>No papers yet.</p>
{{ end }}{{ partial "pager.html" $pager }}
{{ end }}
""",
    # one day: every paper of the day, its links, previous and next day
    "days/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<p class="lead"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "Monday, 2 January 2006" }}</time> · {{ len .Pages }} papers{{ with .Params.links }} · {{ len . }} links{{ end }}</p>
{{ with .Description }}<p>{{ . }}</p>{{ end }}
{{ range .Pages }}{{ partial "paper.html" (dict "p" . "level" 2) }}{{ end }}
{{ with .Params.links }}<section class="also">
<h2>Also on this day</h2>
{{ range . }}<article class="link-item"><h3><a href="{{ .url }}" rel="nofollow noopener">{{ .title }}</a></h3>{{ with .summary }}<div class="blurb">{{ . | markdownify }}</div>{{ end }}</article>
{{ end }}</section>
{{ end }}<nav class="pager" aria-label="Days">
{{ with .Params.prev }}<a rel="prev" href="{{ printf "days/%s/" . | relURL }}">← {{ . }}</a>{{ end }}
{{ with .Params.next }}<a rel="next" href="{{ printf "days/%s/" . | relURL }}">{{ . }} →</a>{{ end }}
</nav>
{{ end }}
""",
    # the archive: every day, newest first
    "days/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<p class="lead">{{ len site.RegularPages }} papers over {{ len .Pages }} days</p>
<ul class="days">{{ range .Pages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "Monday, 2 January 2006" }}</time></a> <small>{{ len .Pages }} papers</small></li>{{ end }}</ul>
{{ end }}
""",
    # one tag: its papers, papers_per_tag_page (50) a page
    "tags/term.html": """{{ define "main" }}<h1>Papers tagged {{ .Title }}</h1>
<p class="lead">{{ len .Pages }} papers{{ with .OutputFormats.Get "rss" }} · <a href="{{ .RelPermalink }}">RSS feed for this tag</a>{{ end }}</p>
{{ $pager := .Paginate .Pages site.Params.papersPerTagPage }}<ul class="paper-list">{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 Jan 2006" }}</time></li>{{ end }}</ul>
{{ partial "pager.html" $pager }}
{{ end }}
""",
    # every tag with its count
    "tags/taxonomy.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="tag-cloud">{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> <small>{{ .Count }}</small></li>{{ end }}</ul>
{{ end }}
""",
    "404.html": """{{ define "main" }}<h1>Page not found</h1>
<p>This page does not exist. Try the <a href="{{ site.Home.RelPermalink }}">latest papers</a>, the <a href="{{ "days/" | relURL }}">archive</a> or the <a href="{{ "tags/" | relURL }}">tags</a>.</p>
{{ end }}
""",
}

# Characters Goldmark could read as markup (or Hugo as a shortcode, `{{<`), escaped with a
# backslash.
_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}])")


def md_escape(text):
    """Plain text -> markdown that renders as the same text (paragraphs kept)."""
    return escape_markdown(text, _INLINE)


def long_date(d):
    return f"{d.strftime('%A')}, {d.day} {d.strftime('%B')} {d.year}"


def paper_file(p):
    days = sorted(p["days"])
    brief = p.get("gist") or first_sentence(p.get("summary") or "")
    fm = [
        "+++",
        f"title = {toml_str(p['title'])}",
        f"date = {days[0]}",
        f"authors = {toml_list(p.get('authors') or [])}",
        f"tags = {toml_list(p.get('tags') or [])}",
        f"days = {toml_list(days)}",
    ]
    if brief:
        fm.append(f"summary = {toml_str(brief)}")
    for key in ("arxiv", "pdf", "hf"):
        if p.get(key):
            fm.append(f"{key} = {toml_str(p[key])}")
    fm.append("+++")
    links = [
        f"[{label}]({p[key]})"
        for key, label in (("arxiv", f"arXiv {p['id']}"), ("pdf", "PDF"), ("hf", "Hugging Face"))
        if p.get(key)
    ]
    body = []
    if links:
        body.append(" ".join(links))
    for key, heading in (
        ("note", "Note"),
        ("gist", "In one sentence"),
        ("summary", "Summary"),
        ("abstract", "Abstract"),
    ):
        if p.get(key):
            body.append(f"## {heading}\n\n{md_escape(p[key])}")
    return "\n".join(fm) + "\n" + "\n\n".join(body) + "\n"


def day_file(day, prev_date, next_date):
    d = datetime.date.fromisoformat(day["date"])
    fm = [
        "+++",
        f"title = {toml_str(day.get('title') or 'Papers for ' + long_date(d))}",
        f"date = {day['date']}",
    ]
    if day.get("title"):
        fm.append(f"dayTitle = {toml_str(day['title'])}")
    if day.get("description"):
        fm.append(f"description = {toml_str(day['description'])}")
    if prev_date:
        fm.append(f"prev = {toml_str(prev_date)}")
    if next_date:
        fm.append(f"next = {toml_str(next_date)}")
    for link in day.get("links") or []:
        fm.append("[[links]]")
        fm.append(f"title = {toml_str(link.get('title') or link['url'])}")
        fm.append(f"url = {toml_str(link['url'])}")
        if link.get("summary"):
            fm.append(f"summary = {toml_str(md_escape(link['summary']))}")
    fm.append("+++")
    return "\n".join(fm) + "\n"


def hugo_toml(base_url, title, rss_limit, new_config, related):
    rss = f"[services.rss]\nlimit = {rss_limit}\n" if new_config else ""
    top = "" if new_config else f"rssLimit = {rss_limit}\n"
    return f"""baseURL = {toml_str(base_url)}
title = {toml_str(title)}
languageCode = "en"
{top}
[params]
description = "A daily digest of AI research papers."
daysPerPage = 7         # papertrail's days_per_page
papersPerTagPage = 50   # papertrail's papers_per_tag_page
related = {"true" if related else "false"}

[taxonomies]
tag = "tags"
day = "days"

# Hugo's defaults, spelled out: an RSS feed for home, sections, taxonomies and terms.
[outputs]
home = ["HTML", "RSS"]
section = ["HTML", "RSS"]
taxonomy = ["HTML", "RSS"]
term = ["HTML", "RSS"]

# "Related" on paper pages, like papertrail's: most shared tags, then closest in time.
[related]
includeNewer = true
threshold = 0
toLower = false
[[related.indices]]
name = "tags"
weight = 100
[[related.indices]]
name = "date"
weight = 10
{rss}"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("papertrail_out", help="a papertrail output folder (with data/)")
    ap.add_argument("site", help="Hugo site folder to create")
    ap.add_argument("--force", action="store_true", help="replace SITE if it exists")
    ap.add_argument("--title", help="site title (default: the title of papertrail's atom.xml)")
    ap.add_argument("--base-url", help="baseURL (default: taken from the export's URLs)")
    ap.add_argument(
        "--rss-limit",
        type=int,
        default=30,
        help="entries per RSS feed (default 30 = papertrail's feed_limit; -1 = Hugo's default, unlimited)",
    )
    ap.add_argument(
        "--new-config",
        action="store_true",
        help="Hugo >= 0.114: write [services.rss] limit instead of the older rssLimit",
    )
    ap.add_argument(
        "--related",
        action="store_true",
        help="list 3 related papers on paper pages (Hugo's .Related; superlinear, see above)",
    )
    args = ap.parse_args()

    src = args.papertrail_out
    out, days, n_papers, tags, base_url = start("hugo_convert", args, paper_file)
    put = out.put

    # days: term metadata of the `days` taxonomy
    for day, prev_date, next_date in with_neighbours(days):
        put(os.path.join("content", "days", day["date"], "_index.md"), day_file(day, prev_date, next_date))

    title = args.title or site_title(src)
    put("content/papers/_index.md", '+++\ntitle = "Every paper"\n+++\n')
    put("content/days/_index.md", '+++\ntitle = "Archive"\n+++\n')
    put("content/tags/_index.md", '+++\ntitle = "Tags"\n+++\n')
    put(
        "hugo.toml",
        hugo_toml(base_url or "http://127.0.0.1:1313/", title, args.rss_limit, args.new_config, args.related),
    )
    for rel, text in LAYOUTS.items():
        put(os.path.join("layouts", rel), text)
    out.stylesheet(src, FALLBACK_CSS)

    out.summary(n_papers, len(days), len(tags))


if __name__ == "__main__":
    main()
