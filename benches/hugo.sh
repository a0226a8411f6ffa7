#!/usr/bin/env bash
# Benchmark Hugo on the same synthetic archives benches/run.sh builds with papertrail.
#
# Usage:  benches/hugo.sh [DAYS ...]          (default: 365 3650)
#
# Environment:
#   BENCH_DIR       scratch directory (default /tmp/papertrail-bench), as for run.sh: the
#                   papertrail output $BENCH_DIR/out-DAYS is the input; when it is missing
#                   it is built from $BENCH_DIR/archive-DAYS (generated when missing too).
#                   Hugo's site goes to $BENCH_DIR/hugo-site-DAYS, its output to
#                   $BENCH_DIR/hugo-out-DAYS
#   BENCH_SEED      generator seed for a missing archive (default 42)
#   PAPERTRAIL_BIN  papertrail binary for a missing out-DAYS (default target/release/papertrail;
#                   never built here)
#   HUGO_BIN        Hugo binary (default: hugo; Debian: apt-get install -y hugo)
#   HUGO_RELATED    1 adds 3 related papers to every paper page via Hugo's .Related, as
#                   papertrail's paper pages have; off by default: Hugo's related search
#                   walks every page sharing a tag with the page, so its cost grows with
#                   papers^2 or worse (Hugo 0.111: +2 s CPU at 30 days, +27 s at 90 days)
#   HUGO_RSS_LIMIT  entries per RSS feed (default 30, papertrail's feed_limit; -1 = all)
#
# benches/hugo_convert.py turns papertrail's machine-readable export (data/papers/*.ndjson.gz,
# data/days.json) into a Hugo site: a page per paper, a `days` taxonomy (a list page and a
# feed per day), a `tags` taxonomy, a paginated home of the latest days, and a small theme
# with papertrail's markup and style.css. Hugo thus gets exactly the papers papertrail parsed.
# Conversion is not timed (it plays the role of the generator).
#
# For each size: convert, one warm-up `hugo` build, remove the output, then the measured
# build under `/usr/bin/time -v`, then output files and bytes and the time of a plain
# `cp -r` of the output, as run.sh does. Warm page cache; `sync` before each timed step.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=benches/common.sh
source benches/common.sh
repo=$PWD
bench_dir=${BENCH_DIR:-/tmp/papertrail-bench}
seed=${BENCH_SEED:-42}
related=${HUGO_RELATED:-0}
rss_limit=${HUGO_RSS_LIMIT:-30}

sizes_and_seed "$seed" "$@"
[[ $related =~ ^[01]$ ]] || die "HUGO_RELATED must be 0 or 1, got '$related'"
[[ $rss_limit =~ ^(-1|[1-9][0-9]*)$ ]] || die "HUGO_RSS_LIMIT must be -1 or a positive number, got '$rss_limit'"

hugo=$(command -v -- "${HUGO_BIN:-hugo}") || die "Hugo not found (HUGO_BIN=${HUGO_BIN:-hugo}).
  Install it with: apt-get install -y hugo   (Debian/Ubuntu), or set HUGO_BIN"
need_gnu_time
command -v python3 >/dev/null || die "python3 is needed for benches/hugo_convert.py"

hugo_version=$("$hugo" version)
log "$hugo_version"
# Hugo 0.114 moved rssLimit to [services.rss] limit.
convert_opts=(--force --rss-limit "$rss_limit")
read -r hv_major hv_minor < <(sed -n 's/^hugo v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p' <<<"$hugo_version") || true
if [[ -n ${hv_minor:-} ]] && ((hv_major > 0 || hv_minor >= 114)); then
    convert_opts+=(--new-config)
fi
[[ $related == 1 ]] && convert_opts+=(--related)

mkdir -p "$bench_dir"
bench_dir=$(cd "$bench_dir" && pwd)

# --- helpers -----------------------------------------------------------------
# papertrail_out DAYS OUT: make sure OUT holds a papertrail build of archive-DAYS
papertrail_out() {
    local days=$1 out=$2 archive=$bench_dir/archive-$1 bin
    [[ -f $out/data/days.json ]] && return 0
    if [[ ! -f $archive/config.toml ]]; then
        local gen=$repo/target/gen_archive
        if [[ ! -x $gen ]]; then
            log "building generator: rustc -O benches/gen_archive.rs -o target/gen_archive"
            mkdir -p target
            rustc -O benches/gen_archive.rs -o "$gen"
        fi
        log "generating $days days (seed $seed) into $archive"
        rm -rf -- "$archive"
        "$gen" --days "$days" --seed "$seed" --out "$archive" >&2
    fi
    bin=${PAPERTRAIL_BIN:-${CARGO_TARGET_DIR:-$repo/target}/release/papertrail}
    bin=$(command -v -- "$bin") || die "papertrail binary $bin not found (cargo build --release, or set PAPERTRAIL_BIN)"
    log "building the papertrail site $out with $bin"
    rm -rf -- "$out"
    "$bin" --root "$archive" build --output-dir "$out" >"$bench_dir/build-$days.log" 2>&1 ||
        die "papertrail build failed (log: $bench_dir/build-$days.log)"
}

# kinds OUT DAYS -> one markdown row per kind of Hugo output file
kinds() {
    (cd "$1" && find . -type f -printf '%s %p\n') | awk '
        { p = $2; n = split(p, a, "/"); k = "other" }
        p ~ /\/page\/1\/index\.html$/        { k = "pagination aliases" }
        k == "other" && p ~ /index\.xml$/    { k = "feeds" }
        k == "other" && a[2] == "papers"     { k = (n == 4) ? "paper pages" : "papers list" }
        k == "other" && a[2] == "days"       { k = (n == 4) ? "day pages" : "archive list" }
        k == "other" && a[2] == "tags"       { k = (n == 3) ? "tags list" : "tag pages" }
        k == "other" && (a[2] == "page" || p == "./index.html") { k = "home pages" }
        k == "other" && p ~ /sitemap/        { k = "sitemaps" }
        k == "other" && p == "./404.html"    { k = "404 page" }
        k == "other" && p ~ /\.css$/         { k = "css" }
        { files[k]++; bytes[k] += $1; total += $1 }
        END {
            for (k in files)
                printf "| %s | %s | %d | %.1f | %.0f | %.1f%% |\n", days, k, files[k], bytes[k] / 1e6, bytes[k] / files[k], 100 * bytes[k] / total
        }' days="$2" | sort -t'|' -k5,5 -rn
}

rows=()
kind_rows=()
checks=()
for days in "${sizes[@]}"; do
    out=$bench_dir/out-$days
    site=$bench_dir/hugo-site-$days
    hout=$bench_dir/hugo-out-$days
    buildlog=$bench_dir/hugo-build-$days.log
    timelog=$bench_dir/hugo-time-$days.txt

    papertrail_out "$days" "$out"

    log "converting $out into the Hugo site $site"
    stats=$(python3 benches/hugo_convert.py "$out" "$site" "${convert_opts[@]}")
    echo "$stats" >&2
    papers=$(field papers "$stats")
    n_days=$(field days "$stats")
    n_tags=$(field tags "$stats")
    in_files=$(field files "$stats")
    in_bytes=$(field bytes "$stats")

    log "warm-up build"
    rm -rf -- "$hout"
    if ! "$hugo" --source "$site" --destination "$hout" >"$buildlog" 2>&1; then
        tail -n 30 "$buildlog" >&2
        die "warm-up build failed for $days days (full log: $buildlog)"
    fi

    log "measured build"
    rm -rf -- "$hout"
    timed_build "Hugo build of $days days" "$buildlog" "$timelog" \
        "$hugo" --source "$site" --destination "$hout"

    out_files=$(find "$hout" -type f | wc -l)
    out_bytes=$(du -sb "$hout" | cut -f1)
    # pages: index.html files that are not pagination aliases (redirects to page 1)
    pages=$(find "$hout" -type f -name index.html ! -path '*/page/1/index.html' | wc -l)
    feeds=$(find "$hout" -type f -name index.xml | wc -l)
    paper_pages=$(find "$hout/papers" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
    day_pages=$(find "$hout/days" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
    day_feeds=$(find "$hout/days" -mindepth 2 -maxdepth 2 -type f -name index.xml | wc -l)
    tag_terms=$(find "$hout/tags" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
    tag_feeds=$(find "$hout/tags" -mindepth 2 -maxdepth 2 -type f -name index.xml | wc -l)
    mapfile -t more < <(kinds "$hout" "$days")
    kind_rows+=("${more[@]}")
    pps=$(div "$pages" "$wall" "%.0f")
    check="| $days | $papers | $paper_pages | $n_days | $day_pages | $day_feeds | $n_tags | $tag_terms | $tag_feeds | $feeds |"
    checks+=("$check")
    if [[ $paper_pages != "$papers" || $day_pages != "$n_days" || $tag_terms != "$n_tags" ]]; then
        log "WARNING: page counts differ from the export: $check"
    fi

    log "timing cp -r of the output (floor)"
    cp_s=$(copy_time "$hout")
    ratio=$(div "$wall" "$cp_s" "%.1f")

    rows+=("| $days | $in_files | $(mib "$in_bytes") | $papers | $wall | $cpu | $rss | $out_files | $(mib "$out_bytes") | $pages | $feeds | $pps | $cp_s | $ratio |")
    log "done: wall ${wall}s, cpu ${cpu}s, rss ${rss} MiB, $pages pages, $feeds feeds"
done

# --- report ------------------------------------------------------------------
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo "no commit")
if [[ $related == 1 ]]; then related_s="on"; else related_s="off"; fi

report=$bench_dir/hugo-results.md
{
    machine_line "$bench_dir"
    echo "Hugo: $hugo_version ($hugo); converter benches/hugo_convert.py (repo at $rev); warm page cache"
    echo "Site: RSS limit $rss_limit, related papers $related_s; input = papertrail's export of \$BENCH_DIR/out-DAYS"
    echo
    echo "| days | Hugo input files | input MiB | papers | build wall s | CPU s (user+sys) | peak RSS MiB | output files | output MiB (du -sb) | pages | feeds | pages/s | cp -r s | build/cp |"
    echo "|-----:|-----------------:|----------:|-------:|-------------:|-----------------:|-------------:|-------------:|-------------------:|------:|------:|--------:|--------:|---------:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Pages and feeds against the export:"
    echo
    echo "| days | papers | paper pages | days | day pages | day feeds | tags | tag pages (page 1) | tag feeds | all feeds |"
    echo "|-----:|-------:|------------:|-----:|----------:|----------:|-----:|-------------------:|----------:|----------:|"
    printf '%s\n' "${checks[@]}"
    echo
    echo "Output bytes by kind (file sizes, MB = 10^6 bytes):"
    echo
    echo "| days | kind | files | MB | bytes per file | share |"
    echo "|-----:|------|------:|---:|---------------:|------:|"
    printf '%s\n' "${kind_rows[@]}"
} | tee "$report"
log "report saved to $report"
