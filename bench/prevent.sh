#!/usr/bin/env bash
# Times a need's evidence: `repdesk bench prevent` registers N customers (default 100,000) and records N customer
# messages on one need (default 50,000) in a scratch database, times the signals projection catching up with the
# journal, computes the evidence three times, then applies 1,000 more messages and computes it once more; prints
# the figures and rewrites the measured part of the "Prevent: evidence of one need" section of docs/benchmarks.md
# (what follows a "**Reading the figures" paragraph or a "### " heading in that section is kept).
# Usage: bench/prevent.sh [--customers N] [--contacts N]   (called by `./repdesk bench prevent ...`)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

log="$(mktemp)"
trap 'rm -f "$log" "$log.lines"' EXIT
"$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" bench prevent "$@" | tee "$log"
tr '\r' '\n' < "$log" | grep -E '^(Signals: |Parts: |Pass [0-9]|bench prevent )' > "$log.lines" || true
grep -q '^bench prevent ' "$log.lines" || { echo "bench prevent printed no result line" >&2; exit 1; }

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
MACHINE="$machine" ROOT="$root" ARGS="$*" python3 - "$log.lines" <<'PY'
import datetime, os, re, sys
lines = [l.strip() for l in open(sys.argv[1]) if l.strip()]
passes = [l for l in lines if l.startswith(("Pass ", "Signals: ", "Parts: "))]
result = dict(kv.split("=", 1) for kv in [l for l in lines if l.startswith("bench prevent ")][-1].split()[2:])
args = (" " + os.environ["ARGS"]) if os.environ["ARGS"] else ""
rows = "\n".join("| " + p.split(":", 1)[0] + " | " + p.split(":", 1)[1].strip() + " |" for p in passes)
section = f"""## Prevent: evidence of one need

Command: `./repdesk bench prevent{args}` (scratch database; {int(result["customers"]):,} customers, a tenth of
them on Android 5.2; {int(result["contacts"]):,} customer messages, recorded through the contact module with
their texts, in cases of one need over 90 days, seven cases in ten from the Android 5.2 cohort,
{int(result["affected"]):,} customers affected; {int(result["cases"]):,} cases once the 1,000 late messages are in).
First the signals projection applies the whole journal ({int(result["entries"]):,} entries: registrations,
cases, messages). A pass is `NeedEvidence.of`: the need's signals from the read model (totals, weeks with distinct
customers, cost, repeats, time to resolution), environment counts over the affected customers and over the whole
base (counted once, then reused while no customer changes), lift and significance, organizations, verbatims from
the five most recent cases, upgrade warnings. Then 1,000 more messages arrive and the projection applies them
(pass 4 reads the result). Machine: {os.environ["MACHINE"]}, shared with other engineers' builds and tests.
Measured {datetime.date.today()}.

| step | result |
|---|---|
{rows}

Median of passes 1 to 3: {float(result["median_ms"]):.0f} ms.
"""
path = os.path.join(os.environ["ROOT"], "docs", "benchmarks.md")
text = open(path).read()
pattern = re.compile(r"^## Prevent: evidence of one need\n.*?(?=^\*\*Reading the figures|^### |^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print("recorded in docs/benchmarks.md")
PY
