#!/usr/bin/env bash
# Runs every benchmark in turn, each rewriting its section of docs/benchmarks.md with the machine, the command,
# medians and p99s: start-up, SLA recomputation, portal search, inbound email, matching at 10k needs / 1M
# contacts, and the load run at 100k, 300k and 1M contacts (10k needs; 10k, 30k and 100k customers).
# Takes hours on two cores (the 1M load run alone several); run it on a quiet machine.
# Usage: bench/all.sh   (called by `./repdesk bench all`)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/bench/startup.sh" 3
"$root/bench/sla.sh"
"$root/bench/search.sh" 3
"$root/bench/email.sh" 3
"$root/bench/matching.sh" 3
"$root/bench/insight.sh" --contacts 1000000 --events 10000000 --needs 10000
"$root/bench/prevent.sh" --customers 100000 --contacts 50000
"$root/bench/load.sh" --contacts 100000 --needs 10000 --customers 10000
"$root/bench/load.sh" --contacts 300000 --needs 10000 --customers 30000
"$root/bench/load.sh" --contacts 1000000 --needs 10000 --customers 100000
