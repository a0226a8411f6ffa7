#!/usr/bin/env bash
# Commits feed-state.tsv back to the branch a GitHub Actions build ran on, when the
# build changed it. The file records when each feed entry last really changed; a site
# built only in Actions would otherwise lose it after every run, and an edited entry
# would fall back to its content date at the next build instead of keeping the time of
# the edit. Run from the site's folder, after `papertrail build`.
#
# The commit says [skip ci], and pushes made with the workflow's GITHUB_TOKEN start no
# workflow anyway, so it cannot set off another build. It needs `contents: write`. A
# push that loses a race with another commit is rebased and retried; if it still fails,
# the build stays published and a warning says why.
set -euo pipefail

file=feed-state.tsv
if [[ ! -f $file ]]; then
    echo "no $file here: nothing to commit"
    exit 0
fi
if [[ -z "$(git status --porcelain -- "$file")" ]]; then
    echo "$file unchanged"
    exit 0
fi
ref=${GITHUB_REF:-refs/heads/$(git symbolic-ref --short HEAD 2>/dev/null || echo main)}
if [[ $ref != refs/heads/* ]]; then
    echo "::warning::$file changed, but this run is not on a branch ($ref): not committed"
    exit 0
fi
branch=${ref#refs/heads/}

git add -- "$file"
git -c user.name="github-actions[bot]" \
    -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
    commit --quiet -m "feed-state.tsv: times of the feed entries of the published site [skip ci]" -- "$file"
for attempt in 1 2 3; do
    if git push --quiet origin "HEAD:refs/heads/$branch"; then
        echo "committed $file to $branch"
        exit 0
    fi
    echo "push $attempt of 3 failed; rebasing on $branch"
    git pull --quiet --rebase origin "$branch" || { git rebase --abort 2>/dev/null || true; break; }
done
echo "::warning::could not push $file to $branch (does the workflow grant contents: write?); edited feed entries will not keep their times"
