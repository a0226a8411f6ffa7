"""What benches/hugo_convert.py and benches/zola_convert.py share: reading papertrail's
export (its site title, each paper's first sentence and file name) and writing TOML and
files. Each converter keeps its own markdown escaping (Zola also escapes `%`, which its
shortcodes use)."""

import json
import os
import re


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


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return len(text.encode("utf-8"))
