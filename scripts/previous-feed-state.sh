#!/usr/bin/env bash
# Puts the feed state of the previous deploy in ./feed-state.tsv before a build, so that
# feed entries keep their `updated` times from one deploy to the next without anything
# being committed to the repository. Run from the site's folder; the GitHub Action runs it
# before `papertrail build`.
#
# Where the state comes from, first found wins:
#   1. the published site: every build publishes the state it used as
#      ${BASE_URL}feed-state.tsv, so this is what readers last saw;
#   2. the Actions cache: $CACHED, a copy the last successful build left (the site may be
#      private, or not published yet);
#   3. the repository's own feed-state.tsv, when someone commits it;
#   4. nothing: entries get their content dates, as on a first deploy.
# A download is used only when it looks like a state file (a host that answers a missing
# file with a page and status 200 must not replace the state with HTML). It never fails
# the job: a missing state only means the times of edited entries are not kept.
#
# Environment: BASE_URL (the address the site is published at), CACHED (optional);
# GITHUB_OUTPUT gets `source=published|cache|repository|none` when set.
set -euo pipefail

file=feed-state.tsv
header='# papertrail feed state'
base_url="${BASE_URL:-}"

looks_like_state() {
    [[ -s $1 ]] && [[ "$(head -c ${#header} "$1")" == "$header" ]]
}

report() {
    local lines=0
    if [[ -f $file ]]; then
        lines=$(grep -cv '^#' "$file" || true)
    fi
    echo "feed state: $2 ($lines entries)"
    if [[ -n ${GITHUB_OUTPUT:-} ]]; then
        echo "source=$1" >>"$GITHUB_OUTPUT"
    fi
}

download=$(mktemp)
errors=$(mktemp)
trap 'rm -f "$download" "$errors"' EXIT
if [[ -n $base_url ]]; then
    url="${base_url%/}/$file"
    if curl --fail --silent --show-error --location --max-time 30 --retry 2 \
        --output "$download" "$url" 2>"$errors" && looks_like_state "$download"; then
        mv -f "$download" "$file"
        report published "read from the published site, $url"
        exit 0
    fi
    why=$(head -n 1 "$errors")
    echo "feed state: not read from $url (${why:-not a papertrail feed state})"
fi
if [[ -n ${CACHED:-} ]] && looks_like_state "$CACHED"; then
    cp -f "$CACHED" "$file"
    report cache "restored from the Actions cache"
elif [[ -f $file ]]; then
    report repository "the repository's own $file"
else
    report none "none yet; entries get their content dates"
fi
