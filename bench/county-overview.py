#!/usr/bin/env python3
"""A county-level overview, simulated (issue 17, docs/performance.md "A province"): the compliance of every township
from the compliance.json its own site publishes, read and summed per township and status. The real overview would
fetch https://<township site>/compliance/compliance.json (or one period's /compliance/<period>/compliance.json) from
each township's GitHub Pages; here the files are local copies, so the figure is the work of reading and summing.

    bench/county-overview.py COUNT FILE...   # COUNT townships, taking the FILEs in turn
Prints: "<townships> <bytes read> <entries> <seconds>" and, on standard error, the first rows of the summary.
"""
import json
import sys
import time
from collections import Counter


def main() -> None:
    count, files = int(sys.argv[1]), sys.argv[2:]
    started = time.perf_counter()
    total_bytes = entries = 0
    summary = {}
    for i in range(count):
        path = files[i % len(files)]
        with open(path, "rb") as f:
            raw = f.read()
        total_bytes += len(raw)
        doc = json.loads(raw)
        statuses = Counter()
        for entry in doc["entries"]:
            statuses[(entry["period"], entry["status"])] += 1
        entries += len(doc["entries"])
        summary[f"township-{i + 1:04d}"] = (doc["as_of"], statuses)
    elapsed = time.perf_counter() - started
    for name, (as_of, statuses) in list(summary.items())[:3]:
        latest = max(p for p, _ in statuses)
        row = {s: n for (p, s), n in statuses.items() if p == latest}
        print(f"{name} (as of {as_of}) {latest}: {row}", file=sys.stderr)
    print(f"{count} {total_bytes} {entries} {elapsed:.3f}")


if __name__ == "__main__":
    main()
