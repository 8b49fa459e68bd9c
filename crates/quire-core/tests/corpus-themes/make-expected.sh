#!/bin/sh
# Sample posts of two widely used themes, MIT licence, the long ones abridged: Minimal
# Mistakes (docs/_posts of mmistakes/minimal-mistakes) and Chirpy (its
# 2019-08-08-text-and-typography.md, cotes2020/jekyll-theme-chirpy), built by Debian's
# Jekyll 4.3.1 with this folder's _config.yml (and empty _includes for the themes' own
# includes, which are not part of the post), time zone UTC, as ../corpus/make-expected.sh
# builds its posts: each post's HTML (no layout) goes to expected/<post file name>.html.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exec sh "$here/../corpus/make-expected.sh" "$here"
