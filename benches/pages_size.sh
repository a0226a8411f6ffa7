#!/usr/bin/env bash
# The size GitHub Pages counts for a built site, by kind of output.
#
# Usage:  benches/pages_size.sh PUBLIC_DIR [LABEL]
#
# GitHub Pages measures the artifact `actions/upload-pages-artifact` makes: a GNU tar of
# the folder (`tar --dereference --hard-dereference -cf artifact.tar --exclude=.git
# --exclude=.github .`). Every file and every folder costs a 512-byte header, a file's
# bytes are padded to 512, a path over 100 bytes costs a long-name header and its
# padded name, and the archive ends with two zero blocks padded to a 10,240-byte record.
# Prints one markdown row per kind (files, folders, file bytes, tar bytes, share), then
# the total, which equals `tar ... | wc -c` (checked in tests/pages_size.rs).
set -euo pipefail
dir=${1:?usage: pages_size.sh PUBLIC_DIR [LABEL]}
label=${2:-}
export LC_ALL=C
(cd "$dir" && find . -mindepth 1 \( -name .git -o -name .github \) -prune -o -printf '%y %s %P\n') | awk -v label="$label" '
    function block(n) { return int((n + 511) / 512) * 512 }
    function longname(len) { return len > 100 ? 512 + block(len + 1) : 0 }
    function kind(p, t,   a, n) {
        n = split(p, a, "/")
        if (p ~ /^tags\/[^\/]+\/archive(\/|$)/) return "tag feed archives"
        if (p ~ /^papers\/archive(\/|$)/) return "paper feed archives"
        if (p ~ /^archive\/[0-9]/) return "day feed archives"
        if (p ~ /(^|\/)(atom\.xml|feed\.json)$/) return "feeds"
        if (a[1] == "papers") return "paper pages"
        if (a[1] == "tags") return "tag pages"
        if (a[1] ~ /^[0-9]+$/) return (n >= 3 && a[3] != "index.html") ? "day pages" : "month and year pages"
        if (p ~ /^sitemap/) return "sitemaps"
        if (a[1] == "search") return "search"
        if (a[1] == "data") return "export"
        return "other"
    }
    {
        t = $1; size = $2; p = substr($0, length($1) + length($2) + 3)
        k = kind(p, t)
        if (t == "d") { name = "./" p "/"; b = 512 + longname(length(name)); dirs[k]++ }
        else { name = "./" p; b = 512 + block(size) + longname(length(name)); files[k]++; raw[k] += size }
        bytes[k] += b; total += b
    }
    END {
        total += 512 + longname(2)           # the folder itself, "./"
        end = int((total + 1024 + 10239) / 10240) * 10240
        for (k in bytes)
            printf "| %s%s | %d | %d | %.1f | %.1f | %.1f%% |\n", label, k, files[k], dirs[k], raw[k] / 1e6, bytes[k] / 1e6, 100 * bytes[k] / end
        printf "| %stotal |  |  |  | %.1f | %d bytes |\n", label, end / 1e6, end
    }' | sort -t'|' -k6,6 -rn
