#!/usr/bin/env bash
# Benchmark Zola against papertrail on the same synthetic archives, paired in one run.
#
# Usage:  benches/zola.sh [DAYS ...]          (default: 365 3650)
#
# Environment:
#   BENCH_DIR       scratch directory (default /tmp/papertrail-bench), as for run.sh: the
#                   papertrail output $BENCH_DIR/out-DAYS is the converters' input; when it is
#                   missing it is built from $BENCH_DIR/archive-DAYS (generated when missing
#                   too). Zola's site goes to $BENCH_DIR/zola-site-DAYS, its output to
#                   $BENCH_DIR/zola-out-DAYS; papertrail's measured builds to
#                   $BENCH_DIR/pt-out-DAYS
#   BENCH_SEED      generator seed for a missing archive (default 42)
#   BENCH_RUNS      measured builds of each builder per size, alternating (default 3); the
#                   tables give the fastest and the median
#   PAPERTRAIL_BIN  papertrail binary (default target/release/papertrail; never built here)
#   ZOLA_BIN        Zola binary (default: zola)
#   BENCH_HUGO      1 adds Hugo to the same alternation (HUGO_BIN, default hugo; its site
#                   from benches/hugo_convert.py, as benches/hugo.sh makes it, into
#                   $BENCH_DIR/hugo-site-DAYS and $BENCH_DIR/hugo-out-DAYS)
#
# benches/zola_convert.py turns papertrail's machine-readable export (data/papers/*.ndjson.gz,
# data/days.json) into a Zola site: a page per paper, a `days` taxonomy (a page per day), a
# `tags` taxonomy with an Atom feed per tag and every paper of a tag on one page (no
# pagination), the site's Atom feed, a home of the latest days, and templates with
# papertrail's markup and style.css. Conversion is not timed (it plays the role of the
# generator).
#
# For each size: convert, one warm-up build of each builder, then BENCH_RUNS rounds of:
# papertrail build, `cp -r` of its output (the floor for writing that tree), Zola build
# (and Hugo build), each into an empty folder under `/usr/bin/time -v` after a `sync`.
# Warm page cache. Reported: wall (fastest and median), CPU (user+sys) and peak RSS
# (medians), output files and bytes, and the ratios to papertrail's median wall and CPU.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=benches/common.sh
source benches/common.sh
repo=$PWD
bench_dir=${BENCH_DIR:-/tmp/papertrail-bench}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-3}
with_hugo=${BENCH_HUGO:-0}

sizes_and_seed "$seed" "$@"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, got '$runs'"
[[ $with_hugo =~ ^[01]$ ]] || die "BENCH_HUGO must be 0 or 1, got '$with_hugo'"

zola=$(command -v -- "${ZOLA_BIN:-zola}") || die "Zola not found (ZOLA_BIN=${ZOLA_BIN:-zola}).
  Install it from https://www.getzola.org/documentation/getting-started/installation/, or set ZOLA_BIN"
bin=${PAPERTRAIL_BIN:-${CARGO_TARGET_DIR:-$repo/target}/release/papertrail}
bin=$(command -v -- "$bin") || die "papertrail binary $bin not found (cargo build --release, or set PAPERTRAIL_BIN)"
need_gnu_time
command -v python3 >/dev/null || die "python3 is needed for benches/zola_convert.py"

zola_version=$("$zola" --version)
pt_version=$("$bin" --version 2>/dev/null || echo papertrail)
log "$zola_version; $pt_version ($bin)"
builders=(papertrail zola)
if [[ $with_hugo == 1 ]]; then
    hugo=$(command -v -- "${HUGO_BIN:-hugo}") || die "Hugo not found (HUGO_BIN=${HUGO_BIN:-hugo})"
    hugo_version=$("$hugo" version)
    log "$hugo_version"
    hugo_opts=(--force)
    read -r hv_major hv_minor < <(sed -n 's/^hugo v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p' <<<"$hugo_version") || true
    if [[ -n ${hv_minor:-} ]] && ((hv_major > 0 || hv_minor >= 114)); then
        hugo_opts+=(--new-config)
    fi
    builders+=(hugo)
fi

mkdir -p "$bench_dir"
bench_dir=$(cd "$bench_dir" && pwd)

# --- helpers -----------------------------------------------------------------
# papertrail_out DAYS OUT: make sure OUT holds a papertrail build of archive-DAYS
papertrail_out() {
    local days=$1 out=$2 archive=$bench_dir/archive-$1
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
    log "building the papertrail site $out with $bin"
    rm -rf -- "$out"
    "$bin" --root "$archive" build --output-dir "$out" >"$bench_dir/build-$days.log" 2>&1 ||
        die "papertrail build failed (log: $bench_dir/build-$days.log)"
}

# command_for BUILDER DAYS -> sets cmd (the build) and dest (its output folder)
command_for() {
    local days=$2
    case $1 in
    papertrail)
        dest=$bench_dir/pt-out-$days
        cmd=("$bin" --root "$bench_dir/archive-$days" build --output-dir "$dest")
        ;;
    zola)
        dest=$bench_dir/zola-out-$days
        cmd=("$zola" --root "$bench_dir/zola-site-$days" build --output-dir "$dest")
        ;;
    hugo)
        dest=$bench_dir/hugo-out-$days
        cmd=("$hugo" --source "$bench_dir/hugo-site-$days" --destination "$dest")
        ;;
    esac
}

# one_build BUILDER DAYS [timed]: an untimed build (warm-up), or a timed one that
# appends wall, CPU and RSS to the builder's lists
one_build() {
    local who=$1 days=$2 buildlog=$bench_dir/$1-build-$2.log timelog=$bench_dir/$1-time-$2.txt
    command_for "$who" "$days"
    rm -rf -- "$dest"
    if [[ ${3:-} == timed ]]; then
        timed_build "$who build of $days days" "$buildlog" "$timelog" "${cmd[@]}"
        walls[$who]+=" $wall"
        cpus[$who]+=" $cpu"
        rsss[$who]+=" $rss"
    elif ! "${cmd[@]}" >"$buildlog" 2>&1; then
        tail -n 30 "$buildlog" >&2
        die "warm-up $who build failed for $days days (full log: $buildlog)"
    fi
}

# fastest NUMBER... -> the smallest
fastest() { printf '%s\n' "$@" | sort -g | head -n 1; }

rows=()
summary=()
checks=()
for days in "${sizes[@]}"; do
    out=$bench_dir/out-$days
    papertrail_out "$days" "$out"

    log "converting $out into the Zola site $bench_dir/zola-site-$days"
    stats=$(python3 benches/zola_convert.py "$out" "$bench_dir/zola-site-$days" --force)
    echo "$stats" >&2
    papers=$(field papers "$stats")
    n_days=$(field days "$stats")
    n_tags=$(field tags "$stats")
    if [[ $with_hugo == 1 ]]; then
        log "converting $out into the Hugo site $bench_dir/hugo-site-$days"
        python3 benches/hugo_convert.py "$out" "$bench_dir/hugo-site-$days" "${hugo_opts[@]}" >&2
    fi

    declare -A walls=() cpus=() rsss=()
    for who in "${builders[@]}"; do
        log "warm-up: $who, $days days"
        one_build "$who" "$days"
    done
    cps=()
    for ((r = 1; r <= runs; r++)); do
        for who in "${builders[@]}"; do
            log "round $r of $runs: $who, $days days"
            one_build "$who" "$days" timed
            if [[ $who == papertrail ]]; then
                cps+=("$(copy_time "$dest")")
            fi
        done
    done

    declare -A med=() medcpu=()
    for who in "${builders[@]}"; do
        command_for "$who" "$days"
        # shellcheck disable=SC2086 # the lists are space-separated numbers
        {
            wmin=$(fastest ${walls[$who]})
            wmed=$(median ${walls[$who]})
            cmed=$(median ${cpus[$who]})
            rmed=$(median ${rsss[$who]})
        }
        med[$who]=$wmed
        medcpu[$who]=$cmed
        out_files=$(find "$dest" -type f | wc -l)
        out_bytes=$(du -sb "$dest" | cut -f1)
        rows+=("| $days | $who | $wmin | $wmed | $cmed | $rmed | $out_files | $(mib "$out_bytes") | $(div "$wmed" "${med[papertrail]}" "%.1f") | $(div "$cmed" "${medcpu[papertrail]}" "%.1f") |")
        log "$who, $days days: wall${walls[$who]} s, CPU${cpus[$who]} s, RSS${rsss[$who]} MiB"
    done
    cp_min=$(fastest "${cps[@]}")
    cp_med=$(median "${cps[@]}")
    rows+=("| $days | \`cp -r\` of papertrail's output | $cp_min | $cp_med | | | | | $(div "$cp_med" "${med[papertrail]}" "%.1f") | |")
    log "cp -r, $days days: ${cps[*]} s"

    # the summary row: papertrail's medians and how many times faster it is
    hugo_x=""
    if [[ $with_hugo == 1 ]]; then
        hugo_x=" $(div "${med[hugo]}" "${med[papertrail]}" "%.1f")× wall, $(div "${medcpu[hugo]}" "${medcpu[papertrail]}" "%.1f")× CPU |"
    fi
    summary+=("| $days | $papers | ${med[papertrail]} s | ${medcpu[papertrail]} s | $(div "${med[zola]}" "${med[papertrail]}" "%.1f")× wall, $(div "${medcpu[zola]}" "${medcpu[papertrail]}" "%.1f")× CPU |$hugo_x $cp_med s | $(div "${med[papertrail]}" "$cp_med" "%.2f") |")

    zdest=$bench_dir/zola-out-$days
    paper_pages=$(find "$zdest/papers" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
    day_pages=$(find "$zdest/days" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
    tag_pages=$(find "$zdest/tags" -mindepth 2 -maxdepth 2 -type f -name index.html | wc -l)
    tag_feeds=$(find "$zdest/tags" -mindepth 2 -maxdepth 2 -type f -name atom.xml | wc -l)
    check="| $days | $papers | $paper_pages | $n_days | $day_pages | $n_tags | $tag_pages | $tag_feeds |"
    checks+=("$check")
    if [[ $paper_pages != "$papers" || $day_pages != "$n_days" || $tag_pages != "$n_tags" ]]; then
        log "WARNING: Zola's page counts differ from the export: $check"
    fi
    unset walls cpus rsss med medcpu
done

# --- report ------------------------------------------------------------------
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo "no commit")
hugo_head=""
hugo_rule=""
if [[ $with_hugo == 1 ]]; then
    hugo_head=" Hugo / papertrail |"
    hugo_rule="---|"
fi

report=$bench_dir/zola-results.md
{
    machine_line "$bench_dir"
    echo "$zola_version ($zola); $pt_version ($bin, repo at $rev)"
    if [[ $with_hugo == 1 ]]; then echo "$hugo_version ($hugo)"; fi
    echo "Alternating builds, $runs of each per size; warm page cache; input = papertrail's export of \$BENCH_DIR/out-DAYS"
    echo
    echo "| days | papers | papertrail wall (median) | papertrail CPU | Zola / papertrail |$hugo_head \`cp -r\` | papertrail / \`cp -r\` |"
    echo "|---:|---:|---:|---:|---|$hugo_rule---:|---:|"
    printf '%s\n' "${summary[@]}"
    echo
    echo "| days | builder | wall s, fastest | wall s, median | CPU s (user+sys), median | peak RSS MiB, median | output files | output MiB (du -sb) | wall / papertrail | CPU / papertrail |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Zola's pages and feeds against the export:"
    echo
    echo "| days | papers | paper pages | days | day pages | tags | tag pages | tag feeds |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${checks[@]}"
} | tee "$report"
log "report saved to $report"
