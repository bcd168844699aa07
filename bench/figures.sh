#!/usr/bin/env bash
# Measures the figures the documents claim and checks each against bench/figures.claims.
#   bench/figures.sh          about 5 minutes on 2 cores; prints one line per figure and exits 1 if any fails
# It runs the slow tests (which assert what depends only on the data and write every figure to
# hubshare/target/figures.txt), then the 2.5 M-model share computation at the smallest heaps the documents give.
set -euo pipefail
cd "$(dirname "$0")/.."
FIGURES=hubshare/target/figures.txt
rm -f "$FIGURES"

# The slow tests: LineageIndexFootprintTest, HfModelsThroughputTest, SharesHeapTest.
mvn -B -q test -pl hubshare -Dgroups=slow -Dtest.excludedGroups=live

# The smallest heaps: one run each (the documents report 3 to 4 runs each; any failure here is a regression).
mvn -B -q dependency:build-classpath -pl hubshare -Dmdep.outputFile=target/figures-cp.txt >/dev/null
CP="hubshare/target/test-classes:hubshare/target/classes:$(cat hubshare/target/figures-cp.txt)"
for run in uploader:16m root-two-pass:48m root:48m; do
  mode=${run%%:*}; heap=${run##*:}
  if java "-Xmx$heap" -cp "$CP" io.hubshare.analytics.HeapBenchmark "$mode" 165 > "hubshare/target/heap-$mode.txt" 2>&1
  then echo "heap.$mode.$heap=1" >> "$FIGURES"
  else echo "heap.$mode.$heap=0" >> "$FIGURES"; cat "hubshare/target/heap-$mode.txt" >&2
  fi
done

# Compare.
awk '
  NR == FNR { if ($0 ~ /=/) { split($0, kv, "="); got[kv[1]] = kv[2] } next }
  /^#/ || NF < 3 { next }
  {
    name = $1; op = $2; bound = $3 + 0; claim = $0; sub(/^[^ ]+ +[^ ]+ +[^ ]+ +/, "", claim)
    if (!(name in got)) { printf "MISSING %-34s %s\n", name, claim; bad++; next }
    v = got[name] + 0
    ok = (op == "<=" && v <= bound) || (op == ">=" && v >= bound) || (op == "==" && v == bound)
    printf "%-7s %-34s %12s %s %-8s %s\n", ok ? "ok" : "FAILED", name, got[name], op, $3, claim
    if (!ok) bad++
  }
  END { if (bad) { printf "%d figure(s) do not hold\n", bad; exit 1 } }
' "$FIGURES" bench/figures.claims
