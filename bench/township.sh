#!/usr/bin/env bash
# One township's daily publish, as its scheduled workflow runs it on a fresh runner (issue 17, point 6;
# docs/performance.md "A province"): check, clean build with the search index, ledger record — no cache of any kind —
# for townships of 10, 20 and 40 villages, then the simulated county overview over their compliance.json.
# Usage: bench/township.sh [--sizes "10 20 40"] [--years 5] [--runs 3] [--work DIR] [--cli DIR] [--update-docs]
# (--cli: a CLI already published by bench/run.sh, e.g. its WORK/bin, or a disclosure.dll, instead of publishing it again)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

SIZES="10 20 40"; YEARS=5; RUNS=3; WORK=${TMPDIR:-/tmp}/disclosure-township; CLI_AT=""; UPDATE_DOCS=0; SEED=1; AS_OF=2026-11-24
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --years) YEARS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --cli) CLI_AT=$2; shift 2 ;;
    --update-docs) UPDATE_DOCS=1; shift ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || need /usr/bin/time time
[ -x node_modules/.bin/pagefind ] || { log "no node_modules/.bin/pagefind: run npm ci first (the workflow installs Pagefind too)"; exit 2; }
export PATH="$PWD/node_modules/.bin:$PATH"
mkdir -p "$WORK"
trap clear_set_aside EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if [ -n "$CLI_AT" ]; then cli_at "$CLI_AT"; else publish_cli; fi
corpus_tool

TABLE="$WORK/township.md"
{
  echo "| township | items | check (s) | build with search (s) | ledger record (s) | whole publish, min / median (s) | site files / MiB (gzip MiB) | compliance.json (KiB) |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
} >"$TABLE"
JSONS=(); LATEST=()
for n in $SIZES; do
  corpus="$WORK/town-$n"
  if [ ! -f "$corpus/.disclosure-corpus" ] || [ "$(head -c 200 "$corpus/site.yaml" | grep -c -- "--units $n --years $YEARS --seed $SEED")" = 0 ]; then
    log "generating $n villages x $YEARS years"
    rm -rf "$corpus/.git"
    dotnet "$CORPUS_DLL" --units "$n" --years "$YEARS" --seed "$SEED" --out "$corpus" >&2
  fi
  # A township's data is a Git repository (ledger record refuses anything else); committed once, outside the timing.
  if [ ! -d "$corpus/.git" ]; then
    git -C "$corpus" init -q && git -C "$corpus" add -A
    git -C "$corpus" -c user.name=bench -c user.email=bench@example.invalid commit -qm "corpus $n villages"
  fi
  for s in check build record total; do rm -f "$WORK/$s-$n.times"; done
  out="$WORK/site-$n"; ledger="$corpus/ledger/publications.jsonl"   # inside the repository, where the workflow commits it
  for r in $(seq 1 "$RUNS"); do
    # A fresh runner: no input cache, no previous output, no build cache, no spare, an empty ledger (the previous
    # run's set aside, not deleted: a fresh runner has no file deleted a moment ago either — set_aside in bench/lib.sh).
    set_aside "$out" "$WORK/.site-$n.build-cache" "$WORK/.site-$n.spare" "$WORK/.site-$n.spare.build-cache"; rm -f "$ledger"
    log "township $n run $r"
    t0=$(now_ns)
    DISCLOSURE_INPUT_CACHE=off run_timed "check-$n" "${CLI[@]}" check --input "$corpus" --as-of "$AS_OF" --format github
    DISCLOSURE_INPUT_CACHE=off run_timed "build-$n" "${CLI[@]}" build --input "$corpus" --output "$out" --as-of "$AS_OF"
    grep -q '含搜索索引' "$WORK/.out" || { cat "$WORK/.out" >&2; log "the build made no search index"; exit 1; }
    DISCLOSURE_INPUT_CACHE=off run_timed "record-$n" "${CLI[@]}" ledger record --input "$corpus" --site "$out" --as-of "$AS_OF"
    t1=$(now_ns)
    echo "$(( (t1 - t0) / 1000000 )) 0" >>"$WORK/total-$n.times"
  done
  items=$(find "$corpus/disclosures" -name '*.md' | wc -l)
  files=$(find "$out" -type f | wc -l)
  mib=$(du -sm "$out" | cut -f1)
  gz=$(tar -C "$out" -cf - . | gzip -1 | wc -c | awk '{printf "%.0f", $1/1048576}')
  cj=$(( $(stat -c %s "$out/compliance/compliance.json") / 1024 ))
  cp "$out/compliance/compliance.json" "$WORK/compliance-$n.json"; JSONS+=("$WORK/compliance-$n.json")
  latest=$(find "$out/compliance" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tail -1)
  cp "$out/compliance/$latest/compliance.json" "$WORK/compliance-$n-$latest.json"; LATEST+=("$WORK/compliance-$n-$latest.json")
  read -r _ cmed _ <<<"$(stats "check-$n")"; read -r _ bmed _ <<<"$(stats "build-$n")"; read -r _ rmed _ <<<"$(stats "record-$n")"
  read -r tmin tmed _ <<<"$(stats "total-$n")"
  echo "| $n villages × $YEARS y | $items | $cmed | $bmed | $rmed | $tmin / $tmed | $files / $mib ($gz) | $cj |" >>"$TABLE"
done

# The county overview, simulated: read and sum the townships' compliance.json — all periods for a county of 15, the
# latest period for 15 and for a province's 1,000.
OVERVIEW="$WORK/overview.md"
{
  echo "| overview over | compliance.json read | entries | read and summed in (s) |"
  echo "| --- | --- | --- | --- |"
  read -r t b e s <<<"$(python3 bench/county-overview.py 15 "${JSONS[@]}" 2>/dev/null)"
  echo "| a county: $t townships, all periods (/compliance/compliance.json; sizes $SIZES in turn) | $(awk -v b="$b" 'BEGIN{printf "%.1f MiB", b/1048576}') | $e | $s |"
  for k in 15 1000; do
    read -r t b e s <<<"$(python3 bench/county-overview.py "$k" "${LATEST[@]}" 2>/dev/null)"
    echo "| $t townships, latest period (/compliance/<period>/compliance.json) | $(awk -v b="$b" 'BEGIN{printf "%.1f MiB", b/1048576}') | $e | $s |"
  done
} >"$OVERVIEW"

REPORT="$WORK/report.md"
{
  echo "Measured $(date -u +%Y-%m-%d) on $(machine); $RUNS runs each, medians; seed $SEED, --as-of $AS_OF; \`bench/township.sh\`."
  echo "Load average (1/5/15 min) before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  cat "$TABLE"
  echo
  cat "$OVERVIEW"
} >"$REPORT"
cat "$REPORT"
[ $UPDATE_DOCS = 1 ] && update_docs township "$REPORT"
exit 0
