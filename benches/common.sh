# Helpers shared by the benchmark scripts; sourced, not run.
# shellcheck shell=bash
export LC_ALL=C # '.' as decimal separator in EPOCHREALTIME and awk

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}
log() { echo "==> $*" >&2; }

time_bin=/usr/bin/time
# need_gnu_time: GNU time (-v -o) and bash 5 (EPOCHREALTIME), which the timings need
need_gnu_time() {
    if [[ ! -x $time_bin ]] || ! "$time_bin" -v -o /dev/null true 2>/dev/null; then
        die "GNU time ($time_bin -v) is needed for CPU time and peak RSS.
  Install it with: apt-get install -y time   (Debian/Ubuntu; 'dnf install time' on Fedora)"
    fi
    [[ -n ${EPOCHREALTIME:-} ]] || die "bash >= 5 is required (EPOCHREALTIME)"
}

# elapsed START END -> seconds with millisecond precision
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
# div A B FORMAT -> A/B or n/a when B is 0
div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf f, a / b }'; }
mib() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1048576 }'; }
# field NAME TEXT -> value of NAME=value in a generator's or converter's summary line
field() { sed -n "s/.*\\b$1=\\([0-9.]*\\).*/\\1/p" <<<"$2" | head -n 1; }
# timev KEY FILE -> value of a `/usr/bin/time -v` line
timev() { awk -F': ' -v k="$1" 'index($0, k) { v = $NF } END { print v }' "$2"; }

# timed_build WHAT BUILDLOG TIMELOG CMD... -> runs CMD under `/usr/bin/time -v` after a
# sync (so earlier writeback does not land in the timing) and sets wall, cpu (user+sys)
# and rss (MiB); on failure shows the log's tail and dies naming WHAT.
timed_build() {
    local what=$1 buildlog=$2 timelog=$3 t0 t1 user sys rss_kb
    shift 3
    sync
    t0=$EPOCHREALTIME
    if ! "$time_bin" -v -o "$timelog" "$@" >"$buildlog" 2>&1; then
        tail -n 30 "$buildlog" >&2
        die "$what failed (full log: $buildlog)"
    fi
    t1=$EPOCHREALTIME
    # shellcheck disable=SC2034
    wall=$(elapsed "$t0" "$t1")
    user=$(timev "User time (seconds)" "$timelog")
    sys=$(timev "System time (seconds)" "$timelog")
    rss_kb=$(timev "Maximum resident set size (kbytes)" "$timelog")
    # shellcheck disable=SC2034 # results for the caller
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    # shellcheck disable=SC2034
    rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')
}

# median NUMBER... -> the median (the mean of the middle two for an even count)
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) printf "%s", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# copy_time DIR -> seconds of a plain `cp -r` of DIR: the floor for writing that tree
copy_time() {
    local t0 t1
    rm -rf -- "$1.copy"
    sync
    t0=$EPOCHREALTIME
    cp -r -- "$1" "$1.copy"
    t1=$EPOCHREALTIME
    rm -rf -- "$1.copy"
    elapsed "$t0" "$t1"
}

# machine_line DIR -> "Machine: …" line for a report whose scratch folder is DIR
machine_line() {
    local cpu_model mem_gib fs_type
    cpu_model=$(grep -m1 -E '^(model name|Model|cpu model)' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
    [[ -n $cpu_model ]] || cpu_model=$(uname -m)
    mem_gib=$(free -g | awk '/^Mem:/ { print $2 }')
    fs_type=$(df -PT "$1" | awk 'NR == 2 { print $2 }')
    echo "Machine: $(nproc) CPUs ($cpu_model), ${mem_gib} GiB RAM; scratch $1 on $fs_type"
}

# sizes_and_seed SEED [DAYS ...]: sets `sizes` to the archive sizes asked for (default 365
# and 3650 days), and checks them and the generator seed.
sizes_and_seed() {
    local seed=$1
    shift
    if [[ $# -gt 0 ]]; then
        sizes=("$@")
    else
        sizes=(365 3650)
    fi
    local n
    for n in "${sizes[@]}"; do
        [[ $n =~ ^[1-9][0-9]*$ ]] || die "size must be a positive number of days, got '$n'"
    done
    [[ $seed =~ ^[0-9]+$ ]] || die "BENCH_SEED must be a non-negative integer, got '$seed'"
}
