#!/bin/sh
# Make each configs/<name>.expected.tsv with Debian's Jekyll 4.3.1: the posts of posts/
# built under configs/<name>.yml, in the build machine's time zone UTC. Each line:
# path, url, absolute url, then the layout, author and comments the post ends up with.
# Run by hand when the fixtures change; the tests only read the .tsv files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for config in "$here"/configs/*.yml; do
  name=$(basename "$config" .yml)
  work=$(mktemp -d)
  cp -r "$here/posts/." "$work/"
  cp "$config" "$work/_config.yml"
  cat > "$work/urls.txt" <<'PAGE'
---
layout: null
permalink: /urls.txt
---
{% for p in site.posts %}{{ p.path }}	{{ p.url }}	{{ p.url | absolute_url }}	{{ p.layout }}	{{ p.author }}	{{ p.comments }}
{% endfor %}
PAGE
  TZ=UTC jekyll build --quiet -s "$work" -d "$work/_site" >/dev/null 2>&1
  sort "$work/_site/urls.txt" | sed '/^$/d' > "$here/configs/$name.expected.tsv"
  rm -rf "$work"
done
