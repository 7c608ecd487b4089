#!/usr/bin/env bash
# Builds the King James Bible corpus (public domain, Debian's bible-kjv) for train_pair.py.
# Output: OUT_DIR/train.txt and OUT_DIR/val.txt, one chapter per block: a heading line
# ("Genesis 1"), then one verse per line without its number; blocks are separated by a blank line.
# The last 2% of the text (whole chapters) is held out as validation.
# Usage: prepare_corpus.sh [OUT_DIR]   (default: .data/kjv at the repository root, git-ignored)
set -euo pipefail

repo_root="$(cd "$(dirname "$0")/../../.." && pwd)"
out_dir="${1:-$repo_root/.data/kjv}"

if ! command -v bible >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "prepare_corpus.sh: 'bible' is missing; run as root or: apt-get install -y bible-kjv" >&2
    exit 1
  fi
  apt-get install -y bible-kjv >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y bible-kjv >/dev/null; }
fi

mkdir -p "$out_dir"
raw="$(mktemp)"
trap 'rm -f "$raw"' EXIT
bible gen1:1-rev22:21 >"$raw"

# The raw text has "Book N" headings between blank lines and verses as "  N text" wrapped at 80
# columns: join each verse onto one line, drop verse numbers, squeeze runs of spaces.
awk '
  /^$/ { after_blank = 1; next }
  after_blank && /^[^ ]/ {
    if (verse != "") print verse
    verse = ""
    if (chapters++ > 0) print ""
    print $0
    after_blank = 0
    next
  }
  /^ +[0-9]+ / {
    if (verse != "") print verse
    verse = $0
    sub(/^ +[0-9]+ +/, "", verse)
    after_blank = 0
    next
  }
  { verse = verse " " $0; after_blank = 0 }
  END { if (verse != "") print verse }
' "$raw" | sed -E 's/[[:space:]]+/ /g; s/^ //; s/ $//' >"$out_dir/all.txt"

chapters=$(grep -c '^$' "$out_dir/all.txt" || true)
if [ "$((chapters + 1))" -ne 1189 ]; then
  echo "prepare_corpus.sh: expected 1189 chapters from 'bible', found $((chapters + 1))" >&2
  exit 1
fi

# Split at the first chapter boundary after 98% of the bytes.
total=$(wc -c <"$out_dir/all.txt")
awk -v cut="$((total * 98 / 100))" -v train="$out_dir/train.txt" -v val="$out_dir/val.txt" '
  BEGIN { dest = train }
  { seen += length($0) + 1 }
  dest == train && $0 == "" && seen >= cut { dest = val; next }
  { print > dest }
' "$out_dir/all.txt"
rm "$out_dir/all.txt"

echo "prepare_corpus.sh: wrote $out_dir/train.txt ($(wc -c <"$out_dir/train.txt") bytes) and $out_dir/val.txt ($(wc -c <"$out_dir/val.txt") bytes)"
echo "validation starts at: $(head -1 "$out_dir/val.txt")"
