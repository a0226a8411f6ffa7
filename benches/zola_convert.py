#!/usr/bin/env python3
"""Turn a papertrail build's machine-readable export into an equivalent Zola site.

Usage:  python3 benches/zola_convert.py PAPERTRAIL_OUT ZOLA_SITE [options]

Input is what `papertrail build` wrote, so Zola gets exactly the papers papertrail
parsed (no second parser of the digest formats), as for benches/hugo_convert.py:
  PAPERTRAIL_OUT/data/papers/YYYY.ndjson.gz   one JSON object per paper
  PAPERTRAIL_OUT/data/days.json               every day, newest first
  PAPERTRAIL_OUT/style.css                    the theme's CSS, copied verbatim
  PAPERTRAIL_OUT/atom.xml                     only for the site title (--title overrides)

Output (ZOLA_SITE must not exist, or --force replaces it):
  config.toml                   taxonomies `tags` (an Atom feed per tag, as papertrail has)
                                and `days` (no feed: papertrail has none per day); the
                                site's Atom feed; no pagination anywhere (`paginate_by`
                                absent), so a tag is one page listing all its papers
  content/_index.md             the home: the latest days (papertrail's days_per_page, 7)
  content/papers/_index.md      the papers section, not rendered (papertrail has no
                                /papers/ list); its pages are
  content/papers/<id>.md        one page per paper: title, date, [taxonomies] tags and
                                days, [extra] authors, links and the one-line brief;
                                the body is the note, gist, summary and abstract
  data/days/YYYY-MM-DD.toml     a day's title, links, previous and next day, which a
                                taxonomy term cannot carry; the day page loads it
  templates/                    index, page, section, taxonomy_list, taxonomy_single,
                                404, and a macro for a paper in a list: papertrail's
                                markup and CSS classes
  static/style.css

A day is a term of a `days` taxonomy (each paper lists every day it appeared on), not a
section: a paper can appear on several days, and a taxonomy is Zola's own many-to-many
membership, which gives every day a page.

Export text is plain (papertrail renders and strips markdown); it is escaped so that
Zola's markdown renders it back as the same text and never sees a shortcode in it.

Streaming: papers are read line by line and written one file at a time; only days.json
(a few MB for ten years) is held in memory. Standard library only.
"""

import argparse
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

DAYS_PER_PAGE = 7  # papertrail's days_per_page: days on the home page

# ---------------------------------------------------------------------------
# theme: papertrail's default theme redone in Tera, same markup and CSS classes as
# benches/hugo_convert.py's; no search form (no search index here), no month/year
# calendars (one archive list of days instead), no related papers (Zola has none).
# Links are written from config.base_url and the names (slugify), not get_url or
# get_taxonomy_url: the same links, without a lookup per link.

TEMPLATES = {
    "base.html": """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{% block title %}{{ config.title }}{% endblock title %}</title>
<meta name="description" content="{% block description %}{{ config.description }}{% endblock description %}">
{% if current_url is defined %}<link rel="canonical" href="{{ current_url | safe }}">{% endif %}
<meta property="og:title" content="{% block og_title %}{{ config.title }}{% endblock og_title %}">
<meta name="twitter:card" content="summary">
<link rel="stylesheet" href="{{ config.base_url | safe }}/style.css">
<link rel="alternate" type="application/atom+xml" title="{{ config.title }}" href="{{ config.base_url | safe }}/atom.xml">
{% block feeds %}{% endblock feeds %}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<a class="brand" href="{{ config.base_url | safe }}/">{{ config.title }}</a>
<nav aria-label="Site"><a href="{{ config.base_url | safe }}/days/">Archive</a> <a href="{{ config.base_url | safe }}/tags/">Tags</a> <a href="{{ config.base_url | safe }}/atom.xml">Feed</a></nav>
</header>
<main id="main">{% block main %}{% endblock main %}</main>
<footer class="site">
<p>Summaries are machine-written: check the paper before citing it.</p>
</footer>
</body>
</html>
""",
    # one paper in a list (a day, a tag, the home's newest day): authors, tags, the
    # one-line brief, its links; Tera macros see only their arguments, hence `base`
    "macros.html": """{% macro paper(p, level, base) %}<article class="paper" id="arxiv-{{ p.slug }}">
<h{{ level }}><a href="{{ p.permalink | safe }}">{{ p.title }}</a></h{{ level }}>
{% if p.extra.authors %}<p class="authors">{{ p.extra.authors | join(sep=", ") }}</p>{% endif %}
{% if p.taxonomies.tags %}<ul class="tags">{% for t in p.taxonomies.tags %}<li><a href="{{ base | safe }}/tags/{{ t | slugify }}/">{{ t }}</a></li>{% endfor %}</ul>{% endif %}
{% if p.extra.brief %}<p class="blurb">{{ p.extra.brief | truncate(length=250) }}</p>{% endif %}
<p class="links">{% if p.extra.arxiv %}<a href="{{ p.extra.arxiv | safe }}">arXiv {{ p.slug }}</a>{% endif %}{% if p.extra.pdf %} <a href="{{ p.extra.pdf | safe }}">PDF</a>{% endif %}{% if p.extra.hf %} <a href="{{ p.extra.hf | safe }}">Hugging Face</a>{% endif %}</p>
</article>
{% endmacro paper %}
""",
    # a paper: where it was listed, its links, authors, tags, then the markdown body
    "page.html": """{% extends "base.html" %}
{% block title %}{{ page.title }} · {{ config.title }}{% endblock title %}
{% block description %}{% if page.extra.brief %}{{ page.extra.brief | truncate(length=200) }}{% else %}{{ config.description }}{% endif %}{% endblock description %}
{% block og_title %}{{ page.title }}{% endblock og_title %}
{% block main %}<article class="paper">
<h1>{{ page.title }}</h1>
<p>Listed on {% for d in page.taxonomies.days %}<a href="{{ config.base_url | safe }}/days/{{ d }}/#arxiv-{{ page.slug }}"><time datetime="{{ d }}">{{ d | date(format="%-d %b %Y") }}</time></a> {% endfor %}·{% if page.extra.arxiv %} <a href="{{ page.extra.arxiv | safe }}">arXiv {{ page.slug }}</a>{% endif %}{% if page.extra.pdf %} <a href="{{ page.extra.pdf | safe }}">PDF</a>{% endif %}{% if page.extra.hf %} <a href="{{ page.extra.hf | safe }}">Hugging Face</a>{% endif %}</p>
{% if page.extra.authors %}<p class="authors">{{ page.extra.authors | join(sep=", ") }}</p>{% endif %}
{% if page.taxonomies.tags %}<p>Tags: {% for t in page.taxonomies.tags %}<a href="{{ config.base_url | safe }}/tags/{{ t | slugify }}/">{{ t }}</a> {% endfor %}</p>{% endif %}
{{ page.content | safe }}
</article>
{% endblock main %}
""",
    # any other section (the papers section is not rendered): its latest 50 pages
    "section.html": """{% extends "base.html" %}
{% block title %}{{ section.title }} · {{ config.title }}{% endblock title %}
{% block main %}<h1>{{ section.title }}</h1>
<ul class="paper-list">{% for p in section.pages | slice(end=50) %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a></li>{% endfor %}</ul>
{% endblock main %}
""",
    # home: the latest days (their dates in the home's extra); the newest day in full
    "index.html": """{% extends "base.html" %}{% import "macros.html" as m %}
{% block main %}<h1>Latest papers</h1>
<p class="lead">{{ section.extra.papers }} papers over {{ section.extra.days }} days</p>
{% for d in section.extra.latest %}{% set term = get_taxonomy_term(kind="days", term=d) %}<section class="day">
<h2><a href="{{ term.permalink | safe }}">{{ d | date(format="%A, %-d %B %Y") }}</a> <small>{{ term.page_count }} papers</small></h2>
{% if loop.first %}{% for p in term.pages %}{{ m::paper(p=p, level=3, base=config.base_url) }}{% endfor %}
{% else %}<ul class="paper-list">{% for p in term.pages %}<li><a href="{{ p.permalink | safe }}">{{ p.title }}</a>{% if p.extra.authors %} <small>{{ p.extra.authors | join(sep=", ") }}</small>{% endif %}</li>{% endfor %}</ul>
{% endif %}</section>
{% else %}<p>No papers yet.</p>
{% endfor %}
{% endblock main %}
""",
    # a day (every paper of it in full, its links, previous and next day) or a tag
    # (every paper of it, on one page: no pagination)
    "taxonomy_single.html": """{% extends "base.html" %}{% import "macros.html" as m %}
{% block title %}{% if taxonomy.name == "days" %}Papers for {{ term.name }}{% else %}Papers tagged {{ term.name }}{% endif %} · {{ config.title }}{% endblock title %}
{% block description %}{{ term.page_count }} papers{% if taxonomy.name == "tags" %} tagged {{ term.name }}{% else %} on {{ term.name }}{% endif %}{% endblock description %}
{% block og_title %}{% if taxonomy.name == "days" %}Papers for {{ term.name }}{% else %}Papers tagged {{ term.name }}{% endif %}{% endblock og_title %}
{% block feeds %}{% if taxonomy.name == "tags" %}<link rel="alternate" type="application/atom+xml" title="{{ config.title }} — {{ term.name }}" href="{{ term.permalink | safe }}atom.xml">
{% endif %}{% endblock feeds %}
{% block main %}{% if taxonomy.name == "days" %}{% set meta = load_data(path="data/days/" ~ term.name ~ ".toml", required=false) %}
<h1>{% if meta and meta.title %}{{ meta.title }}{% else %}Papers for {{ term.name | date(format="%A, %-d %B %Y") }}{% endif %}</h1>
<p class="lead"><time datetime="{{ term.name }}">{{ term.name | date(format="%A, %-d %B %Y") }}</time> · {{ term.page_count }} papers{% if meta and meta.links %} · {{ meta.links | length }} links{% endif %}</p>
{% if meta and meta.description %}<p>{{ meta.description }}</p>{% endif %}
{% for p in term.pages %}{{ m::paper(p=p, level=2, base=config.base_url) }}{% endfor %}
{% if meta and meta.links %}<section class="also">
<h2>Also on this day</h2>
{% for l in meta.links %}<article class="link-item"><h3><a href="{{ l.url | safe }}" rel="nofollow noopener">{{ l.title }}</a></h3>{% if l.summary %}<div class="blurb">{{ l.summary | markdown | safe }}</div>{% endif %}</article>
{% endfor %}</section>
{% endif %}<nav class="pager" aria-label="Days">
{% if meta and meta.prev %}<a rel="prev" href="{{ config.base_url | safe }}/days/{{ meta.prev }}/">← {{ meta.prev }}</a>{% endif %}
{% if meta and meta.next %}<a rel="next" href="{{ config.base_url | safe }}/days/{{ meta.next }}/">{{ meta.next }} →</a>{% endif %}
</nav>
{% else %}<h1>Papers tagged {{ term.name }}</h1>
<p class="lead">{{ term.page_count }} papers · <a href="{{ term.permalink | safe }}atom.xml">Atom feed for this tag</a></p>
{% for p in term.pages %}{{ m::paper(p=p, level=2, base=config.base_url) }}{% endfor %}
{% endif %}{% endblock main %}
""",
    # the archive (every day, newest first) or every tag with its count
    "taxonomy_list.html": """{% extends "base.html" %}
{% block title %}{% if taxonomy.name == "days" %}Archive{% else %}Tags{% endif %} · {{ config.title }}{% endblock title %}
{% block main %}{% if taxonomy.name == "days" %}<h1>Archive</h1>
<p class="lead">{{ terms | length }} days</p>
<ul class="days">{% for t in terms | reverse %}<li><a href="{{ t.permalink | safe }}"><time datetime="{{ t.name }}">{{ t.name | date(format="%A, %-d %B %Y") }}</time></a> <small>{{ t.page_count }} papers</small></li>{% endfor %}</ul>
{% else %}<h1>Tags</h1>
<ul class="tag-cloud">{% for t in terms %}<li><a href="{{ t.permalink | safe }}">{{ t.name }}</a> <small>{{ t.page_count }}</small></li>{% endfor %}</ul>
{% endif %}{% endblock main %}
""",
    "404.html": """{% extends "base.html" %}
{% block main %}<h1>Page not found</h1>
<p>This page does not exist. Try the <a href="{{ config.base_url | safe }}/">latest papers</a>, the <a href="{{ config.base_url | safe }}/days/">archive</a> or the <a href="{{ config.base_url | safe }}/tags/">tags</a>.</p>
{% endblock main %}
""",
}

# Characters markdown could read as markup (or Zola as a shortcode, `{{` and `{%`),
# escaped with a backslash (CommonMark lets any ASCII punctuation be escaped).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}%])")


def md_escape(text):
    """Plain text -> markdown that renders as the same text (paragraphs kept)."""
    return escape_markdown(text, _INLINE)


def paper_file(p):
    days = sorted(p["days"])
    brief = p.get("gist") or first_sentence(p.get("summary") or "")
    fm = [
        "+++",
        f"title = {toml_str(p['title'])}",
        f"date = {days[0]}",
        "[taxonomies]",
        f"tags = {toml_list(p.get('tags') or [])}",
        f"days = {toml_list(days)}",
        "[extra]",
        f"authors = {toml_list(p.get('authors') or [])}",
    ]
    if brief:
        fm.append(f"brief = {toml_str(brief)}")
    for key in ("arxiv", "pdf", "hf"):
        if p.get(key):
            fm.append(f"{key} = {toml_str(p[key])}")
    fm.append("+++")
    body = []
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
    fm = []
    if day.get("title"):
        fm.append(f"title = {toml_str(day['title'])}")
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
    return "\n".join(fm) + "\n"


def config_toml(base_url, title, feed_limit):
    return f"""base_url = {toml_str(base_url.rstrip("/"))}
title = {toml_str(title)}
description = "A daily digest of AI research papers."
default_language = "en"

# The site's Atom feed (papertrail has /atom.xml), its latest {feed_limit} papers.
generate_feeds = true
feed_filenames = ["atom.xml"]
feed_limit = {feed_limit}

compile_sass = false
build_search_index = false

# A feed per tag (papertrail has one), none per day (nor has papertrail). No paginate_by:
# a tag's page lists all its papers.
taxonomies = [
    {{ name = "tags", feed = true }},
    {{ name = "days" }},
]

[slugify]
paths = "safe"          # content/papers/2401.00001.md -> /papers/2401.00001/
taxonomies = "on"       # "Biology & Medicine" -> /tags/biology-medicine/, as papertrail

[markdown]
render_emoji = false
smart_punctuation = false
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("papertrail_out", help="a papertrail output folder (with data/)")
    ap.add_argument("site", help="Zola site folder to create")
    ap.add_argument("--force", action="store_true", help="replace SITE if it exists")
    ap.add_argument("--title", help="site title (default: the title of papertrail's atom.xml)")
    ap.add_argument("--base-url", help="base_url (default: taken from the export's URLs)")
    ap.add_argument(
        "--feed-limit", type=int, default=30, help="entries per feed (default 30 = papertrail's feed_limit)"
    )
    args = ap.parse_args()

    src = args.papertrail_out
    out, days, n_papers, tags, base_url = start("zola_convert", args, paper_file)
    put = out.put

    # days: what a `days` term cannot carry, loaded by its page
    for day, prev_date, next_date in with_neighbours(days):
        put(os.path.join("data", "days", day["date"] + ".toml"), day_file(day, prev_date, next_date))

    title = args.title or site_title(src)
    latest = [d["date"] for d in reversed(days) if d.get("papers")][:DAYS_PER_PAGE]
    put(
        "content/_index.md",
        f"+++\ntitle = {toml_str(title)}\n[extra]\nlatest = {toml_list(latest)}\n"
        f"papers = {n_papers}\ndays = {len(days)}\n+++\n",
    )
    # rendered = false: no /papers/ list (papertrail has none); the pages still are
    put("content/papers/_index.md", '+++\ntitle = "Every paper"\nrender = false\n+++\n')
    put("config.toml", config_toml(base_url or "http://127.0.0.1:1111/", title, args.feed_limit))
    for rel, text in TEMPLATES.items():
        put(os.path.join("templates", rel), text)
    out.stylesheet(src, FALLBACK_CSS)

    out.summary(n_papers, len(days), len(tags))


if __name__ == "__main__":
    main()
