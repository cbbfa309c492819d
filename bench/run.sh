#!/usr/bin/env bash
# Side-by-side benchmark of `disclosure build` against Hugo on generated county corpora (issue 8, SPEC §11).
# Usage: bench/run.sh [--sizes "10 50 300"] [--years 5] [--runs 3] [--work DIR] [--update-docs]
# Prints a Markdown table; --update-docs also writes it into docs/performance.md. See docs/performance.md.
# Runs the CLI as released: the native binary of release.yml for this machine (the JIT-only build is
# measured beside it at start-up).
set -euo pipefail
cd "$(dirname "$0")/.."

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

. bench/lib.sh
need hugo hugo
[ -x /usr/bin/time ] || need /usr/bin/time time

mkdir -p "$WORK"
trap clear_set_aside EXIT
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# The kernel's cache of file names (Linux): every path look-up walks a chain of its hash table, and the outputs this
# bench deletes leave their names behind in it — docs/performance.md, "Point 2, twelfth round", for what that does to both tools.
dentries() { cut -f1 /proc/sys/fs/dentry-state 2>/dev/null || echo "?"; }
DENTRIES_BEFORE=$(dentries)
need gcc gcc
gcc -O2 -o "$WORK/host-costs" bench/host-costs.c
# host_costs: one line of what this machine charges for a system call and for fresh memory (bench/host-costs.c), which
# a one-file edit spends most of its time on; measured before the clean runs and again before the edits. Never right
# before a timed run: the 64 MiB it frees last stays cheap for the next process for ~2 s on a host that takes freed
# memory back, which would favour whichever tool ran first.
host_costs() {
  "$WORK/host-costs" | awk '{v[$1]=$2} END {printf "a system call %s µs; a fresh 4 KiB page %s µs at first touch, %s µs per 4 KiB with 2 MiB pages; memory freed 3 s before %s µs, at once %s µs", v["syscall_us"], v["fresh_page_us"], v["fresh_huge_page_us"], v["reused_after_3s_us"], v["reused_at_once_us"]}'
}
log "measuring the host's costs (~10 s)"
HOST_BEFORE=$(host_costs)
publish_cli
corpus_tool
gcc -O2 -pthread -o "$WORK/write-floor" bench/write-floor.c
HAS_BUILD=1
probe=$("${CLI[@]}" build --help 2>&1 || true)
if grep -q '未知命令' <<<"$probe"; then HAS_BUILD=0; log "this checkout has no 'disclosure build' yet: our column stays empty"; fi

pages() { find "$1" -name '*.html' -type f | wc -l; }

TABLE="$WORK/results.md"
{
  echo "| corpus | pages ours / Hugo | wall min / median ours (s) | wall min / median Hugo (s) | peak RSS ours / Hugo (MiB) | pages/s ours / Hugo | ratio ours/Hugo (median) |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} >"$TABLE"
FLOOR="$WORK/floor.md"
{
  echo "| corpus | files written by ours | write floor min / median (s) | ours median / floor median |"
  echo "| --- | --- | --- | --- |"
} >"$FLOOR"

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
      # The previous run's output is set aside, not deleted (set_aside in bench/lib.sh), for both tools and the floor.
      set_aside "$WORK/out-ours-$n" "$WORK/.out-ours-$n.build-cache" "$WORK/.out-ours-$n.spare" "$WORK/.out-ours-$n.spare.build-cache"
      log "ours  $n run $r"; DISCLOSURE_INPUT_CACHE=off run_timed "ours-$n" "${CLI[@]}" build --no-search --input "$corpus" --output "$WORK/out-ours-$n" --as-of "$AS_OF"
    fi
    set_aside "$WORK/out-hugo-$n"; rm -rf "$hugo_src/resources" "$hugo_src/.hugo_build.lock"
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
  if [ $HAS_BUILD = 1 ]; then
    # The physical floor: the same files with the same sizes written by a C program with as many threads as cores,
    # into a new folder, the previous copy set aside as each clean build's above — no reading, rendering or hashing.
    find "$WORK/out-ours-$n" -type f -printf '%s\t%P\n' >"$WORK/floor-$n.list"
    rm -f "$WORK/floor-$n.times"
    for r in $(seq 1 "$RUNS"); do
      set_aside "$WORK/out-floor-$n"
      read -r ffiles _ fsec <<<"$("$WORK/write-floor" "$WORK/out-floor-$n" "$(nproc)" <"$WORK/floor-$n.list")"
      echo "$(awk -v s="$fsec" 'BEGIN{printf "%d", s*1000}') 0" >>"$WORK/floor-$n.times"
    done
    set_aside "$WORK/out-floor-$n"
    read -r fmin fmed _ <<<"$(stats "floor-$n")"
    echo "| $n villages × $YEARS y | $ffiles | $fmin / $fmed | $(awk -v a="$omed" -v b="$fmed" 'BEGIN{printf "%.1f", a/b}') |" >>"$FLOOR"
  fi
done

# Start-up on the smallest corpus: the process floor (--version), and the time from the process's start to the first
# line of work of check and build (DISCLOSURE_TIMINGS=1 prints it), for the native CLI (as released) and the JIT-only build, alternately.
SMALLEST=${SIZES%% *}
STARTUP="$WORK/startup.md"; : >"$STARTUP"
if [ $HAS_BUILD = 1 ]; then
  small="$WORK/corpus-$SMALLEST"
  for v in native jit; do rm -f "$WORK/ver-$v.times" "$WORK/cs-$v.times" "$WORK/bs-$v.times" "$WORK/cw-$v.times" "$WORK/bw-$v.times"; done
  rm -f "$WORK/hugo-ver.times"
  # first_work FILE LABEL: appends the start-up line's milliseconds from FILE to LABEL.times
  first_work() { awk '/\[timing\] start-up/{print $3 " 0"; exit}' "$1" >>"$WORK/$2.times"; }
  for r in $(seq 1 5); do
    for v in native jit; do
      cli=("${CLI[@]}"); [ $v = jit ] && cli=("${JIT_CLI[@]}")
      log "start-up $v run $r"
      run_timed "ver-$v" "${cli[@]}" --version
      DISCLOSURE_TIMINGS=1 run_timed "cw-$v" "${cli[@]}" check --input "$small" --as-of "$AS_OF" || true
      first_work "$WORK/.out" "cs-$v"
      set_aside "$WORK/out-start" "$WORK/.out-start.build-cache" "$WORK/.out-start.spare" "$WORK/.out-start.spare.build-cache"
      DISCLOSURE_INPUT_CACHE=off DISCLOSURE_TIMINGS=1 run_timed "bw-$v" "${cli[@]}" build --no-search --input "$small" --output "$WORK/out-start" --as-of "$AS_OF"
      first_work "$WORK/.out" "bs-$v"
    done
    run_timed hugo-ver hugo version
  done
  set_aside "$WORK/out-start" "$WORK/.out-start.build-cache"
  ms() { sort -n "$WORK/$1.times" | awk '{t[NR]=$1} END {n=NR; med=(n%2)?t[(n+1)/2]:(t[n/2]+t[n/2+1])/2; printf "%d / %d", t[1], med}'; }
  {
    echo "| $SMALLEST villages, 5 runs, min / median (ms) | native (as released) | JIT only |"
    echo "| --- | --- | --- |"
    echo "| \`disclosure --version\`, whole process | $(ms ver-native) | $(ms ver-jit) |"
    echo "| \`check\`: process start → first line of work | $(ms cs-native) | $(ms cs-jit) |"
    echo "| \`check\`, whole process (warm input cache) | $(ms cw-native) | $(ms cw-jit) |"
    echo "| \`build\`: process start → first line of work | $(ms bs-native) | $(ms bs-jit) |"
    echo "| \`build\`, whole process (clean, no cache) | $(ms bw-native) | $(ms bw-jit) |"
    echo "| \`hugo version\`, whole process | $(ms hugo-ver) | |"
  } >"$STARTUP"
fi

EXTRA="$WORK/extra.md"; : >"$EXTRA"
EDITS="$WORK/edits.md"
{
  echo "| corpus | one-file edit, ours min / median (s) | clean build median (s) | edit ÷ clean | files written | peak RSS (MiB) |"
  echo "| --- | --- | --- | --- | --- | --- |"
} >"$EDITS"
corpus="$WORK/corpus-$LARGEST"
# The clean runs' outputs set aside are removed before the edits, so that an edit looks its ~250,000 files up with the
# kernel's name cache holding this run's sites and inputs, not also the 2 × RUNS outputs per size of the clean runs: on
# this machine the cache's table has 131,072 slots (dhash_entries), each look-up walks a chain as long as the names held
# divided by that, and a clerk's edit loop has no such left-overs. The removal's cost to new files (see set_aside) would
# reach the few files an edit creates: ext4 passes over inodes freed in the last 60 s (more while their table block is
# unwritten), so the freed inodes are written out and the bench waits that minute ("Points 1 and 2, seventeenth round"
# in docs/performance.md).
clear_set_aside
sync
HOST_EDITS=$(host_costs)
log "waiting 65 s: new files pass over inodes freed in the last 60 s"
sleep 65
DENTRIES_EDITS=$(dentries)
if [ $HAS_BUILD = 1 ]; then
  # One-file change at every size: a clerk's edit-and-build loop. A warm-up build over the clean output fills the input
  # cache and leaves the spare; then each run appends a paragraph to one item's body and rebuilds from a new process
  # (caches kept), counting the files rewritten. The item is restored afterwards, so the corpus stays the generated one.
  for n in $SIZES; do
    c="$WORK/corpus-$n"; out="$WORK/out-ours-$n"
    item=$(edit_item "$c")
    cp -p "$item" "$WORK/.item.orig"
    rm -f "$WORK/incr-$n.times"
    log "ours  $n warm-up build (fills the input cache, keeps the spare)"
    "${CLI[@]}" build --no-search --input "$c" --output "$out" --as-of "$AS_OF" >/dev/null
    for r in $(seq 1 "$RUNS"); do
      printf '\n本期公开后补充说明第%s次:经村务监督委员会复核,数据无误。\n' "$r" >>"$item"
      marker="$WORK/.marker"; touch "$marker"; sleep 0.01
      log "ours  $n one-file change run $r"; run_timed "incr-$n" "${CLI[@]}" build --no-search --input "$c" --output "$out" --as-of "$AS_OF"
      written=$(find "$out" -type f -newer "$marker" | wc -l)
    done
    cp -p "$WORK/.item.orig" "$item"
    read -r imin imed irss <<<"$(stats "incr-$n")"
    read -r _ omed _ <<<"$(stats "ours-$n")"
    echo "| $n villages × $YEARS y | $imin / $imed | $omed | $(awk -v a="$imed" -v b="$omed" 'BEGIN{printf "%.2f", a/b}') | $written | $irss |" >>"$EDITS"
  done
  # Hugo keeps nothing between runs: its one-file change is a whole build again (measured once, at the smallest size).
  item=$(edit_item "$WORK/corpus-$SMALLEST")
  hugo_item="$WORK/hugo-$SMALLEST/content/${item#"$WORK/corpus-$SMALLEST/disclosures/"}"
  if [ -f "$hugo_item" ]; then
    cp -p "$hugo_item" "$WORK/.hugo-item.orig"
    printf '\n本期公开后补充说明:经村务监督委员会复核,数据无误。\n' >>"$hugo_item"
    rm -f "$WORK/hugo-incr.times"; marker="$WORK/.marker"; touch "$marker"; sleep 0.01
    run_timed hugo-incr hugo --quiet -s "$WORK/hugo-$SMALLEST" -d "$WORK/out-hugo-$SMALLEST"
    hwritten=$(find "$WORK/out-hugo-$SMALLEST" -type f -newer "$marker" | wc -l)
    cp -p "$WORK/.hugo-item.orig" "$hugo_item"
    read -r _ hinc _ <<<"$(stats hugo-incr)"
    echo "- Hugo's one-file change ($SMALLEST villages, no persistent cache): ${hinc} s, $hwritten files written" >>"$EXTRA"
  fi
fi
rm -f "$WORK/check.times"
"${CLI[@]}" check --input "$corpus" --as-of "$AS_OF" >/dev/null || true   # warm-up: file cache and JIT-independent disk state
for r in 1 2 3 4 5; do
  log "check run $r"
  t0=$(now_ns); /usr/bin/time -f %M -o "$WORK/.rss" "${CLI[@]}" check --input "$corpus" --as-of "$AS_OF" >/dev/null || true; t1=$(now_ns)
  echo "$(( (t1 - t0) / 1000000 )) $(tail -1 "$WORK/.rss")" >>"$WORK/check.times"
done
read -r cmin cmed crss <<<"$(stats check)"
echo "- \`check\` on $LARGEST villages × $YEARS years, warm: median ${cmed} s of 5 (min ${cmin} s), peak ${crss} MiB" >>"$EXTRA"

MACHINE="$(machine), $(hugo version | cut -d' ' -f2)"
DATE=$(date -u +%Y-%m-%d)
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
DENTRIES_AFTER=$(dentries)
REPORT="$WORK/report.md"
{
  echo "Measured $DATE on $MACHINE; $RUNS runs each, clean output (the previous run's set aside, not deleted: see \"Point 1, sixteenth round\"); seed $SEED, --as-of $AS_OF."
  echo "Load average (1/5/15 min) before: $LOAD_BEFORE, after: $LOAD_AFTER — other jobs on the machine inflate every figure alike."
  echo "The kernel's file-name cache held $DENTRIES_BEFORE entries before, $DENTRIES_AFTER after (/proc/sys/fs/dentry-state): the more, the slower every file look-up, for both tools."
  echo "What the host charges (\`bench/host-costs.c\`), before the clean runs: $HOST_BEFORE. Before the edits: $HOST_EDITS."
  echo
  cat "$TABLE"
  echo
  if [ $HAS_BUILD = 1 ]; then
    echo "One-file edit (a paragraph appended to one item's body), rebuilt from a new process over the previous output (the clean runs' outputs removed first; the name cache then held $DENTRIES_EDITS entries):"
    echo
    cat "$EDITS"
    echo
  fi
  cat "$EXTRA"
  if [ $HAS_BUILD = 1 ]; then
    echo
    echo "The physical floor: the same files, same sizes, written by \`bench/write-floor.c\` ($(nproc) threads), the previous copy set aside:"
    echo
    cat "$FLOOR"
    echo
    echo "Start-up:"
    echo
    cat "$STARTUP"
  fi
} >"$REPORT"
cat "$REPORT"

[ $UPDATE_DOCS = 1 ] && update_docs bench "$REPORT"
exit 0
