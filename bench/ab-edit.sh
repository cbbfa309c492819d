#!/usr/bin/env bash
# Two (or more) builds of the CLI side by side on the one-file edit (issue 17, point 2; docs/performance.md): each CLI
# gets its own copy of the output and its own input cache (both are keyed by the tool's version: CLIs sharing one would
# measure full rebuilds), two builds fill them and the spare, then each round appends a paragraph to one item's body and every
# CLI rebuilds from a new process, in turn (the order reversed every round). Prints min, median and mean wall and user
# time per CLI, and each later CLI's difference from the first, round by round, with its 95 % interval; the item is restored.
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
  # Two builds: the first fills the output and the input cache, the second the spare (an edit builds into the spare: the
  # first edit after a single build would be a build without one, 2.2 times as long at 300 villages).
  log "$label: two builds (fill its output, input cache and spare)"
  for fill in 1 2; do
    TMPDIR="$WORK/$label/tmp" "${CLI[@]}" build --no-search --input "$CORPUS" --output "$WORK/$label/out" --as-of "$AS_OF" >/dev/null
  done
done
# The CLIs take turns in an order reversed every round (A B, B A, ...): whichever runs second after the other's process
# does not always get the same host (memory just freed, caches warm).
order=("${SPECS[@]}")
for r in $(seq 1 "$ROUNDS"); do
  for spec in "${order[@]}"; do
    label=${spec%%=*}; cli_at "${spec#*=}"
    printf '\n本期公开后补充说明第%s次(%s)。\n' "$r" "$label" >>"$item"
    sleep "$PAUSE"
    start=$EPOCHREALTIME
    TMPDIR="$WORK/$label/tmp" /usr/bin/time -f "%U" -o "$WORK/.user" \
      "${CLI[@]}" build --no-search --input "$CORPUS" --output "$WORK/$label/out" --as-of "$AS_OF" >/dev/null
    end=$EPOCHREALTIME
    # round, label, wall in ms (the shell's clock: /usr/bin/time's wall has 10 ms steps), user CPU in s
    echo "$r $label $(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", (e - s) * 1000}') $(cat "$WORK/.user")" >>"$WORK/edit.times"
  done
  order=($(printf '%s\n' "${order[@]}" | tac))
done

echo "| CLI | one-file edit, wall min / median / mean (ms) | user CPU min / median (s) | runs |"
echo "| --- | --- | --- | --- |"
for spec in "${SPECS[@]}"; do
  label=${spec%%=*}
  # min / median of a column (3: wall, 4: user) of this label's runs, and the mean
  st() { awk -v l="$label" -v c="$1" '$2 == l {print $c}' "$WORK/edit.times" | sort -n | awk -v f="$2" '{a[NR] = $1; t += $1} END {printf f " / " f, a[1], (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; if (f == "%.0f") printf " / %.0f", t / NR}'; }
  echo "| $label | $(st 3 %.0f) | $(st 4 %.2f) | $(awk -v l="$label" '$2 == l' "$WORK/edit.times" | wc -l) |"
done
# Each later CLI against the first, round by round (the same edit, minutes apart at most): the mean difference with
# its 95 % interval (1.96 standard errors) and the median difference. An interval that holds 0 is no difference.
first=${SPECS[0]%%=*}
for spec in "${SPECS[@]:1}"; do
  label=${spec%%=*}
  awk -v a="$first" -v b="$label" '$2 == a {x[$1] = $3} $2 == b {y[$1] = $3} END {for (r in x) if (r in y) print y[r] - x[r]}' "$WORK/edit.times" \
    | sort -n | awk -v a="$first" -v b="$label" '{d[NR] = $1; t += $1}
      END {n = NR; if (n < 2) exit; m = t / n; for (i = 1; i <= n; i++) v += (d[i] - m) ^ 2; se = sqrt(v / (n - 1) / n)
        med = (n % 2) ? d[(n + 1) / 2] : (d[n / 2] + d[n / 2 + 1]) / 2
        printf "%s - %s, round by round: mean %+.0f ms (95 %% interval %+.0f to %+.0f), median %+.0f ms, %d rounds\n", b, a, m, m - 1.96 * se, m + 1.96 * se, med, n}'
done
