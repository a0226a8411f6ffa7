#!/usr/bin/env bash
# Benchmark `papertrail serve`'s incremental rebuilds on synthetic archives.
#
# Usage:  benches/serve.sh [DAYS ...]          (default: 365 3650)
#
# Environment:
#   BENCH_DIR       scratch directory (default /dev/shm/papertrail-serve-bench); the
#                   generated archive is kept in $BENCH_DIR/archive-DAYS and copied to
#                   $BENCH_DIR/work-DAYS for each run, so edits never accumulate
#   BENCH_SEED      generator seed (default 42)
#   BENCH_RUNS      edits of each kind (default 5)
#   BENCH_PORT      port for the server (default 1199)
#   PAPERTRAIL_BIN  binary to benchmark (default: target/release/papertrail, built with
#                   `cargo build --release`); when set, the cargo build is skipped
#
# For each size: start `papertrail serve` on a fresh copy of the archive, wait for it to
# be ready, then make BENCH_RUNS edits of each kind, one at a time, each after the
# server has gone quiet:
#   text  change a word in a summary of a mid-archive day (the edit is undone and
#         redone alternately)
#   tags  change the title of a mid-archive paper so that keyword rules give it other
#         tags (alternately adding and removing the words)
#   row   append a new paper row to the newest day's table (as a bot would)
#   day   add a brand-new day file after the newest day (as a bot would)
# and read the "rebuilt ... in N ms" line the server prints for each: the time from the
# first file event to the reload message. Prints every run and the median per kind,
# and the server's own breakdown of the last run. The server is killed at the end.
#
# Then it asks for files that serve renders on request (a paper page, the first archive
# document of the site and papers feeds, the newest year's export and the days list)
# and prints the time of each request.
#
# Memory: the peak resident memory of one `papertrail build` of the same archive (GNU
# time), and the server's resident memory (VmRSS) and peak (VmHWM, from /proc) once it
# is ready and again after all the edits, with the ratio of the server's peak to the
# build's.
set -euo pipefail

# shellcheck source=benches/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo=$PWD
bench_dir=${BENCH_DIR:-/dev/shm/papertrail-serve-bench}
seed=${BENCH_SEED:-42}
runs=${BENCH_RUNS:-5}
port=${BENCH_PORT:-1199}
if [[ $# -gt 0 ]]; then sizes=("$@"); else sizes=(365 3650); fi

if [[ -n ${PAPERTRAIL_BIN:-} ]]; then
    bin=$PAPERTRAIL_BIN
else
    log "cargo build --release"
    cargo build --release --quiet
    bin=$repo/target/release/papertrail
fi
[[ -x $bin ]] || die "no binary at $bin"
mkdir -p "$bench_dir"
gen=$bench_dir/gen_archive
if [[ ! -x $gen || -n $(find "$repo/benches/gen_archive.rs" "$repo/benches/gen_archive" -newer "$gen" -print -quit) ]]; then
    log "compiling benches/gen_archive.rs"
    rustc -O "$repo/benches/gen_archive.rs" -o "$gen"
fi

server_pid=
cleanup() {
    if [[ -n $server_pid ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
        server_pid=
    fi
}
trap cleanup EXIT

# Waits until the log has more than $1 lines matching $2; prints the last match.
wait_for() {
    local count=$1 pattern=$2 deadline=$((SECONDS + 600))
    while (($(grep -c -E "$pattern" "$out" || true) <= count)); do
        ((SECONDS < deadline)) || die "timed out waiting for /$pattern/; log: $out"
        kill -0 "$server_pid" 2>/dev/null || die "server exited; log: $out"
        sleep 0.02
    done
    grep -E "$pattern" "$out" | tail -n 1
}

# Waits until the server has printed nothing for a while (background work is done or
# at least quiet), so that one edit's leftovers do not land in the next one's time.
settle() {
    local last size
    last=$(stat -c %s "$out")
    while sleep "${1:-1}"; do
        size=$(stat -c %s "$out")
        [[ $size == "$last" ]] && return
        last=$size
    done
}

row() {
    local n=$1
    printf '| Benchmark Paper %s About Sparse Retrieval (Read more on [arXiv](https://arxiv.org/abs/2512.9%04d)) | Bench Author, Other Author | A summary of benchmark paper %s: a short text with a method and a result. The principal implication is small. |\n' "$n" "$n" "$n"
}

for days in "${sizes[@]}"; do
    archive=$bench_dir/archive-$days
    if [[ ! -f $archive/config.toml ]]; then
        log "generating $days days into $archive"
        "$gen" --days "$days" --seed "$seed" --out "$archive" >&2
    fi
    work=$bench_dir/work-$days
    rm -rf "$work"
    cp -r "$archive" "$work"
    content=$work/content

    mapfile -t day_files < <(find "$content" -name '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].md' | sort)
    ((${#day_files[@]} > 2)) || die "no day files in $content"
    # The middle day, or the first after it that has a summary to edit and no feed dump
    # of the same day (whose title for a paper would then clash with the edited one).
    mid=
    for ((k = ${#day_files[@]} / 2; k < ${#day_files[@]} - 1; k++)); do
        f=${day_files[$k]}
        if [[ ! -e ${f%.md}-feed.md ]] && grep -q 'The principal implication' "$f"; then
            mid=$f
            break
        fi
    done
    [[ -n $mid ]] || die "no day file after the middle of $content has a summary to edit and no feed dump"
    newest=${day_files[$((${#day_files[@]} - 1))]}
    last_date=$(basename "$newest" .md)

    # The build's peak memory, for comparison (its output and feed state thrown away).
    need_gnu_time
    build_time=$bench_dir/build-$days.time
    "$time_bin" -v -o "$build_time" "$bin" --root "$work" build -o "$bench_dir/public-$days" >/dev/null 2>&1 ||
        die "build of $work failed"
    build_rss_kb=$(timev "Maximum resident set size" "$build_time")
    rm -rf "$bench_dir/public-$days" "$work/feed-state.tsv"

    out=$bench_dir/serve-$days.log
    : >"$out"
    log "serving $work ($days days) on port $port"
    "$bin" --root "$work" serve --port "$port" >"$out" 2>&1 &
    server_pid=$!
    ready=$(wait_for 0 '^Serving ')
    log "${ready%%;*}"
    settle 1
    # status_kb FIELD -> the server's /proc status field in kB
    status_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$server_pid/status"; }
    ready_rss_kb=$(status_kb VmRSS)
    ready_hwm_kb=$(status_kb VmHWM)

    declare -A times=()
    declare -A detail=()
    serial=0
    edit() {
        local kind=$1 i=$2 before line
        before=$(grep -c -E '^(rebuilt |.* has errors)' "$out" || true)
        case $kind in
        text)
            if ((i % 2 == 0)); then
                perl -0pi -e 's/The principal implication/The main implication/' "$mid"
            else
                perl -0pi -e 's/The main implication/The principal implication/' "$mid"
            fi
            ;;
        tags)
            if ((i % 2 == 0)); then
                perl -0pi -e 's/ \(Read more on/ for Agentic Web Navigation with Diffusion (Read more on/' "$mid"
            else
                perl -0pi -e 's/ for Agentic Web Navigation with Diffusion \(Read more on/ (Read more on/' "$mid"
            fi
            ;;
        row)
            serial=$((serial + 1))
            row "$serial" >>"$newest"
            ;;
        day)
            local date file n
            date=$(date -u -d "$last_date + $((i + 1)) day" +%F)
            file=$content/${date:0:4}/${date:5:2}/$date.md
            mkdir -p "$(dirname "$file")"
            {
                printf '\n\n## Papers for %s\n\n| Title | Authors | Summary |\n|-------|---------|---------|\n' "$date"
                for n in 1 2 3 4 5 6 7 8 9 10; do
                    serial=$((serial + 1))
                    row "$serial"
                done
            } >"$file.tmp"
            mv "$file.tmp" "$file"
            ;;
        esac
        line=$(wait_for "$before" '^(rebuilt |.* has errors)')
        [[ $line =~ \ in\ ([0-9]+)\ ms ]] || die "no time in: $line"
        times[$kind]+="${BASH_REMATCH[1]} "
        detail[$kind]=$line
        settle 0.5
    }
    for kind in text tags row day; do
        for ((i = 0; i < runs; i++)); do
            edit "$kind" "$i"
        done
    done

    settle 2
    # Files rendered on request, asked for once the edits are done, so that their
    # memory counts in the peak below.
    last_year=${last_date:0:4}
    paper_id=$(grep -o -m1 'arxiv.org/abs/[0-9.]*' "$mid" | sed 's|.*/||')
    declare -A fetched=()
    for url in "papers/$paper_id/" archive/1/atom.xml papers/archive/1/atom.xml "data/papers/$last_year.ndjson.gz" data/days.json; do
        fetched[$url]=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/$url")
    done
    edits_rss_kb=$(status_kb VmRSS)
    edits_hwm_kb=$(status_kb VmHWM)

    if grep -q 'error' "$out"; then
        log "the server reported errors:"
        grep 'error' "$out" | head -n 20 >&2
    fi
    echo
    echo "papertrail serve, $days days ($(basename "$bin"), $runs edits of each kind): ms from file event to reload"
    printf '%-6s %-40s %s\n' kind runs median
    for kind in text tags row day; do
        median=$(tr ' ' '\n' <<<"${times[$kind]}" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
        printf '%-6s %-40s %s\n' "$kind" "${times[$kind]}" "$median"
    done
    echo "last server lines of each kind:"
    for kind in text tags row day; do
        echo "  $kind: ${detail[$kind]}"
    done
    echo "files rendered on request (status, seconds):"
    for url in "${!fetched[@]}"; do
        echo "  /$url: ${fetched[$url]}"
    done
    unset fetched
    echo "memory (MiB): build peak $(mib $((build_rss_kb * 1024)));" \
        "serve ready: resident $(mib $((ready_rss_kb * 1024))), peak $(mib $((ready_hwm_kb * 1024)));" \
        "after the edits: resident $(mib $((edits_rss_kb * 1024))), peak $(mib $((edits_hwm_kb * 1024)));" \
        "serve peak / build peak $(div "$edits_hwm_kb" "$build_rss_kb" %.2f)"
    unset times detail
    cleanup
    rm -rf "$work"
done
