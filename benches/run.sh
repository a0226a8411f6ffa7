#!/usr/bin/env bash
# Benchmark `papertrail build` on synthetic archives.
#
# Usage:  benches/run.sh [DAYS ...]          (default: 365 3650)
#
# Environment:
#   BENCH_DIR       scratch directory (default /tmp/papertrail-bench); archives are
#                   written to $BENCH_DIR/archive-DAYS, sites to $BENCH_DIR/out-DAYS
#   BENCH_SEED      generator seed (default 42); same seed => byte-identical archives
#   PAPERTRAIL_BIN  binary to benchmark (default: target/release/papertrail, built with
#                   `cargo build --release`); when set, the cargo build is skipped
#   BENCH_RUNS      measured builds (and copies) per size, default 3; the table gives
#                   their medians, since a shared VM's timings move by 10-20% run to run
#
# For each size it generates the archive with benches/gen_archive.rs, runs one
# warm-up build, then BENCH_RUNS measured builds under `/usr/bin/time -v`, each into an
# empty output folder. Reported: wall time, user+sys CPU, peak RSS, output files
# and bytes, pages/s (index.html files / wall seconds), and the time of a plain
# `cp -r` of the output (a floor for "write this many files") with build/cp ratio,
# then the output by kind as GitHub Pages counts it (benches/pages_size.sh: paper, day,
# tag, month and year pages, feeds, feed archives, sitemaps, search index, export).
# Page caches are not dropped (numbers are warm-cache numbers); `sync` runs before
# each timed step so earlier writeback does not land in its timing. Deleting large
# outputs (rm -rf) can take longer than the builds on slow filesystems; it is not timed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=benches/common.sh
source benches/common.sh
repo=$PWD
bench_dir=${BENCH_DIR:-/tmp/papertrail-bench}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-3}

sizes_and_seed "$seed" "$@"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive number, got '$runs'"

need_gnu_time

# --- build -------------------------------------------------------------------
mkdir -p target
gen=$repo/target/gen_archive
log "building generator: rustc -O benches/gen_archive.rs -o target/gen_archive"
rustc -O benches/gen_archive.rs -o "$gen"

if [[ -n ${PAPERTRAIL_BIN:-} ]]; then
    bin=$(command -v -- "$PAPERTRAIL_BIN") || die "PAPERTRAIL_BIN=$PAPERTRAIL_BIN is not an executable"
    log "using PAPERTRAIL_BIN=$bin (cargo build skipped)"
else
    log "building papertrail: cargo build --release"
    cargo build --release
    bin=${CARGO_TARGET_DIR:-$repo/target}/release/papertrail
    [[ -x $bin ]] || die "cargo build succeeded but $bin does not exist"
fi

mkdir -p "$bench_dir"
bench_dir=$(cd "$bench_dir" && pwd)

# --- helpers -----------------------------------------------------------------
build() { # build ARCHIVE OUT LOGFILE
    "$bin" --root "$1" build --output-dir "$2" >"$3" 2>&1
}

rows=()
kind_rows=()
for days in "${sizes[@]}"; do
    archive=$bench_dir/archive-$days
    out=$bench_dir/out-$days
    buildlog=$bench_dir/build-$days.log
    timelog=$bench_dir/time-$days.txt

    log "generating $days days (seed $seed) into $archive"
    rm -rf -- "$archive"
    t0=$EPOCHREALTIME
    stats=$("$gen" --days "$days" --seed "$seed" --out "$archive")
    t1=$EPOCHREALTIME
    echo "$stats" >&2
    gen_s=$(elapsed "$t0" "$t1")
    in_files=$(field files "$stats")
    in_bytes=$(field bytes "$stats")
    papers=$(field papers "$stats")
    log "generated in ${gen_s}s"

    log "warm-up build"
    rm -rf -- "$out"
    if ! build "$archive" "$out" "$buildlog"; then
        tail -n 30 "$buildlog" >&2
        die "warm-up build failed for $days days (full log: $buildlog)"
    fi

    walls=() cpus=() rsss=()
    for ((r = 1; r <= runs; r++)); do
        log "measured build $r of $runs"
        rm -rf -- "$out"
        timed_build "build of $days days" "$buildlog" "$timelog" \
            "$bin" --root "$archive" build --output-dir "$out"
        walls+=("$wall") cpus+=("$cpu") rsss+=("$rss")
    done
    wall=$(median "${walls[@]}") cpu=$(median "${cpus[@]}") rss=$(median "${rsss[@]}")

    out_files=$(find "$out" -type f | wc -l)
    # Apparent size incl. directory entries (4 KiB each on ext4), so it exceeds the
    # sum of file sizes papertrail itself reports when pages live in their own dirs.
    out_bytes=$(du -sb "$out" | cut -f1)
    pages=$(find "$out" -type f -name index.html | wc -l)
    own_bytes=$(sed -n 's/.*files (\([^,]*\),.*/\1/p' "$buildlog" | head -n 1)
    mapfile -t more < <(benches/pages_size.sh "$out" | sed "s/^| /| $days | /")
    kind_rows+=("${more[@]}")
    pps=$(div "$pages" "$wall" "%.0f")

    log "timing cp -r of the output (floor), $runs times"
    cps=()
    for ((r = 1; r <= runs; r++)); do cps+=("$(copy_time "$out")"); done
    cp_s=$(median "${cps[@]}")
    ratio=$(div "$wall" "$cp_s" "%.1f")

    rows+=("| $days | $in_files | $(mib "$in_bytes") | $papers | $wall | $cpu | $rss | $out_files | $(mib "$out_bytes") | ${own_bytes:-?} | $pages | $pps | $cp_s | $ratio |")
    log "done: wall ${wall}s (runs: ${walls[*]}), cpu ${cpu}s, rss ${rss} MiB, $pages pages, cp ${cp_s}s (runs: ${cps[*]})"
done

# --- report ------------------------------------------------------------------
rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo "no commit")

report=$bench_dir/results.md
{
    machine_line "$bench_dir"
    echo "Binary: $bin (repo at $rev); generator seed $seed; warm page cache; medians of $runs runs"
    echo
    echo "| days | input files | input MiB | papers | build wall s | CPU s (user+sys) | peak RSS MiB | output files | output MiB (du -sb) | output (papertrail) | pages | pages/s | cp -r s | build/cp |"
    echo "|-----:|------------:|----------:|-------:|-------------:|-----------------:|-------------:|-------------:|-------------------:|--------------------:|------:|--------:|--------:|---------:|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Output by kind as GitHub Pages counts it (benches/pages_size.sh: the upload action's tar, MB = 10^6 bytes):"
    echo
    echo "| days | kind | files | folders | file MB | tar MB | share |"
    echo "|-----:|------|------:|--------:|--------:|-------:|------:|"
    printf '%s\n' "${kind_rows[@]}"
} | tee "$report"
log "report saved to $report"
