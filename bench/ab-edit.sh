#!/usr/bin/env bash
# Two (or more) builds of the CLI side by side on the one-file edit (issue 17, point 2; docs/performance.md): each CLI
# gets its own copy of the output and its own input cache (both are keyed by the tool's version: CLIs sharing one would
# measure full rebuilds), a first build fills them, then each round appends a paragraph to one item's body and every
# CLI rebuilds from a new process, in turn. Prints min and median wall and user time per CLI; the item is restored.
# With --pause S, each build starts S seconds after the last one ended: on a host that takes freed memory back within
# ~2 s (docs/performance.md, "Point 2, twenty-fourth round"), builds back to back find the previous process's memory
# still cheap and an edit after a pause (bench/run.sh's, a clerk's) does not: 0.34-0.36 s against 0.41 s at 50 villages.
# Usage: bench/ab-edit.sh --corpus DIR [--rounds 6] [--pause 0] [--work DIR] LABEL=CLI LABEL=CLI ...
# (CLI: a folder with the native disclosure or disclosure.dll, or one of them — e.g. bench/run.sh's WORK/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

CORPUS=""; ROUNDS=6; PAUSE=0; WORK=${TMPDIR:-/tmp}/disclosure-ab-edit; AS_OF=2026-11-24; SPECS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) CORPUS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --pause) PAUSE=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *=*) SPECS+=("$1"); shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$CORPUS" ] && [ -d "$CORPUS/disclosures" ] || { echo "--corpus DIR: a corpus of tools/DisclosureSite.Corpus" >&2; exit 2; }
[ ${#SPECS[@]} -ge 1 ] || { echo "give at least one LABEL=CLI" >&2; exit 2; }
[ -x /usr/bin/time ] || need /usr/bin/time time
mkdir -p "$WORK"; rm -f "$WORK/edit.times"

item=$(edit_item "$CORPUS")
cp -p "$item" "$WORK/.item.orig"
trap 'cp -p "$WORK/.item.orig" "$item"' EXIT

for spec in "${SPECS[@]}"; do
  label=${spec%%=*}; cli_at "${spec#*=}"
  mkdir -p "$WORK/$label/tmp"
  log "$label: first build (fills its output and input cache)"
  TMPDIR="$WORK/$label/tmp" "${CLI[@]}" build --no-search --input "$CORPUS" --output "$WORK/$label/out" --as-of "$AS_OF" >/dev/null
done
for r in $(seq 1 "$ROUNDS"); do
  for spec in "${SPECS[@]}"; do
    label=${spec%%=*}; cli_at "${spec#*=}"
    printf '\n本期公开后补充说明第%s次(%s)。\n' "$r" "$label" >>"$item"
    sleep "$PAUSE"
    TMPDIR="$WORK/$label/tmp" /usr/bin/time -f "$label %e %U" -a -o "$WORK/edit.times" \
      "${CLI[@]}" build --no-search --input "$CORPUS" --output "$WORK/$label/out" --as-of "$AS_OF" >/dev/null
  done
done

echo "| CLI | one-file edit, wall min / median (s) | user CPU min / median (s) | runs |"
echo "| --- | --- | --- | --- |"
for spec in "${SPECS[@]}"; do
  label=${spec%%=*}
  # min / median of a column (2: wall, 3: user) of this label's runs
  st() { awk -v l="$label" -v c="$1" '$1 == l {print $c}' "$WORK/edit.times" | sort -n | awk '{a[NR] = $1} END {printf "%.2f / %.2f", a[1], (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
  echo "| $label | $(st 2) | $(st 3) | $(awk -v l="$label" '$1 == l' "$WORK/edit.times" | wc -l) |"
done
