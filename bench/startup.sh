#!/usr/bin/env bash
# Measures how long `repdesk demo` takes to answer health UP: cold (empty data directory, so
# PostgreSQL initdb and the demo load run) and warm (the same directory again). Prints the runs and
# medians and rewrites the start-up section of docs/benchmarks.md.
# Usage: bench/startup.sh [runs]   (called by `./repdesk bench startup [runs]`; JAVA_HOME must be set)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
jar="$root/target/repdesk.jar"
port=18080
work="$(mktemp -d)"
trap 'pkill -TERM -f "repdesk.jar demo --port $port" 2>/dev/null || true; rm -rf "$work"' EXIT

java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

start_once() {   # prints seconds from launch to health UP, then stops repdesk and waits for it
  local data="$1" t0 t1 pid
  t0=$(date +%s%N)
  "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" demo --port "$port" --data "$data" >"$work/log" 2>&1 &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "repdesk exited; see its log:" >&2; tail -20 "$work/log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b - a) / 1e9 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cold=(); warm=()
for i in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  c=$(start_once "$work/data"); w=$(start_once "$work/data")
  cold+=("$c"); warm+=("$w")
  printf 'run %d/%d: cold %s s, warm %s s\n' "$i" "$runs" "$c" "$w"
done
cold_median=$(printf '%s\n' "${cold[@]}" | median)
warm_median=$(printf '%s\n' "${warm[@]}" | median)
echo "median cold start (initdb + demo load) to health UP: $cold_median s"
echo "median warm start (existing data) to health UP: $warm_median s"

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
section="$(cat <<MD
## Start-up

Command: \`./repdesk bench startup $runs\` (jar already built; \`repdesk demo\` with default demo size,
time from launch to \`/actuator/health\` answering UP). Machine: $machine. Measured $(date -u +%Y-%m-%d).

| start | runs (s) | median (s) |
|---|---|---|
| cold: empty data directory (PostgreSQL initdb, migrations, demo load of ~10,700 contacts) | ${cold[*]} | $cold_median |
| warm: existing data directory | ${warm[*]} | $warm_median |
MD
)"
file="$root/docs/benchmarks.md"
[ -f "$file" ] || printf '# Benchmarks\n\nFigures measured on this project'"'"'s machines; every section names the command that produced it.\n' > "$file"
SECTION="$section" python3 - "$file" <<'PY' 2>/dev/null || { printf '\n%s\n' "$section" >> "$file"; }
import os, re, sys
path = sys.argv[1]
text = open(path).read()
section = os.environ["SECTION"].strip() + "\n"
pattern = re.compile(r"^## Start-up\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
PY
echo "recorded in docs/benchmarks.md"
