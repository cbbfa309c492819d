#!/usr/bin/env bash
# Where a one-file edit's time goes, as a timeline (issue 17, point 2; docs/performance.md, "Point 2, twenty-sixth
# round"): one CLI gets its own output, spare and input cache, filled by two builds; then a paragraph is appended to one
# item and the edit is rebuilt from a new process under `perf record`, S seconds after the last build ended (default 3: memory
# the previous process freed is fresh again, as for bench/run.sh's edits and a clerk's). Prints, per time bucket, how many
# cores were busy and what each thread was doing (its outermost frame of ours), then our frames by their share of the
# samples (inclusive) and the kernel's share. The item is restored. The native binary gives the frames' names; a JIT
# build (disclosure.dll) shows the runtime's frames only.
# Usage: bench/edit-timeline.sh --corpus DIR --cli CLI [--pause 3] [--hz 4000] [--bucket 20] [--work DIR]
# (CLI: a folder with the native disclosure or disclosure.dll, or one of them — e.g. bench/run.sh's WORK/bin)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

CORPUS=""; CLI_GIVEN=""; PAUSE=3; HZ=4000; BUCKET=20; WORK=${TMPDIR:-/tmp}/disclosure-edit-timeline; AS_OF=2026-11-24
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) CORPUS=$2; shift 2 ;;
    --cli) CLI_GIVEN=$2; shift 2 ;;
    --pause) PAUSE=$2; shift 2 ;;
    --hz) HZ=$2; shift 2 ;;
    --bucket) BUCKET=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$CORPUS" ] && [ -d "$CORPUS/disclosures" ] || { echo "--corpus DIR: a corpus of tools/DisclosureSite.Corpus" >&2; exit 2; }
[ -n "$CLI_GIVEN" ] || { echo "--cli CLI: the CLI to look at (a folder with disclosure or disclosure.dll, or one of them)" >&2; exit 2; }
cli_at "$CLI_GIVEN"
need perf linux-perf
need python3 python3
mkdir -p "$WORK/tmp"

item=$(edit_item "$CORPUS")
cp -p "$item" "$WORK/.item.orig"
trap 'cp -p "$WORK/.item.orig" "$item"' EXIT

build() { TMPDIR="$WORK/tmp" "$@" build --no-search --input "$CORPUS" --output "$WORK/out" --as-of "$AS_OF" >/dev/null; }
# Two builds before the edit: the first fills the output and the input cache, the second the spare (an edit builds into
# the output before last; without one it would link every file anew, as only the first edit after a clean build does).
log "two builds (fill the output, the input cache and the spare)"
build "${CLI[@]}"
build "${CLI[@]}"
printf '\n本期公开后补充说明(时间线)。\n' >>"$item"
sleep "$PAUSE"
log "the edit, under perf record at $HZ Hz"
build perf record -q -F "$HZ" -g -o "$WORK/perf.data" "${CLI[@]}" 2>"$WORK/perf.err" || { cat "$WORK/perf.err" >&2; exit 1; }
perf script -i "$WORK/perf.data" -F tid,time,ip,sym,dso 2>/dev/null >"$WORK/perf.txt"

python3 - "$WORK/perf.txt" "$HZ" "$BUCKET" <<'PY'
import collections, re, sys

path, hz, bucket = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
# Frames that only carry work to a thread or time it: the first frame of ours outside them says what the thread did.
CARRIERS = ("Program__Main", "CommandLine__Run", "Commands_BuildCommand", "SiteBuilder", "__c__DisplayClass", "ExecutionContext",
            "Threading_Tasks", "Threading_Thread", "ThreadPool", "StartupCodeMain", "Parallel")

def name(frame):
    return re.sub(r"^DisclosureSite_DisclosureSite_|^disclosure_DisclosureSite_", "", frame)

samples = []
for block in open(path, encoding="utf-8", errors="replace").read().split("\n\n"):
    lines = [l for l in block.strip().split("\n") if l.strip()]
    if len(lines) < 2:
        continue
    head = lines[0].split()
    frames = []
    for l in lines[1:]:
        m = re.match(r"\s*\S+\s+(.*?)\s+\((.*)\)\s*$", l)
        if m:
            frames.append((m.group(1), m.group(2)))
    if frames:
        samples.append((head[0], float(head[1].rstrip(":")), frames))
if not samples:
    sys.exit("no samples")

start = samples[0][1]
per_bucket = collections.defaultdict(lambda: collections.defaultdict(collections.Counter))
inclusive = collections.Counter()
kernel = 0
for tid, t, frames in samples:
    ours = [name(f) for f, _ in frames if "DisclosureSite_" in f]
    doing = next((f for f in reversed(ours) if not any(c in f for c in CARRIERS)), None)
    doing = doing or (ours[-1] if ours else frames[0][0])
    per_bucket[int((t - start) * 1000 // bucket)][tid][doing[:60]] += 1
    inclusive.update(set(ours))
    kernel += frames[0][1].startswith("[kernel")

full = hz * bucket / 1000
print(f"{len(samples)} samples at {hz} Hz over {(samples[-1][1] - start) * 1000:.0f} ms; {len({s[0] for s in samples})} threads")
print(f"\n| ms | cores busy | what each thread did (samples, its outermost frame of ours) |")
print("| ---: | ---: | --- |")
for b in sorted(per_bucket):
    threads = per_bucket[b]
    busy = sum(sum(c.values()) for c in threads.values()) / full
    what = "; ".join(f"{tid[-3:]}: {sum(c.values())} {c.most_common(1)[0][0]}" for tid, c in sorted(threads.items()))
    print(f"| {b * bucket} | {busy:.2f} | {what} |")
print(f"\nThe kernel's share of the samples: {100 * kernel / len(samples):.1f} %. Our frames by their share (inclusive):")
for frame, n in [(f, n) for f, n in inclusive.most_common() if not any(c in f for c in CARRIERS)][:25]:
    print(f"  {100 * n / len(samples):5.1f} %  {frame[:110]}")
PY
