#!/usr/bin/env bash
# Times the dashboards: `repdesk bench insight` writes a synthetic journal of N contacts (default 1,000,000)
# and E entries in all (default ten per contact) to a scratch database, builds the insight rollups from it and
# times each dashboard's server work, p50/p99 of 50 runs over the last 12 weeks and the last year.
# --keep DIR keeps the database in DIR; a later run with the same DIR writes nothing and times the dashboards on it.
# Usage: bench/insight.sh [--contacts N] [--events N] [--needs N] [--keep DIR]   (called by `./repdesk bench insight ...`)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/repdesk.jar"
java_opts=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED)
"$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1 \
  && java_opts+=(--sun-misc-unsafe-memory-access=allow)

"$JAVA_HOME/bin/java" "${java_opts[@]}" -jar "$jar" bench insight "$@"
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
