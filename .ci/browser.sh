#!/usr/bin/env bash
# Browser checks of the demo site in headless Chromium (playwright-core + axe-core), an
# internal link check, and (with --screenshots) the README screenshots:
#
#   bash .ci/browser.sh                 # checks only
#   bash .ci/browser.sh --screenshots   # checks, then refresh docs/screenshots/*.png
#
# The demo is built under a subpath (http://127.0.0.1:PORT/repo/) beside a site made of
# hostile digests (/hostile/), served by python3 -m http.server on 127.0.0.1; the
# browser blocks every request that is not to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/tools.sh
source .ci/tools.sh
need_chromium

shots=""
if [[ "${1:-}" == "--screenshots" ]]; then shots="$PWD/docs/screenshots"; fi

bin=${PAPERTRAIL_BIN:-$PWD/target/release/papertrail}
[[ -x "$bin" ]] || cargo build --release --quiet
work=$(mktemp -d)
server=""
cleanup() {
    if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/repo/"
hostile="http://127.0.0.1:$port/hostile/"
"$bin" build --output-dir "$work/www/repo" --base-url "$base" >/dev/null

mkdir -p "$work/hostile/content"
cp tests/browser/hostile.md "$work/hostile/content/2025-07-04.md"
"$bin" --root "$work/hostile" build --output-dir "$work/www/hostile" --base-url "$hostile" >/dev/null

# A 120-day generated archive, ending before the hand-written days: large enough that
# some two-letter search shards split by three letters (the demo's never do), so search
# is checked on both kinds of shard.
bench="http://127.0.0.1:$port/bench/"
rustc -O benches/gen_archive.rs -o "$work/gen_archive"
"$work/gen_archive" --days 120 --start 2015-11-01 --seed 3 --out "$work/bench" >/dev/null
cp tests/browser/queries.md "$work/bench/content/2016-03-01.md"   # the everyday queries' papers
cp tests/browser/cjk.md "$work/bench/content/2016-03-02.md"       # Chinese summaries
# A newest day larger than the papers feed's limit: the feed must still hold all of it.
echo 'feed_limit = 2' >>"$work/bench/config.toml"
"$bin" --root "$work/bench" build --output-dir "$work/www/bench" --base-url "$bench" >/dev/null 2>&1

# Two real-looking days in a layout read by structure, with TeX, numbered parts and a
# newest day larger than its feed_limit.
reading="http://127.0.0.1:$port/reading/"
cp -r tests/browser/reading "$work/reading"
"$bin" --root "$work/reading" build --output-dir "$work/www/reading" --base-url "$reading" >/dev/null

node tests/browser/links.js "$work/www/repo" "$base"
node tests/browser/links.js "$work/www/hostile" "$hostile"
node tests/browser/links.js "$work/www/reading" "$reading"

python3 -m http.server --bind 127.0.0.1 --directory "$work/www" "$port" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
    if python3 -c "import urllib.request; urllib.request.urlopen('$base')" 2>/dev/null; then break; fi
    sleep 0.1
done

BASE="$base" HOSTILE="$hostile" BENCH="$bench" READING="$reading" node tests/browser/run.js ${shots:+"$shots"}
