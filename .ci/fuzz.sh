#!/usr/bin/env bash
# shellcheck shell=bash
# .ci/fuzz.sh — a bounded fuzz campaign over every cargo-fuzz target in fuzz/.
#
#   .ci/fuzz.sh                       # or, from .ci/run:  source .ci/fuzz.sh
#   FUZZ_SECONDS=300 FUZZ_TARGETS="markup parse_table" .ci/fuzz.sh
#
# Builds every target once (nightly; cargo-fuzz is installed by need_cargo_fuzz from
# .ci/tools.sh), then fuzzes each for FUZZ_SECONDS, FUZZ_JOBS at a time, and prints per
# target the runs, exec/s and corpus size libFuzzer reports. Fails when any target
# crashes (a panic or a broken property: see fuzz/common/checks.rs), hangs on one input
# for FUZZ_TIMEOUT seconds, runs out of memory, or does not report its final line.
# A crash's input is kept in fuzz/artifacts/<target>/ and the log shows how to
# reproduce and minimise it.
#
# Inputs: fuzz/seeds/<target>/ (committed), plus the sample digests in ../shared/seeds
# for the whole-file and format targets (read in place, never copied into the repo).
# New inputs libFuzzer finds go to fuzz/corpus/<target>/ (git-ignored), so repeated
# local runs start where the last one stopped; CI starts from the seeds each time.
#
# Environment (all optional):
#   FUZZ_SECONDS    seconds per target                    (default 60)
#   FUZZ_TARGETS    targets to run, space-separated       (default: all, `cargo fuzz list`)
#   FUZZ_JOBS       targets fuzzed at once                (default: CPUs, at most 2)
#   FUZZ_TIMEOUT    seconds one input may take            (default 10)
#   FUZZ_MAX_LEN    largest input libFuzzer generates     (default 4096)
#   FUZZ_SANITIZER  none or address                       (default none: these are panic
#                   hunts in safe Rust; address builds slower and runs about 2x slower)
#
# Sourced or executed, the campaign runs in a subshell: it changes nothing in the
# caller but its exit status.

_pt_fuzz_campaign() (
    set -euo pipefail
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    # shellcheck source=.ci/tools.sh
    source .ci/tools.sh

    local seconds="${FUZZ_SECONDS:-60}"
    local timeout="${FUZZ_TIMEOUT:-10}"
    local max_len="${FUZZ_MAX_LEN:-4096}"
    local sanitizer="${FUZZ_SANITIZER:-none}"
    local cpus jobs
    cpus="$(nproc 2>/dev/null || echo 1)"
    jobs="${FUZZ_JOBS:-$((cpus < 2 ? cpus : 2))}"
    local shared_seeds
    shared_seeds="$(cd .. && pwd -P)/shared/seeds"
    local fuzz_started=$SECONDS

    _fz_log() { printf '[fuzz] %s\n' "$*"; }

    need_cargo_fuzz
    [[ -f fuzz/Cargo.toml ]] || { _fz_log "ERROR: fuzz/Cargo.toml not found"; return 1; }

    # Build flags; the reproduce/minimise hints printed on a crash repeat them.
    local -a flags=(--fuzz-dir fuzz --release --debug-assertions --sanitizer "$sanitizer")

    local -a targets
    if [[ -n "${FUZZ_TARGETS:-}" ]]; then
        read -r -a targets <<<"$FUZZ_TARGETS"
    else
        mapfile -t targets < <(cargo +nightly fuzz list --fuzz-dir fuzz)
    fi
    if ((${#targets[@]} == 0)); then
        _fz_log "ERROR: no fuzz targets (cargo fuzz list is empty)"
        return 1
    fi
    local t
    for t in "${targets[@]}"; do
        if ! compgen -G "fuzz/seeds/$t/*" >/dev/null; then
            _fz_log "ERROR: no seed inputs in fuzz/seeds/$t/"
            return 1
        fi
    done
    if [[ ! -d "$shared_seeds" ]]; then
        _fz_log "note: $shared_seeds not found; fuzzing from fuzz/seeds only"
        shared_seeds=""
    fi

    # Logs of this run. On any exit (also Ctrl-C or a cancelled job) the fuzzers still
    # running are stopped (each `timeout` passes the signal on to its process group).
    _FZ_LOGS="$(mktemp -d)"
    local logs="$_FZ_LOGS"
    # shellcheck disable=SC2317 # called by the trap
    _fz_cleanup() {
        local p
        for p in "$_FZ_LOGS"/*.pid; do
            if [[ -f "$p" ]]; then kill -TERM "$(cat "$p" 2>/dev/null)" 2>/dev/null || true; fi
        done
        rm -rf "$_FZ_LOGS"
        return 0
    }
    trap _fz_cleanup EXIT
    trap 'exit 130' INT TERM

    _fz_log "building ${#targets[@]} target(s): ${targets[*]} (sanitizer: $sanitizer)"
    local build_started=$SECONDS
    if ! cargo +nightly fuzz build "${flags[@]}" >"$logs/build.log" 2>&1; then
        grep -v -E '^\s*(Compiling|Downloaded|Downloading) ' "$logs/build.log" | tail -n 60
        _fz_log "ERROR: cargo fuzz build failed"
        return 1
    fi
    grep -E '^(warning|error)' "$logs/build.log" | sort | uniq -c || true
    _fz_log "built in $((SECONDS - build_started))s"

    # The binaries are run directly rather than through `cargo fuzz run`, which would
    # rebuild first: each run then fuzzes exactly what was just built, and parallel
    # runs do not wait on cargo's lock.
    local host bin_dir
    host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
    bin_dir="${CARGO_TARGET_DIR:-fuzz/target}/$host/release"
    for t in "${targets[@]}"; do
        if [[ ! -x "$bin_dir/$t" ]]; then
            _fz_log "ERROR: $bin_dir/$t was not built"
            return 1
        fi
    done

    # One target, in the background: its log, exit status and pid go to $logs.
    _fz_run() {
        local t="$1"
        local -a corpora=("fuzz/corpus/$t" "fuzz/seeds/$t")
        case "$t" in
            parse_digest | parse_table | parse_feed_dump | parse_native)
                if [[ -n "$shared_seeds" ]]; then corpora+=("$shared_seeds"); fi
                ;;
        esac
        mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
        local rc=0
        # The outer timeout only guards against a wedged run; libFuzzer stops itself.
        RUST_BACKTRACE=1 timeout --kill-after=10 "$((seconds + 60))" \
            "$bin_dir/$t" -artifact_prefix="fuzz/artifacts/$t/" \
            -max_total_time="$seconds" -timeout="$timeout" -max_len="$max_len" \
            -rss_limit_mb=2048 -dict=fuzz/papertrail.dict -print_final_stats=1 \
            "${corpora[@]}" >"$logs/$t.log" 2>&1 &
        echo "$!" >"$logs/$t.pid"
        wait "$!" || rc=$?
        rm -f "$logs/$t.pid"
        echo "$rc" >"$logs/$t.rc"
    }

    _fz_log "fuzzing each target for ${seconds}s, $jobs at a time"
    local run_started=$SECONDS running=0
    for t in "${targets[@]}"; do
        if ((running >= jobs)); then
            wait -n || true
            running=$((running - 1))
        fi
        _fz_run "$t" &
        running=$((running + 1))
    done
    wait || true
    local run_secs=$((SECONDS - run_started))

    # Results, from libFuzzer's last lines:
    #   #1234567 DONE   cov: 1843 ft: 7521 corp: 612/88Kb lim: 4096 exec/s: 20234 rss: 95Mb
    #   Done 1234567 runs in 61 second(s)
    local failed=0 rc log done_line runs secs rate corp files status
    printf '\n%-16s %12s %9s %18s %8s  %s\n' target runs exec/s "corpus (libFuzzer)" files result
    for t in "${targets[@]}"; do
        log="$logs/$t.log"
        rc="$(cat "$logs/$t.rc" 2>/dev/null || echo 255)"
        done_line="$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -n1 || true)"
        runs="-" rate="-" corp="-"
        if [[ -n "$done_line" ]]; then
            runs="$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\1/' <<<"$done_line")"
            secs="$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+) second.*/\2/' <<<"$done_line")"
            rate=$((runs / (secs > 0 ? secs : 1)))
            corp="$(grep -E 'DONE .* corp: ' "$log" | tail -n1 | sed -E 's/.* corp: ([^ ]+) .*/\1/' || true)"
            corp="${corp:--}"
        fi
        files="$(find "fuzz/corpus/$t" -type f | wc -l)"
        if [[ "$rc" == 0 && -n "$done_line" ]]; then
            status=ok
        else
            status="FAILED (exit $rc)"
            failed=1
        fi
        printf '%-16s %12s %9s %18s %8s  %s\n' "$t" "$runs" "$rate" "$corp" "$files" "$status"
    done

    if ((failed)); then
        for t in "${targets[@]}"; do
            rc="$(cat "$logs/$t.rc" 2>/dev/null || echo 255)"
            if [[ "$rc" == 0 ]] && grep -qE '^Done [0-9]+ runs' "$logs/$t.log"; then
                continue
            fi
            printf '\n==== %s (exit %s): end of the log ====\n' "$t" "$rc"
            # The panic, the stack, the saved input and cargo-fuzz's reproduce/tmin hints.
            grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse|INITED|RELOAD)' "$logs/$t.log" | tail -n 80
            local art
            for art in fuzz/artifacts/"$t"/*; do
                [[ -f "$art" ]] || continue
                printf 'artifact %s (%s bytes); reproduce and minimise with:\n  cargo +nightly fuzz run %s %s %s\n  cargo +nightly fuzz tmin %s %s %s\n' \
                    "$art" "$(wc -c <"$art")" "${flags[*]}" "$t" "$art" "${flags[*]}" "$t" "$art"
            done
        done
        _fz_log "FAILED after $((SECONDS - fuzz_started))s: keep each crash as a test (see tests/proptest_parsers.rs)"
        return 1
    fi
    _fz_log "all ${#targets[@]} target(s) clean: ${seconds}s each, fuzzing ${run_secs}s, total $((SECONDS - fuzz_started))s"
)

_pt_fuzz_campaign
