#!/usr/bin/env bash
# Installs a papertrail release binary: downloads the archive for this machine, checks
# its SHA-256 against the release's checksum file, and unpacks the binary. Nothing is
# installed when a download or the check fails. The GitHub Action runs this; it works
# anywhere with bash, curl, tar (unzip or 7z on Windows) and sha256sum or shasum.
#
# Usage: scripts/install-papertrail.sh [VERSION] [DEST]
#   VERSION  0.1.0 (a leading v is fine), or `latest`; default: the version in the
#            Cargo.toml beside this script, so a checkout installs its own release
#   DEST     the folder the binary goes into (created); default: ./bin
#
# Environment:
#   PAPERTRAIL_REPOSITORY  where the releases are; default: Cargo.toml's `repository`.
#                          Files are read from $PAPERTRAIL_REPOSITORY/releases/download/
#                          vVERSION/ (…/releases/latest/download/ for `latest`); a
#                          file:// URL works too.
#   PAPERTRAIL_TARGET      the target triple to install; default: this machine's.
#
# The archive is papertrail-TARGET.tar.gz (.zip on Windows), holding the binary at its
# top; papertrail-TARGET.sha256 holds `HASH  ARCHIVE` lines (sha256sum's format).
set -euo pipefail

die() {
    printf 'install-papertrail: %s\n' "$*" >&2
    exit 1
}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
manifest=$here/../Cargo.toml
# The first `key = "value"` of the [package] table, which Cargo.toml opens with.
package_key() {
    [[ -f $manifest ]] || die "no Cargo.toml beside this script to read $1 from; set it explicitly"
    sed -n "s/^$1 = \"\\(.*\\)\"\$/\\1/p" "$manifest" | head -n 1
}

version=${1:-}
if [[ -z $version ]]; then
    version=$(package_key version)
fi
version=${version#v}
[[ $version == latest || $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] ||
    die "version must look like 0.1.0 or be 'latest', got '$version'"
dest=${2:-bin}
repository=${PAPERTRAIL_REPOSITORY:-$(package_key repository)}
[[ -n $repository ]] || die "no repository to download from"
repository=${repository%/}

if [[ -n ${PAPERTRAIL_TARGET:-} ]]; then
    target=$PAPERTRAIL_TARGET
else
    case "$(uname -m)" in
        x86_64 | amd64) arch=x86_64 ;;
        aarch64 | arm64) arch=aarch64 ;;
        *) die "no release binary for the architecture $(uname -m); use cargo install --locked --git $repository" ;;
    esac
    case "$(uname -s)" in
        Linux) target=$arch-unknown-linux-musl ;;
        Darwin) target=$arch-apple-darwin ;;
        MINGW* | MSYS* | CYGWIN* | Windows_NT) target=$arch-pc-windows-msvc ;;
        *) die "no release binary for $(uname -s); use cargo install --locked --git $repository" ;;
    esac
fi
case $target in
    *-windows-*) archive=papertrail-$target.zip exe=papertrail.exe ;;
    *) archive=papertrail-$target.tar.gz exe=papertrail ;;
esac
sums=papertrail-$target.sha256
if [[ $version == latest ]]; then
    base=$repository/releases/latest/download
else
    base=$repository/releases/download/v$version
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fetch() {
    curl --fail --silent --show-error --location --retry 3 --output "$work/$1" "$base/$1" ||
        die "cannot download $base/$1"
}
fetch "$archive"
fetch "$sums"

# The line naming the archive (sha256sum marks binary mode with a leading `*`).
expected=$(awk -v name="$archive" '{ file = $2; sub(/^\*/, "", file) } file == name { print tolower($1); exit }' "$work/$sums")
[[ $expected =~ ^[0-9a-f]{64}$ ]] || die "$sums has no SHA-256 for $archive"
if command -v sha256sum >/dev/null 2>&1; then
    actual=$(sha256sum "$work/$archive" | awk '{ print $1 }')
elif command -v shasum >/dev/null 2>&1; then
    actual=$(shasum -a 256 "$work/$archive" | awk '{ print $1 }')
else
    die "neither sha256sum nor shasum is installed: cannot check the download"
fi
[[ $actual == "$expected" ]] ||
    die "SHA-256 mismatch for $archive: expected $expected, got $actual; nothing installed"

mkdir -p "$work/unpacked"
case $archive in
    *.zip)
        # Git Bash on Windows may lack unzip; GitHub's Windows runners have 7-Zip.
        if command -v unzip >/dev/null 2>&1; then
            unzip -q "$work/$archive" -d "$work/unpacked" || die "cannot unpack $archive"
        elif command -v 7z >/dev/null 2>&1; then
            7z x -y -o"$work/unpacked" "$work/$archive" >/dev/null || die "cannot unpack $archive"
        else
            die "neither unzip nor 7z is installed: cannot unpack $archive"
        fi
        ;;
    *) tar -xzf "$work/$archive" -C "$work/unpacked" || die "cannot unpack $archive" ;;
esac
[[ -f $work/unpacked/$exe ]] || die "$archive holds no $exe at its top"
mkdir -p "$dest"
chmod +x "$work/unpacked/$exe"
mv -f "$work/unpacked/$exe" "$dest/$exe"
printf 'installed papertrail %s (%s) in %s\n' "$version" "$target" "$dest/$exe"
