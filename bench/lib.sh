# Helpers shared by the bench scripts (run.sh, township.sh, ab-edit.sh, edit-timeline.sh); sourced: the caller sets
# WORK where it uses them and is in the repository root.

log() { printf '[bench] %s\n' "$*" >&2; }
need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing $2 (apt)"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >/dev/null
  else
    log "missing $1: install the $2 package"; exit 2
  fi
}
now_ns() { date +%s%N; }
# set_aside PATH...: moves what exists of PATH... into $WORK/.set-aside, removed at the end of the script
# (clear_set_aside, on EXIT), instead of deleting it just before a timed run. On an ext4 file system without a
# journal (this machine's), each new file's inode is looked for past every inode deleted in the last minute (six
# while its block is unwritten), one by one: a clean build started right after deleting the previous run's output
# spent 37-40 % of its CPU in that search, growing run after run (docs/performance.md, "Point 1, sixteenth round").
set_aside() {
  local dest p
  dest="$WORK/.set-aside/$(now_ns)"
  mkdir -p "$dest"
  for p in "$@"; do if [ -e "$p" ]; then mv "$p" "$dest/"; fi; done
}
clear_set_aside() { rm -rf "$WORK/.set-aside"; }
# run_timed LABEL CMD...: runs CMD, appends "milliseconds peak_kib" to $WORK/LABEL.times; its output is left in $WORK/.out
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
# publish_cli: the Release CLI as released — the native binary of release.yml (compiled ahead of time) for this
# machine's runtime identifier — in $WORK/bin, and the JIT-only build (what `dotnet build` makes) in $WORK/bin-jit, to
# measure start-up beside it. Sets CLI (the command that runs the released CLI, an array) and JIT_CLI.
publish_cli() {
  local rid=""
  case "$(uname -s)/$(uname -m)" in Linux/x86_64) rid=linux-x64 ;; Linux/aarch64) rid=linux-arm64 ;; esac
  log "publishing the Release CLI once ($([ -n "$rid" ] && echo "the native release binary for $rid" || echo "no runtime identifier: JIT only")), and the JIT-only build beside it"
  rm -rf "$WORK/bin" "$WORK/bin-jit"
  if [ -n "$rid" ]; then
    dotnet publish src/DisclosureSite.Cli -c Release -r "$rid" -p:PublishAot=true -o "$WORK/bin" -nologo -v q >/dev/null
    CLI=("$WORK/bin/disclosure")
  else
    dotnet build src/DisclosureSite.Cli -c Release -o "$WORK/bin" -nologo -v q >/dev/null
    CLI=(dotnet "$WORK/bin/disclosure.dll")
  fi
  dotnet build src/DisclosureSite.Cli -c Release -o "$WORK/bin-jit" -nologo -v q >/dev/null
  JIT_CLI=(dotnet "$WORK/bin-jit/disclosure.dll")
}
# edit_item CORPUS: the item the benches' one-file edits append a paragraph to (the first finance.md in path order; awk
# reads to the end, where head would SIGPIPE sort under pipefail)
edit_item() { find "$1/disclosures" -name finance.md | sort | awk 'NR == 1'; }
# cli_at PATH: the command (an array, in CLI) that runs a CLI given as a folder, a disclosure.dll or a binary
cli_at() {
  local p=$1
  if [ -d "$p" ]; then if [ -x "$p/disclosure" ]; then p="$p/disclosure"; else p="$p/disclosure.dll"; fi; fi
  [ -f "$p" ] || { echo "no CLI at $1 (a folder with disclosure or disclosure.dll, or one of them)" >&2; exit 2; }
  case "$p" in *.dll) CLI=(dotnet "$p") ;; *) CLI=("$p") ;; esac
}
# corpus_tool: the corpus generator (tools/DisclosureSite.Corpus) built once; sets CORPUS_DLL
corpus_tool() {
  dotnet build tools/DisclosureSite.Corpus -c Release -o "$WORK/corpus-bin" -nologo -v q >/dev/null
  CORPUS_DLL="$WORK/corpus-bin/disclosure-corpus.dll"
}
# machine: one line describing where the figures were measured
machine() {
  echo "$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(uname -sr), .NET $(dotnet --version)"
}
# update_docs MARKER REPORT: replaces the text between <!-- MARKER:begin --> and <!-- MARKER:end --> in docs/performance.md
update_docs() {
  python3 - "docs/performance.md" "$1" "$2" <<'PY'
import sys, re
doc, marker, rep = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf-8").read().strip()
text = open(doc, encoding="utf-8").read()
pattern = r"(<!-- " + re.escape(marker) + r":begin -->\n).*?(\n<!-- " + re.escape(marker) + r":end -->)"
if not re.search(pattern, text, flags=re.S):
    sys.exit(f"docs/performance.md has no <!-- {marker}:begin --> … <!-- {marker}:end --> block")
open(doc, "w", encoding="utf-8").write(re.sub(pattern, lambda m: m.group(1) + rep + m.group(2), text, flags=re.S))
PY
  log "updated docs/performance.md ($1)"
}
