#!/bin/sh
# Copies the guides' screenshots, taken by the browser test GuideScreenshotsBrowserTest into
# target/guide-screenshots/<lang>/<name>.png, to docs/guides/images/<lang>/ (committed with the guides).
# Run from the project folder, after:
#   ./mvnw -B verify -Dit.test=GuideScreenshotsBrowserTest -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -DskipITs=false
# The test takes each page at 1024 CSS px, cut at 1300 px high, so the files stay small (GuideLinksTest checks
# that every picture a guide shows exists and is under 200 KB). With pngquant on the path they are made smaller still.
set -eu
cd "$(dirname "$0")/../.."
from=target/guide-screenshots
[ -d "$from" ] || { echo "no $from: run GuideScreenshotsBrowserTest first" >&2; exit 1; }
for lang in en nl; do
  [ -d "$from/$lang" ] || { echo "no $from/$lang: the test did not finish in that language" >&2; exit 1; }
  mkdir -p "docs/guides/images/$lang"
  for png in "$from/$lang"/*.png; do
    to="docs/guides/images/$lang/$(basename "$png")"
    if command -v pngquant >/dev/null 2>&1; then
      pngquant --force --skip-if-larger --quality=80-95 --output "$to" "$png" || cp "$png" "$to"
    else
      cp "$png" "$to"
    fi
    size=$(wc -c < "$to")
    [ "$size" -le 150000 ] || echo "warning: $to is $size bytes (over 150 KB)" >&2
  done
  echo "$lang: $(ls "$from/$lang"/*.png | wc -l) screenshots copied to docs/guides/images/$lang/"
done
