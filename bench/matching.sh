#!/usr/bin/env bash
# Times need matching at scale: `repdesk bench matching` (synthetic needs and contacts, real embedding
# of the contacts being matched) run several times on one kept corpus; prints every run and the
# medians, and rewrites the "Matching at scale" section of docs/benchmarks.md.
# Usage: bench/matching.sh [runs] [--needs N] [--contacts N] [--queries N] [--threads N] [--callers N] [--model NAME]
#   (called by `./repdesk bench matching ...`; JAVA_HOME must be set). The first run on a new corpus
#   builds it (10k needs and 1M contacts: about 15 minutes on 2 cores); later runs reuse it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
runs=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs="$1"; shift; fi
needs=10000; contacts=1000000; model=bge-small-en-v15-q; args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --needs) needs="$2"; args+=("$1" "$2"); shift 2 ;;
    --contacts) contacts="$2"; args+=("$1" "$2"); shift 2 ;;
    --model) model="$2"; shift 2 ;;
    --queries|--threads|--callers) args+=("$1" "$2"); shift 2 ;;
    *) echo "bench matching: unknown option '$1'" >&2; exit 2 ;;
  esac
done
# The index's vector format is part of the key: a corpus stored another way is built anew, not reused.
vectors=hnsw-int7
corpus="$root/target/bench-matching/$model-$needs-$contacts-$vectors"
mkdir -p "$(dirname "$corpus")"

java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

lines=()
for i in $(seq 1 "$runs"); do
  echo "run $i/$runs (corpus: $corpus)"
  log="$(mktemp)"
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" bench matching "${args[@]}" --corpus "$corpus" \
    --repdesk.search.model="$model" | tee "$log"
  line="$(tr '\r' '\n' < "$log" | grep '^bench matching ' | tail -1)"
  rm -f "$log"
  [ -n "$line" ] || { echo "run $i printed no result line" >&2; exit 1; }
  lines+=("$line")
done

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | grep -v '^Picked up' | head -1)"
printf '%s\n' "${lines[@]}" > "$corpus.results"
MACHINE="$machine" RUNS="$runs" MODEL="$model" ROOT="$root" python3 - "$corpus.results" <<'PY'
import datetime, os, re, statistics, sys
runs = [dict(kv.split("=", 1) for kv in line.split()[2:]) for line in open(sys.argv[1]) if line.strip()]
def col(key): return [float(r[key]) for r in runs]
def med(key): return statistics.median(col(key))
def each(key, fmt="{:.2f}"): return " / ".join(fmt.format(v) for v in col(key))
r0 = runs[0]
model = os.environ["MODEL"]
print("median of %d runs: p50 %.2f ms, p99 %.2f ms, %.0f contacts/s, index %s MiB, heap %.0f MiB"
      % (len(runs), med("p50_ms"), med("p99_ms"), med("contacts_per_s"), r0["index_mb"], med("heap_mb")))
option = "" if model == "bge-small-en-v15-q" else " --model " + model
cpu_row = (f"| process CPU time per contact in that phase (ms) | {each('cpu_ms')} | {med('cpu_ms'):.2f} |\n"
           if all("cpu_ms" in r for r in runs) else "")
section = f"""## Matching at scale

Command: `./repdesk bench matching {os.environ["RUNS"]}{option}`
({int(r0["needs"]):,} synthetic needs, {int(r0["contacts"]):,} synthetic contacts in the index, model
`{model}`). Machine: {os.environ["MACHINE"]}. Measured {datetime.date.today()}.
Stored contacts carry the embedding of their need's title plus noise; each matched contact is a new
text embedded at match time (see `MatchingBenchmark`). Runs in order, then the median.

| figure | runs | median |
|---|---|---|
| match latency p50, embedding included (ms) | {each("p50_ms")} | {med("p50_ms"):.2f} |
| match latency p99, embedding included (ms) | {each("p99_ms")} | {med("p99_ms"):.2f} |
| contacts matched per second, {r0.get("callers", r0["threads"])} concurrent callers | {each("contacts_per_s", "{:.0f}")} | {med("contacts_per_s"):.0f} |
{cpu_row}| index on disk (MiB) | {each("index_mb", "{:.0f}")} | {med("index_mb"):.0f} |
| heap used after a full collection (MiB) | {each("heap_mb", "{:.0f}")} | {med("heap_mb"):.0f} |
| top-1 need correct (synthetic data: a sanity check, not a quality figure) | {each("top1", "{:.3f}")} | {med("top1"):.3f} |
"""
path = os.path.join(os.environ["ROOT"], "docs", "benchmarks.md")
text = open(path).read()
pattern = re.compile(r"^## Matching at scale\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print("recorded in docs/benchmarks.md")
PY
