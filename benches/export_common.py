"""What benches/hugo_convert.py and benches/zola_convert.py share: reading papertrail's
export (its site title, each paper's first sentence and file name), writing TOML,
markdown and files, and the frame of a conversion (papers streamed, days with their
neighbours, the stylesheet, the summary line). Each converter says which characters its
markdown escapes (Zola also escapes `%`, which its shortcodes use)."""

import gzip
import glob
import json
import os
import re
import shutil
import sys
import time


def toml_str(s):
    # JSON string escapes are valid TOML basic-string escapes; TOML also wants DEL escaped.
    return json.dumps(s, ensure_ascii=False).replace("\x7f", "\\u007f")


def toml_list(items):
    return "[" + ", ".join(toml_str(x) for x in items) + "]"


def first_sentence(text):
    m = re.search(r"[.!?](\s|$)", text)
    return text[: m.start() + 1] if m else text


def safe_name(paper_id):
    return re.sub(r"[^A-Za-z0-9._-]", "_", paper_id)


def site_title(out_dir):
    try:
        with open(os.path.join(out_dir, "atom.xml"), encoding="utf-8") as f:
            m = re.search(r"<title>([^<]*)</title>", f.read(4096))
        if m:
            return (
                m.group(1)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", '"')
                .replace("&apos;", "'")
                .replace("&amp;", "&")
            )
    except OSError:
        pass
    return "Daily papers"


FALLBACK_CSS = "body{font:1rem/1.55 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:0 1rem}\n"

# A line start markdown reads as a block: a heading, quote, list item or setext underline.
_BLOCK = re.compile(r"^([#>+=-]|\d+[.)])")


def escape_markdown(text, inline):
    """Plain text -> markdown that renders as the same text (paragraphs kept), the
    characters INLINE matches escaped with a backslash (CommonMark lets any ASCII
    punctuation be escaped)."""
    out = []
    for line in text.split("\n"):
        line = inline.sub(r"\\\1", line.strip())
        m = _BLOCK.match(line)
        if m:
            line = line[: m.end() - 1] + "\\" + line[m.end() - 1 :]
        out.append(line)
    return "\n".join(out)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def open_export(tool, src, site, force):
    """The export's days.json and paper files under SRC, with SITE made empty for TOOL's
    converter (exits with a message when either cannot be)."""
    days_json = os.path.join(src, "data", "days.json")
    parts = sorted(glob.glob(os.path.join(src, "data", "papers", "*.ndjson.gz")))
    if not os.path.isfile(days_json) or not parts:
        sys.exit(f"{tool}: {src} has no data/days.json or data/papers/*.ndjson.gz")
    if os.path.lexists(site):
        if not force:
            sys.exit(f"{tool}: {site} exists (use --force to replace it)")
        shutil.rmtree(site)
    return days_json, parts


def write_papers(tool, parts, papers_dir, paper_file, base_url):
    """Streams every listed paper of the export into PAPERS_DIR/NAME.md as PAPER_FILE
    writes it. Returns (papers, bytes, tags, base_url), the base URL taken from the
    export's URLs when BASE_URL is None."""
    names = set()
    n_papers = 0
    nbytes = 0
    tags = set()
    for part in parts:
        with gzip.open(part, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                p = json.loads(line)
                if not p.get("days"):
                    continue
                if base_url is None and p.get("url"):
                    m = re.match(r"(.*/)papers/[^/]+/?$", p["url"])
                    base_url = m.group(1) if m else None
                name = safe_name(p["id"])
                if name in names:
                    sys.exit(f"{tool}: two papers map to content/papers/{name}.md")
                names.add(name)
                nbytes += write(os.path.join(papers_dir, name + ".md"), paper_file(p))
                n_papers += 1
                tags.update(p.get("tags") or [])
    return n_papers, nbytes, tags, base_url


def load_days(days_json):
    """The export's days, oldest first."""
    with open(days_json, encoding="utf-8") as f:
        days = json.load(f)
    days.sort(key=lambda d: d["date"])
    return days


class SiteWriter:
    """Writes TOOL's site under SITE, counting files and bytes for the summary line."""

    def __init__(self, tool, site):
        self.tool = tool
        self.site = site
        self.files = 0
        self.bytes = 0
        self.t0 = time.monotonic()

    def put(self, rel, text):
        path = os.path.join(self.site, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        self.bytes += write(path, text)
        self.files += 1

    def stylesheet(self, src, fallback):
        """papertrail's style.css from the output SRC as static/style.css, else FALLBACK."""
        css = os.path.join(src, "style.css")
        os.makedirs(os.path.join(self.site, "static"), exist_ok=True)
        if os.path.isfile(css):
            shutil.copyfile(css, os.path.join(self.site, "static", "style.css"))
            self.files += 1
            self.bytes += os.path.getsize(css)
        else:
            self.put("static/style.css", fallback)

    def summary(self, papers, days, tags):
        print(
            f"{self.tool}: papers={papers} days={days} tags={tags} "
            f"files={self.files} bytes={self.bytes} seconds={time.monotonic() - self.t0:.2f}"
        )


def start(tool, args, paper_file):
    """The first steps of TOOL's conversion of ARGS.papertrail_out into ARGS.site: the
    site made empty, every paper written to content/papers/ by PAPER_FILE. Returns
    (writer, days oldest first, papers, tags, base_url)."""
    out = SiteWriter(tool, args.site)
    days_json, parts = open_export(tool, args.papertrail_out, args.site, args.force)
    papers_dir = os.path.join(args.site, "content", "papers")
    os.makedirs(papers_dir)
    n_papers, paper_bytes, tags, base_url = write_papers(
        tool, parts, papers_dir, paper_file, args.base_url
    )
    out.files += n_papers
    out.bytes += paper_bytes
    return out, load_days(days_json), n_papers, tags, base_url


def with_neighbours(days):
    """Each day with the dates of the days before and after it (None at either end)."""
    for i, day in enumerate(days):
        prev_date = days[i - 1]["date"] if i > 0 else None
        next_date = days[i + 1]["date"] if i + 1 < len(days) else None
        yield day, prev_date, next_date
