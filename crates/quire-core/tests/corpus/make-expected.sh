#!/bin/sh
# The Jekyll project's own news posts (docs/_posts of jekyll/jekyll v4.3.1, MIT licence)
# built by Debian's Jekyll 4.3.1 with this folder's _config.yml, time zone UTC: each
# post's HTML (no layout) goes to expected/<post file name>.html. Run by hand when the
# posts change; the tests only read the files. Given another corpus folder (with its
# _posts, _config.yml and any _includes and _data), builds that one the same way.
set -eu
here=$(cd "${1:-$(dirname "$0")}" && pwd)
work=$(mktemp -d)
cp -r "$here/_posts" "$here/_config.yml" "$work/"
for folder in _includes _data; do
  if [ -d "$here/$folder" ]; then cp -r "$here/$folder" "$work/"; fi
done
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
  # A permalink ending in `/` is a folder's index.html; one without an extension, a `.html`.
  site="$work/_site$url"
  for page in "${site}index.html" "$site" "$site.html"; do
    if [ -f "$page" ]; then cp "$page" "$here/expected/$name.html"; break; fi
  done
done < "$work/_site/paths.txt"
rm -rf "$work"
