#!/usr/bin/env bash
# Times inbound email: `repdesk bench email` fills an in-process GreenMail IMAP mailbox with N realistic
# messages (default 10,000) and times the real mailbox reader until every one is a contact (or set aside as
# a bounce or auto-reply), a fresh mailbox per run; prints the runs and rewrites the "Inbound email"
# section of docs/benchmarks.md.
# Usage: bench/email.sh [runs] [--messages N]   (called by `./repdesk bench email ...`; JAVA_HOME must be set)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
runs=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then runs="$1"; shift; fi
java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

log="$(mktemp)"
trap 'rm -f "$log" "$log.lines"' EXIT
"$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" bench email --runs "$runs" "$@" | tee "$log"
tr '\r' '\n' < "$log" | grep -E '^(Run [0-9]+: |bench email )' > "$log.lines" || true
grep -q '^bench email ' "$log.lines" || { echo "bench email printed no result line" >&2; exit 1; }

machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
MACHINE="$machine" ROOT="$root" ARGS="$*" RUNS="$runs" NOTE="${REPDESK_BENCH_NOTE:-}" python3 - "$log.lines" <<'PY'
import datetime, os, re, sys
lines = [l.strip() for l in open(sys.argv[1]) if l.strip()]
runs = [l for l in lines if l.startswith("Run ")]
result = dict(kv.split("=", 1) for kv in [l for l in lines if l.startswith("bench email ")][-1].split()[2:])
args = (" " + os.environ["ARGS"]) if os.environ["ARGS"] else ""
rows = "\n".join("| " + r.split(":", 1)[0] + " | " + r.split(":", 1)[1].strip() + " |" for r in runs)
note = ("\n" + os.environ["NOTE"] + "\n") if os.environ["NOTE"] else ""
section = f"""## Inbound email

Command: `./repdesk bench email {os.environ["RUNS"]}{args}` (scratch database; an in-process GreenMail IMAP server
holding {int(result["messages"]):,} messages per run from 2,000 senders: seven in ten new threads, three in ten
replies threaded by In-Reply-To with quoted history, half with an HTML alternative, one in ten with an
HTML alternative and a 20–100 KB PDF, one in a hundred an auto-reply or bounce; the real mailbox reader fetches each message whole,
parses it, stores its files and original, records the contact and only then marks it done on the server;
need matching and the search tail are off, as in the other benchmarks). Machine: {os.environ["MACHINE"]}.
Measured {datetime.date.today()}.
{note}
| run | result |
|---|---|
{rows}

Median: {float(result["median_per_s"]):.0f} messages/s ({float(result["median_s"]):.1f} s for {int(result["messages"]):,} messages), of which
{float(result["median_server_s"]):.1f} s waiting on the IMAP server's answers to searching, reading and marking; repdesk's own
work (parsing, storing, recording) alone: {float(result["median_own_per_s"]):.0f} messages/s.
"""
path = os.path.join(os.environ["ROOT"], "docs", "benchmarks.md")
text = open(path).read()
pattern = re.compile(r"^## Inbound email\n.*?(?=^## |\Z)", re.S | re.M)
text = pattern.sub(lambda m: section + "\n", text) if pattern.search(text) else text.rstrip() + "\n\n" + section
open(path, "w").write(text)
print("recorded in docs/benchmarks.md")
PY
