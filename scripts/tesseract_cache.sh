#!/bin/bash
# A caching stand-in for tesseract, for development evals only: the same image bytes and arguments give the saved
# output instead of a new OCR run (the LD and gold evals re-read the same scans after every change to the text
# stages; OCR is most of their time). Output is tesseract's own, so results are identical.
#   VNADMIN_TESSERACT=$PWD/scripts/tesseract_cache.sh vnadmin-nlp eval ...
# Cache in $VNADMIN_TESSERACT_CACHE (default build/tesseract-cache). Not for users: the cache never expires, and a
# change to how images are rendered simply misses it (the key is the bytes tesseract is given).
set -o pipefail
real=${VNADMIN_TESSERACT_REAL:-tesseract}
cache=${VNADMIN_TESSERACT_CACHE:-$(dirname "$0")/../build/tesseract-cache}
if [ "$1" != "stdin" ]; then exec "$real" "$@"; fi
mkdir -p "$cache"
tmp=$(mktemp "$cache/.in.XXXXXX") || exec "$real" "$@"
trap 'rm -f "$tmp" "$tmp.out"' EXIT
cat > "$tmp"
key=$( { printf '%s\0' "$@"; cat "$tmp"; } | sha256sum | cut -c1-40)
if [ -f "$cache/$key" ]; then cat "$cache/$key"; exit 0; fi
"$real" "$@" < "$tmp" > "$tmp.out"; rc=$?
if [ $rc -eq 0 ]; then mv "$tmp.out" "$cache/$key.$$" && mv "$cache/$key.$$" "$cache/$key" && cat "$cache/$key"; else cat "$tmp.out"; fi
exit $rc
