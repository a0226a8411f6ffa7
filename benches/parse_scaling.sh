#!/usr/bin/env bash
# Does reading one huge digest scale linearly with its size?
#
# Usage:  benches/parse_scaling.sh [--quick]
#
# Generates single-file sites and builds each one:
#   table-1sec   one table digest, every row under one `## Papers for` date:
#                12.5k, 25k, 50k, 100k rows
#   table-Nsec   the same rows spread over `## Papers for` sections of 50 rows each
#                (one file, 250 .. 2000 days)
#   feed         one feed-dump digest (`### Title:` / `Link:` / `Summary:` with the
#                Hugging Face "AI-generated summary" split) of ~12.5, 25, 50 MB
# Summaries are 400-1000 bytes; arXiv ids are unique. --quick halves every size.
#
# Each site is built with `papertrail --root SITE build --output-dir OUT` into a fresh
# OUT, timed by wall clock (bash EPOCHREALTIME) under `/usr/bin/time -v` (peak RSS).
# A build also renders one page per paper and writes it, so the table also shows
# pages/s, and, when the binary has a `check` subcommand (read + model, nothing
# rendered or written), the time of `check` on the same site: that is the parse cost
# on its own. "size ×" is the input's size relative to the smallest of its series;
# "time ×" is the build's (or check's) wall or CPU (user + system) time relative to the
# smallest: linear scaling means time × ≈ size ×. `check` is single-threaded on one
# file; the build's rendering and writing run on every core and its wall time is mostly
# file-system time (tens of thousands of pages).
#
# Environment:
#   BENCH_DIR       scratch directory (default /tmp/papertrail-parse-scaling)
#   PAPERTRAIL_BIN  binary to measure (default: target/release/papertrail after
#                   `cargo build --release`)
#   REPS            runs per site, fastest kept (default 1)
# The full run writes ~1 GB of pages for each 100k-row input; on a busy 2-core VM with a
# slow disk it took 45 min (--quick: 14 min), almost all of it writing pages.
# Numbers are warm-cache numbers: the input was just written. Removing outputs between
# runs is not timed.
set -euo pipefail

# shellcheck source=benches/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD
bench_dir=${BENCH_DIR:-/tmp/papertrail-parse-scaling}
reps=${REPS:-1}
scale=1
case ${1:-} in
"") ;;
--quick) scale=2 ;;
*) die "unknown argument '$1' (usage: benches/parse_scaling.sh [--quick])" ;;
esac
[[ $reps =~ ^[1-9][0-9]*$ ]] || die "REPS must be a positive integer, got '$reps'"
need_gnu_time

if [[ -n ${PAPERTRAIL_BIN:-} ]]; then
    bin=$(command -v -- "$PAPERTRAIL_BIN") || die "PAPERTRAIL_BIN=$PAPERTRAIL_BIN is not an executable"
else
    log "cargo build --release"
    cargo build --release
    bin=${CARGO_TARGET_DIR:-$repo/target}/release/papertrail
    [[ -x $bin ]] || die "$bin does not exist after cargo build"
fi
has_check=false
if "$bin" check --help >/dev/null 2>&1; then
    has_check=true
fi

mkdir -p "$bench_dir"
bench_dir=$(cd "$bench_dir" && pwd)

# --- generators ----------------------------------------------------------------
# Shared awk code: a pool of sentences, and text of a given length built from them.
awk_lib='
function init(   i, w) {
    split("model data training benchmark agent reasoning vision language video diffusion " \
          "retrieval policy reward token attention graph robot planning memory evaluation " \
          "alignment synthesis segmentation transformer latent sparse efficient robust " \
          "multimodal instruction dataset scaling inference decoding embedding contrastive", W, " ")
    nw = 0; for (i in W) nw++
    split("Ann Lee|Bo Chen|Carla Diaz|Dmitri Volkov|Emeka Obi|Fatima Khan|Gustav Berg|" \
          "Hiro Tanaka|Ines Costa|Jonas Meyer|Kavya Rao|Liam Walsh|Mei Lin|Nadia Haddad", A, "|")
    na = 14
    state = 12345
}
function rnd(n) { state = (state * 69069 + 1) % 4294967296; return int(state / 65536) % n }
function words(k,   s, i) { s = W[1 + rnd(nw)]; for (i = 1; i < k; i++) s = s " " W[1 + rnd(nw)]; return s }
# text of about len bytes: sentences of 8-19 words, unique marker n at the end
function text(len, n,   s, t) {
    s = ""
    while (length(s) < len - 20) {
        t = words(8 + rnd(12))
        s = s toupper(substr(t, 1, 1)) substr(t, 2) ". "
    }
    return s "Result " n " improves on prior work."
}
function arxiv_id(n,   m) {
    m = int((n - 1) / 90000)
    return sprintf("%02d%02d.%05d", 23 + int(m / 12), m % 12 + 1, (n - 1) % 90000 + 1)
}
function authors(n) { return A[1 + rnd(na)] ", " A[1 + rnd(na)] ", " A[1 + rnd(na)] ", user" n }
'

# gen_table FILE ROWS PER_SECTION (0: one section)
gen_table() {
    awk -v rows="$2" -v per="$3" "$awk_lib"'
    function next_date(   ml) {
        dd++
        ml = (mm == 2) ? ((yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0)) ? 29 : 28) \
             : (mm == 4 || mm == 6 || mm == 9 || mm == 11) ? 30 : 31
        if (dd > ml) { dd = 1; mm++ }
        if (mm > 12) { mm = 1; yy++ }
    }
    BEGIN {
        init(); yy = 2000; mm = 1; dd = 0
        for (n = 1; n <= rows; n++) {
            if (n == 1 || (per > 0 && (n - 1) % per == 0)) {
                next_date()
                printf "%s## Papers for %04d-%02d-%02d\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n", (n > 1 ? "\n" : ""), yy, mm, dd
            }
            id = arxiv_id(n)
            t = words(4 + rnd(8))
            printf "| %s %d: %s (Read more on [arXiv](https://arxiv.org/abs/%s) or [HuggingFace](https://huggingface.co/papers/%s))| %s | %s |\n", \
                toupper(substr(t, 1, 1)) substr(t, 2), n, words(3 + rnd(5)), id, id, authors(n), text(400 + rnd(601), n)
        }
    }' >"$1"
}

# gen_feed FILE BYTES
gen_feed() {
    awk -v target="$2" "$awk_lib"'
    BEGIN {
        init(); bytes = 0
        for (n = 1; bytes < target; n++) {
            t = words(5 + rnd(8))
            gist = text(80 + rnd(100), n)
            abs = text(320 + rnd(500), n)
            entry = sprintf(" - \n### Title: %s %d: %s\n  %s\nLink: https://huggingface.co/papers/%s\nSummary: %s \t\t\t\t \t\t\t\t\tAI-generated summary \t\t\t\t \t\t%s\n\n", \
                toupper(substr(t, 1, 1)) substr(t, 2), n, words(3 + rnd(4)), words(2 + rnd(4)), arxiv_id(n), gist, abs)
            printf "%s", entry
            bytes += length(entry)
        }
    }' >"$1"
}

# --- measuring -------------------------------------------------------------------
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf f, a / b }'; }
mb() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1e6 }'; }

# measure SITE KIND -> sets m_wall (s, fastest of REPS), m_cpu (user + system s) and
# m_rss (KB) of that run; KIND is build or check.
measure() {
    local site=$1 kind=$2 out=$bench_dir/out r t0 t1 wall
    m_wall='' m_cpu='' m_rss=''
    for ((r = 0; r < reps; r++)); do
        rm -rf "$out"
        sync
        local args=(--root "$site" build --output-dir "$out")
        [[ $kind == check ]] && args=(--root "$site" check)
        t0=$EPOCHREALTIME
        if ! "$time_bin" -v -o "$bench_dir/time.txt" "$bin" "${args[@]}" >"$bench_dir/$kind.log" 2>&1; then
            tail -n 20 "$bench_dir/$kind.log" >&2
            die "$kind of $site failed"
        fi
        t1=$EPOCHREALTIME
        wall=$(elapsed "$t0" "$t1")
        if [[ -z $m_wall ]] || awk -v a="$wall" -v b="$m_wall" 'BEGIN { exit !(a < b) }'; then
            m_wall=$wall
            m_rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$bench_dir/time.txt")
            m_cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.2f", s }' "$bench_dir/time.txt")
        fi
    done
}

rows_of() { grep -c '^| .*arxiv.org/abs/' "$1" || true; }

results=()
# run SERIES NAME FILE ROWS
run() {
    local series=$1 name=$2 site=$3 rows=$4 bytes pages build_wall build_cpu build_rss
    local check_wall=n/a check_cpu=n/a
    bytes=$(stat -c %s "$site/content/"*)
    log "$name: $(mb "$bytes") MB, $rows rows: build"
    measure "$site" build
    build_wall=$m_wall build_cpu=$m_cpu build_rss=$m_rss
    pages=$(grep -o '[0-9]* pages' "$bench_dir/build.log" | grep -o '[0-9]*' || echo 0)
    if $has_check; then
        log "$name: check"
        measure "$site" check
        check_wall=$m_wall check_cpu=$m_cpu
    fi
    results+=("$series $name $bytes $rows $pages $build_wall $build_cpu $build_rss $check_wall $check_cpu")
    rm -rf "$bench_dir/out"
}

table_rows=(12500 25000 50000 100000)
feed_mb=(12.5 25 50)
for rows in "${table_rows[@]}"; do
    rows=$((rows / scale))
    for per in 0 50; do
        if ((per == 0)); then name=table-1sec-$rows; else name=table-$((rows / per))sec-$rows; fi
        site=$bench_dir/$name
        if [[ ! -f $site/content/digest.md ]]; then
            log "generating $name"
            mkdir -p "$site/content"
            printf 'title = "Scaling"\nbase_url = "https://example.org/"\n' >"$site/config.toml"
            gen_table "$site/content/digest.md.tmp" "$rows" "$per"
            mv "$site/content/digest.md.tmp" "$site/content/digest.md"
        fi
        if ((per == 0)); then series=table-one; else series=table-many; fi
        run "$series" "$name" "$site" "$rows"
    done
done
for m in "${feed_mb[@]}"; do
    bytes=$(awk -v m="$m" -v s="$scale" 'BEGIN { printf "%d", m * 1e6 / s }')
    name=feed-$(mb "$bytes")MB
    site=$bench_dir/$name
    if [[ ! -f $site/content/2025-07-04-feed.md ]]; then
        log "generating $name"
        mkdir -p "$site/content"
        printf 'title = "Scaling"\nbase_url = "https://example.org/"\n' >"$site/config.toml"
        gen_feed "$site/content/feed.tmp" "$bytes"
        mv "$site/content/feed.tmp" "$site/content/2025-07-04-feed.md"
    fi
    rows=$(grep -c '^### Title:' "$site/content/2025-07-04-feed.md")
    run feed "$name" "$site" "$rows"
done

# --- report ----------------------------------------------------------------------
echo
echo "papertrail $("$bin" --version 2>/dev/null | awk '{ print $2 }') ($(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo '+dirty')), $(nproc) CPUs, REPS=$reps"
echo
echo "| input | MB | rows | pages | build wall s | build CPU s | MB/s | pages/s | peak RSS MB | size × | build wall × | build CPU × | check wall s | check CPU s | check CPU × |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A base_bytes base_wall base_cpu base_check
for r in "${results[@]}"; do
    read -r series name bytes rows pages wall cpu rss check_wall check_cpu <<<"$r"
    if [[ -z ${base_bytes[$series]:-} ]]; then
        base_bytes[$series]=$bytes base_wall[$series]=$wall base_cpu[$series]=$cpu
        base_check[$series]=$check_cpu
    fi
    check_x=n/a
    [[ $check_cpu != n/a ]] && check_x=$(div "$check_cpu" "${base_check[$series]}" "%.2f")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' \
        "$name" "$(mb "$bytes")" "$rows" "$pages" "$wall" "$cpu" \
        "$(div "$bytes" "$(awk -v w="$wall" 'BEGIN { print w * 1e6 }')" "%.1f")" \
        "$(div "$pages" "$wall" "%.0f")" "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" \
        "$(div "$bytes" "${base_bytes[$series]}" "%.2f")" \
        "$(div "$wall" "${base_wall[$series]}" "%.2f")" "$(div "$cpu" "${base_cpu[$series]}" "%.2f")" \
        "$check_wall" "$check_cpu" "$check_x"
done
echo
echo "size × and time × are relative to the smallest input of the same kind (table-one,"
echo "table-many, feed); linear scaling means time × ≈ size ×. CPU is user + system time:"
echo "on a busy machine it is steadier than wall time. check = read + model only."
