#!/usr/bin/env bash
# Generates a realistic workload and measures a loaded node: `repdesk bench load` records N contacts (default
# 100,000) over K needs (default 10,000) from C customers (default 10,000) through the ingestion path in a
# scratch database, with matching and the search index live; prints ingest and ingest-and-match throughput,
# p50/p99 of HTTP requests, heap, RSS, database and index size, then times a cold start of a node on the loaded
# data and `repdesk reindex` on it; rewrites its row in the "Load" section of
# docs/benchmarks.md (one row per size, so runs at several sizes make the growth table).
# --stop-at N measures after the first N of the run's contacts (time order) and stops; --keep DIR keeps the
# loaded node in DIR, and the same command with a larger --stop-at (or none) continues from it, so one run can
# give the rows of several sizes. `touch DIR/pause` stops recording at any moment (matching and indexing finish
# first, nothing is measured); the same command continues.
# Usage: bench/load.sh [--contacts N] [--needs K] [--customers C] [--stop-at N] [--keep DIR]
#   (called by `./repdesk bench load ...`)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

log="$(mktemp)"
data="$(mktemp -d)"
node="$data/node"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--keep" ] && [ $((i + 1)) -lt ${#args[@]} ]; then
    mkdir -p "${args[$((i + 1))]}"
    node="$(cd "${args[$((i + 1))]}" && pwd)"
  fi
done
server=""
trap '[ -z "$server" ] || kill -TERM "$server" 2>/dev/null || true; rm -rf "$log" "$log.lines" "$data"' EXIT
# the loaded data directory is kept (not a scratch one) so that a node can then be started on it and reindexed
"$JAVA_HOME/bin/java" "${java_opts[@]}" ${REPDESK_JAVA_OPTS:-} -jar "$jar" bench load "$@" \
  "--repdesk.db.data-dir=$node" --repdesk.db.keep-data=true | tee "$log"
tr '\r' '\n' < "$log" | grep -E '^bench load ' > "$log.lines" || true
if grep -q '^bench load paused' "$log.lines"; then
  exit 0   # stopped by DIR/pause: nothing measured, the same command continues
fi
[ -s "$log.lines" ] || { echo "bench load printed no result line" >&2; exit 1; }

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# (re)writes this size's row in the "Load" section of docs/benchmarks.md from the last result line: after the
# requests, again after the cold start and after the reindex, so that a run stopped during either keeps its row
record_row() {
  MACHINE="$machine" LOAD="$(cut -d' ' -f1-3 /proc/loadavg)" ROOT="$root" ARGS="${args[*]}" python3 "$data/row.py" "$log.lines"
}
cat > "$data/row.py" <<'PY'
import datetime, os, re, sys
lines = [l for l in open(sys.argv[1]).read().split("\n") if l.startswith("bench load ")]
r = dict(kv.split("=", 1) for kv in lines[-1].split()[2:])
args = (" " + os.environ["ARGS"]) if os.environ["ARGS"] else ""
size = f'{int(r["contacts"]):,} / {int(r["needs"]):,} / {int(r["customers"]):,}'
part = []
if int(r.get("of", r["contacts"])) != int(r["contacts"]):
    part.append(f'the first of a {int(r["of"]):,}-contact run')
if int(r.get("segment_from", "0")) == int(r["contacts"]):
    part.append("measured again, nothing recorded")
elif int(r.get("segment_from", "0")) > 0:
    part.append(f'ingest figures for contacts {int(r["segment_from"]):,}–{int(r["contacts"]):,}')
if part:
    size += " (" + "; ".join(part) + ")"
def pair(k):
    return f'{r[k + "_p50_ms"]} / {r[k + "_p99_ms"]}'
row = (f'| {size} | {datetime.date.today()} | {os.environ["LOAD"]} | {r["ingest_per_s"]} | {r["ingest_match_per_s"]} | '
       f'{pair("api_contact_create")} | {pair("inbox")} | {pair("case_page")} | {pair("need_page")} | '
       f'{pair("needs_dashboard")} | {pair("sla_report")} | {pair("agent_search")} | '
       f'{r["heap_mib"]} | {r["rss_mib"]} | {r["db_mib"]} | {r["index_mib"]} | {r.get("cold_start_s", "–")} | {r.get("reindex_s", "–")} |')
header = """## Load

Command: `./repdesk bench load --contacts N --needs K --customers C` (scratch database; customers with
environment profiles, the 77 BANKING77 needs and synthetic ones, each need with a lifecycle shape; every
contact recorded through `ContactManagement.record` by 4 threads in time order, a quarter of them follow-ups
on the customer's last case, texts from the bundled BANKING77 questions with openers, closers, lower case
and swapped letters; need matching and the search index run live as on a node). Ingest is contacts
recorded per second; ingest-and-match counts until every new case was matched and every journal entry
indexed. Then 200 HTTP requests per kind, one at a time after 20 warm-up requests, as an admin account (pages in a
signed-in session; the API with an API token holding `contacts:write`, as integrations call it, and again with
HTTP Basic, printed as `api_contact_create_basic`, not in the table; rows dated before 07:00 UTC on
2026-11-27 timed the API with HTTP Basic only, see "What the slower pages were"), p50 / p99 in ms. Heap is after a full collection. Cold start is a
new JVM serving the loaded data until health answers UP; reindex is the `repdesk reindex` command on it, JVM
start included, in seconds. Machine: MACHINE. Load is the 1/5/15-minute load average when the run ended (other
engineers' builds share the cores).

| contacts / needs / customers | date | load | ingest/s | ingest+match/s | API contact create | inbox | case page | need page | needs list | SLA report | agent search | heap MiB | RSS MiB | database MiB | index MiB | cold start s | reindex s |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
""".replace("MACHINE", os.environ["MACHINE"])
path = os.path.join(os.environ["ROOT"], "docs", "benchmarks.md")
text = open(path).read()
pattern = re.compile(r"^## Load\n.*?(?=^## |\Z)", re.S | re.M)
m = pattern.search(text)
rows = []
notes = ""
if m:
    body = m.group(0).split("\n")
    # the first table is the rows; other tables further down belong to the notes
    start = next((i for i, l in enumerate(body) if l.startswith("|")), None)
    end = start
    while end is not None and end < len(body) and body[end].startswith("|"):
        end += 1
    rows = body[start + 2:end] if start is not None else []
    notes = "\n".join(body[end:]).strip() if start is not None else ""
columns = row.count("|")
rows = [l + " – |" * max(0, (columns - l.count("|"))) for l in rows]   # rows from before a column was added
rows = [l for l in rows if not l.startswith("| " + size + " |")] + [row]
rows.sort(key=lambda l: int(l.split("|")[1].split("/")[0].strip().replace(",", "")))
section = header + "\n".join(rows) + "\n" + ("\n" + notes + "\n" if notes else "")
text = pattern.sub(lambda _: section + "\n", text) if m else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print("recorded in docs/benchmarks.md" + ("" if "reindex_s" in r else " (cold start and reindex to follow)"))
PY
record_row

seconds_since() { awk -v a="$1" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
# cold start: a new JVM serving the loaded data (its PostgreSQL and index as the benchmark left them) until health UP
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')"
t0=$(date +%s%N)
"$JAVA_HOME/bin/java" "${java_opts[@]}" ${REPDESK_JAVA_OPTS:-} -jar "$jar" serve --port "$port" --data "$node" \
  >"$data/serve.log" 2>&1 &
server=$!
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { echo "repdesk serve exited; see its log:" >&2; tail -20 "$data/serve.log" >&2; exit 1; }
  sleep 0.1
done
cold="$(seconds_since "$t0")"
kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=""
echo "Cold start on the loaded data (new JVM to health UP): $cold s"
sed -i "\$s/\$/ cold_start_s=$cold/" "$log.lines"
record_row
# reindex: the whole command, JVM start included, rebuilding the index from the loaded journal
t0=$(date +%s%N)
"$JAVA_HOME/bin/java" "${java_opts[@]}" ${REPDESK_JAVA_OPTS:-} -jar "$jar" reindex --data "$node" | tr '\r' '\n' | tail -1
reindex="$(seconds_since "$t0")"
echo "Reindex command (JVM start included): $reindex s"
sed -i "\$s/\$/ reindex_s=$reindex/" "$log.lines"
record_row

