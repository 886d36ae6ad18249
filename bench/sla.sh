#!/usr/bin/env bash
# Times SLA recomputation and the SLA report: `repdesk bench sla` opens N cases (default 100,000) with two SLA
# policies in a scratch database, runs three SLA passes over every open case and three as the SLA monitor runs
# them (the cases that changed or came due), asks for the report over the 30 days; prints the passes and
# rewrites the "SLA recomputation" section of docs/benchmarks.md.
# Usage: bench/sla.sh [--cases N]   (called by `./repdesk bench sla ...`; JAVA_HOME must be set)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
"$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" bench sla "$@" | tee "$log"
tr '\r' '\n' < "$log" | grep -E '^(Pass [0-9]|Report: |bench sla )' > "$log.lines" || true
grep -q '^bench sla ' "$log.lines" || { echo "bench sla printed no result line" >&2; exit 1; }

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
MACHINE="$machine" ROOT="$root" ARGS="$*" python3 - "$log.lines" <<'PY'
import datetime, os, re, sys
lines = [l.strip() for l in open(sys.argv[1]) if l.strip()]
passes = [l for l in lines if l.startswith("Pass ")]
result = dict(kv.split("=", 1) for kv in [l for l in lines if l.startswith("bench sla ")][-1].split()[2:])
args = (" " + os.environ["ARGS"]) if os.environ["ARGS"] else ""
rows = "\n".join("| " + p.split(":", 1)[0] + " | " + p.split(":", 1)[1].strip() + " |" for p in passes)
section = f"""## SLA recomputation

Command: `./repdesk bench sla{args}` (scratch database; {int(result["total_cases"]):,} cases opened over
the last 30 days through casework, half of them answered, a fifth waiting on the customer, a fifth
resolved, so {int(result["cases"]):,} open; a formal
policy for one plan in three and an informal policy for all, on a Berlin calendar with a lunch
break and holidays). Machine: {os.environ["MACHINE"]}. Measured {datetime.date.today()}.
The first pass also evaluates every case opened (all are on the list of changed cases), records every
breach found (one row and one journal entry each) and stores each case's outcomes for the report; later
passes find them recorded already. Then three passes as the SLA monitor runs them, which evaluate only the
cases that changed since (none here) or whose warning or due moment came meanwhile.

| pass | result |
|---|---|
{rows}

Median of the three passes over every open case: {float(result["median_s"]):.2f} s, {float(result["ms_per_1000"]):.1f} ms
per 1,000 open cases. Median of the monitor's passes: {float(result["incremental_s"]):.3f} s (cases evaluated:
{result["incremental_cases"].replace("/", ", ")}).

SLA report over the 30 days ({int(result["report_targets"]):,} targets counted, after folding the passes'
count changes in {float(result["fold_s"]):.2f} s): p50 {float(result["report_p50_ms"]):.1f} ms, p99
{float(result["report_p99_ms"]):.1f} ms over 20 requests (in-process, after 3 warm-up requests).
"""
path = os.path.join(os.environ["ROOT"], "docs", "benchmarks.md")
text = open(path).read()
pattern = re.compile(r"^## SLA recomputation\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print("recorded in docs/benchmarks.md")
PY
rm -f "$log.lines"
