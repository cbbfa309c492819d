#!/usr/bin/env bash
# Issue 17 point 3: the time from saving a file to `disclosure preview` having rebuilt the site (its reload event).
#
#   bench/preview.sh --corpus DIR --cli DIR/disclosure.dll [--runs 5] [--port 8093] [--work DIR]
#   (--cli: a disclosure.dll, run with dotnet, or the release binary bench/run.sh publishes, e.g. WORK/bin/disclosure)
#
# Starts `disclosure preview` on a copy of the corpus (made once in --work), waits for its first build, listens on the
# reload endpoint (server-sent events) with curl, then for each run appends a line to one item's Markdown (odd runs)
# or changes one cell of a ledger table (even runs), taking the time just before the write and when the next reload
# event arrives. Prints each time, then min and median. Run it under the bench lock:
#   flock /work/bench.lock bench/preview.sh --corpus /tmp/c300 --cli /tmp/bin/disclosure.dll
set -euo pipefail

corpus="" cli="" runs=5 port=8093 work="${TMPDIR:-/tmp}/disclosure-preview-bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -d "$corpus" ] && [ -f "$cli" ] || { echo "usage: $0 --corpus DIR --cli disclosure.dll|disclosure [--runs N] [--port P] [--work DIR]" >&2; exit 2; }

mkdir -p "$work"
input="$work/input" output="$work/_site"
# The copy of the corpus (and the preview's output) are kept in --work between runs: the first build of a later run is
# then a warm one. Delete --work for a cold start.
[ -d "$input" ] || cp -r "$corpus" "$input"
unit=$(ls "$input/disclosures" | head -1)
period=$(ls "$input/disclosures/$unit" | sort | tail -1)
md="$input/disclosures/$unit/$period/finance.md"
csv="$input/disclosures/$unit/$period/finance-ledger.csv"
[ -f "$md" ] && [ -f "$csv" ] || { echo "no finance item in $unit/$period" >&2; exit 2; }

log="$work/preview.log" events="$work/events.log"
: > "$events"
started=$(date +%s%N)
# From the work folder with a PATH holding only dotnet: no Pagefind (nor npx) is found, so the first build makes no
# search index (Pagefind on a 300-village site takes minutes; rebuilds never run it).
cli=$(realpath "$cli")
mkdir -p "$work/path"
ln -sf "$(realpath "$(command -v dotnet)")" "$work/path/dotnet"
run=("$work/path/dotnet" "$cli"); case "$cli" in *.dll) ;; *) run=("$cli") ;; esac
(cd "$work" && exec env PATH="$work/path" DISCLOSURE_TIMINGS=1 "${run[@]}" preview --input "$input" --output "$output" --as-of 2026-11-24 --port "$port") > "$log" 2>&1 &
preview=$!
curl_pid=""
cleanup() {
  [ -n "$curl_pid" ] && kill "$curl_pid" 2>/dev/null || true
  kill "$preview" 2>/dev/null || true
  wait "$preview" 2>/dev/null || true
}
trap cleanup EXIT

until grep -q "预览地址\|构建有问题" "$log"; do
  kill -0 "$preview" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
echo "first build (process start to serving): $(( ($(date +%s%N) - started) / 1000000 )) ms"

# Each event line, stamped with the time it arrived (ns).
curl -sN --retry 60 --retry-delay 1 --retry-connrefused "http://127.0.0.1:$port/__disclosure-preview/reload" | while IFS= read -r line; do
  case "$line" in data:*) echo "$(date +%s%N) ${line#data: }" >> "$events" ;; esac
done &
curl_pid=$!
until [ -s "$events" ]; do sleep 0.1; done

times=()
for i in $(seq 1 "$runs"); do
  sleep 2
  before=$(wc -l < "$events")
  if [ $((i % 2)) -eq 1 ]; then
    t0=$(date +%s%N)
    printf '\n第 %s 次修改:补充说明。\n' "$i" >> "$md"
  else
    # The 摘要 (description) of the ledger's first row gets the run number: the table changes, its totals do not.
    # The time is taken by the script just before it writes: Python's own start (~0.4 s here) is not the preview's.
    t0=$(python3 - "$csv" "$i" <<'PY'
import sys, time
p, i = sys.argv[1], sys.argv[2]
lines = open(p, encoding="utf-8").read().split("\n")
cells = lines[1].split(",")
cells[1] = cells[1].rstrip("0123456789") + i
lines[1] = ",".join(cells)
text = "\n".join(lines)
print(time.time_ns())
with open(p, "w", encoding="utf-8") as f:
    f.write(text)
PY
)
  fi
  until [ "$(wc -l < "$events")" -gt "$before" ]; do sleep 0.01; done
  t1=$(tail -1 "$events" | cut -d' ' -f1)
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms  ($(grep -c "已生成" "$log") builds so far; last: $(grep "已生成" "$log" | tail -1))"
done

echo "preview process memory: $(grep -E 'VmRSS|VmHWM' "/proc/$preview/status" | tr -s ' \t' ' ' | tr '\n' ';')"
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "save → rebuilt: min ${sorted[0]} ms, median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over ${#sorted[@]} runs"
