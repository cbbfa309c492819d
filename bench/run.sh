#!/usr/bin/env bash
# Side-by-side benchmark of `disclosure build` against Hugo on generated county corpora (issue 8, SPEC §11).
# Usage: bench/run.sh [--sizes "10 50 300"] [--years 5] [--runs 3] [--work DIR] [--update-docs]
# Prints a Markdown table; --update-docs also writes it into docs/performance.md. See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

SIZES="10 50 300"; YEARS=5; RUNS=3; WORK=${TMPDIR:-/tmp}/disclosure-bench; UPDATE_DOCS=0; SEED=1; AS_OF=2026-11-24
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2 ;;
    --years) YEARS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    --update-docs) UPDATE_DOCS=1; shift ;;
    -h|--help) sed -n 2,4p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

log() { printf '[bench] %s\n' "$*" >&2; }
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $2 (apt)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >/dev/null
  else
    log "missing $1: install the $2 package"; exit 2
  fi
}
need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time

mkdir -p "$WORK"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "building the Release CLI and the corpus generator once"
dotnet build src/DisclosureSite.Cli -c Release -o "$WORK/bin" -nologo -v q >/dev/null
DLL="$WORK/bin/disclosure.dll"
dotnet build tools/DisclosureSite.Corpus -c Release -o "$WORK/corpus-bin" -nologo -v q >/dev/null
CORPUS_DLL="$WORK/corpus-bin/disclosure-corpus.dll"
HAS_BUILD=1
probe=$(dotnet "$DLL" build --help 2>&1 || true)
if grep -q '未知命令' <<<"$probe"; then HAS_BUILD=0; log "this checkout has no 'disclosure build' yet: our column stays empty"; fi

now_ns() { date +%s%N; }
# run_timed LABEL CMD...: runs CMD, appends "seconds peak_kib" to $WORK/LABEL.times
run_timed() {
  local label=$1; shift
  local t0 t1 rss
  t0=$(now_ns)
  /usr/bin/time -f %M -o "$WORK/.rss" "$@" >"$WORK/.out" 2>&1 || { cat "$WORK/.out" >&2; log "FAILED: $*"; return 1; }
  t1=$(now_ns)
  rss=$(tail -1 "$WORK/.rss")
  echo "$(( (t1 - t0) / 1000000 )) $rss" >>"$WORK/$label.times"
}
# stats LABEL -> "min_s median_s max_rss_mib"
stats() {
  sort -n "$WORK/$1.times" | awk '{t[NR]=$1; if ($2>m) m=$2} END {n=NR; med=(n%2)?t[(n+1)/2]:(t[n/2]+t[n/2+1])/2; printf "%.2f %.2f %.0f", t[1]/1000, med/1000, m/1024}'
}
pages() { find "$1" -name '*.html' -type f | wc -l; }

TABLE="$WORK/results.md"
{
  echo "| corpus | pages ours / Hugo | wall min / median ours (s) | wall min / median Hugo (s) | peak RSS ours / Hugo (MiB) | pages/s ours / Hugo | ratio ours/Hugo (median) |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} >"$TABLE"

LARGEST=""
for n in $SIZES; do
  LARGEST=$n
  corpus="$WORK/corpus-$n"; hugo_src="$WORK/hugo-$n"
  if [ ! -f "$corpus/.disclosure-corpus" ] || [ ! -f "$hugo_src/.disclosure-corpus" ] || [ "$(head -c 200 "$corpus/site.yaml" | grep -c -- "--units $n --years $YEARS --seed $SEED")" = 0 ]; then
    log "generating $n villages x $YEARS years"
    dotnet "$CORPUS_DLL" --units "$n" --years "$YEARS" --seed "$SEED" --out "$corpus" --hugo "$hugo_src" >&2
  fi
  rm -f "$WORK/ours-$n.times" "$WORK/hugo-$n.times"
  for r in $(seq 1 "$RUNS"); do
    if [ $HAS_BUILD = 1 ]; then
      # A clean build: no output, no build cache, no spare, no input cache (Hugo keeps nothing between runs either).
      rm -rf "$WORK/out-ours-$n" "$WORK/.out-ours-$n.build-cache" "$WORK/.out-ours-$n.spare" "$WORK/.out-ours-$n.spare.build-cache"
      log "ours  $n run $r"; DISCLOSURE_INPUT_CACHE=off run_timed "ours-$n" dotnet "$DLL" build --no-search --input "$corpus" --output "$WORK/out-ours-$n" --as-of "$AS_OF"
    fi
    rm -rf "$WORK/out-hugo-$n" "$hugo_src/resources" "$hugo_src/.hugo_build.lock"
    log "hugo  $n run $r"; run_timed "hugo-$n" hugo --quiet -s "$hugo_src" -d "$WORK/out-hugo-$n"
  done
  read -r hmin hmed hrss <<<"$(stats "hugo-$n")"
  hpages=$(pages "$WORK/out-hugo-$n")
  if [ $HAS_BUILD = 1 ]; then
    read -r omin omed orss <<<"$(stats "ours-$n")"
    opages=$(pages "$WORK/out-ours-$n")
    ratio=$(awk -v a="$omed" -v b="$hmed" 'BEGIN{printf "%.2f", a/b}')
    ops=$(awk -v p="$opages" -v t="$omed" 'BEGIN{printf "%.0f", p/t}')
  else
    omin=-; omed=-; orss=-; opages=-; ratio=-; ops=-
  fi
  hps=$(awk -v p="$hpages" -v t="$hmed" 'BEGIN{printf "%.0f", p/t}')
  echo "| $n villages × $YEARS y | $opages / $hpages | $omin / $omed | $hmin / $hmed | $orss / $hrss | $ops / $hps | $ratio |" >>"$TABLE"
done

EXTRA="$WORK/extra.md"; : >"$EXTRA"
corpus="$WORK/corpus-$LARGEST"
if [ $HAS_BUILD = 1 ]; then
  # One-file change: edit one item's body, rebuild over the previous output (cache kept), count files rewritten.
  out="$WORK/out-ours-$LARGEST"
  item=$(find "$corpus/disclosures" -name finance.md | sort | awk 'NR == 1')   # awk reads to the end: head would SIGPIPE sort under pipefail
  rm -f "$WORK/incr.times"
  # A clerk's edit-and-build loop: the previous build has filled the input cache and left the spare output.
  log "ours  warm-up build (fills the input cache, keeps the spare)"
  dotnet "$DLL" build --no-search --input "$corpus" --output "$out" --as-of "$AS_OF" >/dev/null
  for r in $(seq 1 "$RUNS"); do
    printf '\n本期公开后补充说明第%s次:经村务监督委员会复核,数据无误。\n' "$r" >>"$item"
    marker="$WORK/.marker"; touch "$marker"; sleep 0.01
    log "ours  one-file change run $r"; run_timed incr dotnet "$DLL" build --no-search --input "$corpus" --output "$out" --as-of "$AS_OF"
    written=$(find "$out" -type f -newer "$marker" | wc -l)
  done
  read -r imin imed irss <<<"$(stats incr)"
  hugo_item="$WORK/hugo-$LARGEST/content/${item#"$corpus/disclosures/"}"
  printf '\n本期公开后补充说明:经村务监督委员会复核,数据无误。\n' >>"$hugo_item"
  rm -f "$WORK/hugo-incr.times"; marker="$WORK/.marker"; touch "$marker"; sleep 0.01
  run_timed hugo-incr hugo --quiet -s "$WORK/hugo-$LARGEST" -d "$WORK/out-hugo-$LARGEST"
  hwritten=$(find "$WORK/out-hugo-$LARGEST" -type f -newer "$marker" | wc -l)
  read -r _ hinc _ <<<"$(stats hugo-incr)"
  echo "- one-file change (${item#"$corpus/"}), $LARGEST villages: ours ${imed} s median (min ${imin} s, peak ${irss} MiB), $written files written; Hugo (no persistent cache) ${hinc} s, $hwritten files written" >>"$EXTRA"
fi
rm -f "$WORK/check.times"
dotnet "$DLL" check --input "$corpus" --as-of "$AS_OF" >/dev/null || true   # warm-up: file cache and JIT-independent disk state
for r in 1 2 3 4 5; do
  log "check run $r"
  t0=$(now_ns); /usr/bin/time -f %M -o "$WORK/.rss" dotnet "$DLL" check --input "$corpus" --as-of "$AS_OF" >/dev/null || true; t1=$(now_ns)
  echo "$(( (t1 - t0) / 1000000 )) $(tail -1 "$WORK/.rss")" >>"$WORK/check.times"
done
read -r cmin cmed crss <<<"$(stats check)"
echo "- \`check\` on $LARGEST villages × $YEARS years, warm: median ${cmed} s of 5 (min ${cmin} s), peak ${crss} MiB" >>"$EXTRA"

MACHINE="$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr), .NET $(dotnet --version), $(hugo version | cut -d' ' -f2)"
DATE=$(date -u +%Y-%m-%d)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
REPORT="$WORK/report.md"
{
  echo "Measured $DATE on $MACHINE; $RUNS runs each, clean output; seed $SEED, --as-of $AS_OF."
  echo "Load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER — other jobs on the machine inflate every figure alike."
  echo
  cat "$TABLE"
  echo
  cat "$EXTRA"
} >"$REPORT"
cat "$REPORT"

if [ $UPDATE_DOCS = 1 ]; then
  python3 - "$ROOT/docs/performance.md" "$REPORT" <<'PY'
import sys, re
doc, rep = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().strip()
text = open(doc, encoding="utf-8").read()
new = re.sub(r"(<!-- bench:begin -->\n).*?(\n<!-- bench:end -->)", lambda m: m.group(1) + rep + m.group(2), text, flags=re.S)
open(doc, "w", encoding="utf-8").write(new)
PY
  log "updated docs/performance.md"
fi
