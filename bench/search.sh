#!/usr/bin/env bash
# Times portal search: `repdesk bench search [runs]` publishes 10,000 articles (or --articles N) in a scratch
# database, lets 50 concurrent users (or --users N) search, repeats for each run, and rewrites the
# "Portal search" section of docs/benchmarks.md with the medians of p50 and p99 over the runs.
# Usage: bench/search.sh [runs] [--articles N] [--users N]   (JAVA_HOME must be set)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
runs=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs="$1"; shift; fi
java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

lines="$(mktemp)"
trap 'rm -f "$lines"' EXIT
for run in $(seq 1 "$runs"); do
  echo "Run $run of $runs"
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" bench search "$@" | tee /dev/stderr \
    | tr '\r' '\n' | grep -E '^bench search ' >> "$lines" || { echo "bench search printed no result line" >&2; exit 1; }
done

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
MACHINE="$machine" ROOT="$root" ARGS="$*" RUNS="$runs" python3 - "$lines" <<'PY'
import datetime, os, re, statistics, sys
rows = [dict(kv.split("=", 1) for kv in l.split()[2:]) for l in open(sys.argv[1]) if l.strip()]
p50 = [float(r["p50_ms"]) for r in rows]
p99 = [float(r["p99_ms"]) for r in rows]
qps = [float(r["qps"]) for r in rows]
args = (" " + os.environ["ARGS"]) if os.environ["ARGS"] else ""
table = "\n".join(f"| {i + 1} | {r['p50_ms']} | {r['p99_ms']} | {r['qps']} |" for i, r in enumerate(rows))
section = f"""## Portal search

Command: `./repdesk bench search {os.environ["RUNS"]}{args}` (scratch database; {int(rows[0]["articles"]):,} published
public articles made through the knowledge module and indexed from the journal; {rows[0]["users"]} concurrent users,
each running {int(rows[0]["queries"]) // int(rows[0]["users"])} customer-typed queries with typos back to back through
the portal's search service: BM25 with typo tolerance fused with vector neighbours, filters, snippets; the query
embedding is included, HTTP is not). Machine: {os.environ["MACHINE"]}. Measured {datetime.date.today()}.

| run | p50 (ms) | p99 (ms) | searches/s |
|---|---|---|---|
{table}

Median over the runs: p50 {statistics.median(p50):.1f} ms, p99 {statistics.median(p99):.1f} ms, {statistics.median(qps):.0f} searches/s.
"""
path = os.path.join(os.environ["ROOT"], "docs", "benchmarks.md")
text = open(path).read()
pattern = re.compile(r"^## Portal search\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print("recorded in docs/benchmarks.md")
PY
