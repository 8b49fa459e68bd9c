#!/bin/sh
# Sample posts of two widely used themes, MIT licence, the long ones abridged: Minimal
# Mistakes (docs/_posts of mmistakes/minimal-mistakes) and Chirpy (its
# 2019-08-08-text-and-typography.md, cotes2020/jekyll-theme-chirpy), built by Debian's
# Jekyll 4.3.1 with this folder's _config.yml (and empty _includes for the themes' own
# includes, which are not part of the post), time zone UTC: each post's HTML (no layout) goes to
# expected/<post file name>.html. Run by hand when the posts change; the tests only read
# the files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cp -r "$here/_posts" "$here/_config.yml" "$here/_includes" "$work/"
cat > "$work/paths.txt" <<'PAGE'
---
layout: null
permalink: /paths.txt
---
{% for p in site.posts %}{{ p.path | remove_first: "_posts/" }}	{{ p.url }}
{% endfor %}
PAGE
TZ=UTC jekyll build --quiet -s "$work" -d "$work/_site" >/dev/null 2>&1
rm -rf "$here/expected"
mkdir -p "$here/expected"
while IFS="	" read -r name url; do
  [ -n "$name" ] || continue
  cp "$work/_site${url}index.html" "$here/expected/$name.html"
done < "$work/_site/paths.txt"
rm -rf "$work"
