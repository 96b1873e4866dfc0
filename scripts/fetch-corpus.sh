#!/bin/sh
# Fetches the real-world corpus (see ../shared/corpus/SOURCES.md) at its pinned commits into the
# directory given (default ../shared/corpus), for CI runs that have no ../shared beside them.
set -eu
dest="${1:-../shared/corpus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() { # folder repository commit pattern...
  folder="$1" repo="$2" commit="$3"
  shift 3
  git init --quiet "$work/$folder"
  git -C "$work/$folder" fetch --quiet --depth 1 "https://github.com/$repo" "$commit"
  git -C "$work/$folder" checkout --quiet FETCH_HEAD
  mkdir -p "$dest/$folder"
  for pattern in "$@"; do
    # shellcheck disable=SC2086 # the pattern is a glob on purpose
    cp $work/$folder/$pattern "$dest/$folder/"
  done
}

fetch dfds dfds/postmortems 2c902284250cfa7b5c3823665cb9dbb9e8d68e21 'PM*.md'
fetch moj-cloud-platform ministryofjustice/cloud-platform 7f879f3af6cd39f8711ec99ee3b4d2163ff54024 'source/incidents/*.html.md.erb'
fetch mybinder jupyterhub/mybinder.org-deploy 95860dbcba2031b930020dbd856e76cd37ba34c8 'docs/source/incident-reports/*.md'
fetch posthog PostHog/post-mortems 4712e41007b66f9df5230d3fc1fa8588c253d623 '20*.md'
echo "corpus: $(find "$dest" -type f | wc -l) files in $dest"
