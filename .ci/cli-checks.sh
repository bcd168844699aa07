#!/usr/bin/env bash
# Checks of the built command-line jar from outside, as a user runs it. Run after `mvn -q package -DskipTests`,
# from the repository's root: bash .ci/cli-checks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=target/hubshare-cli.jar
fail() { echo "cli-checks: $*" >&2; exit 1; }

# No native-access warning on Java 22+: JLine (under the progress bar) loads a native library.
unzip -p "$JAR" META-INF/MANIFEST.MF | tr -d '\r' | grep -qx 'Enable-Native-Access: ALL-UNNAMED' \
  || fail "the jar's manifest lacks Enable-Native-Access: ALL-UNNAMED"
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
if [[ -x "$JAVA25" ]] && command -v script >/dev/null; then
  # A crawl with its progress bar on a terminal (script gives it one), against the stand-in hub.
  java -cp hubshare/target/test-classes:"$JAR" io.hubshare.bench.StandInHub > target/cli-checks-hub.log 2>&1 &
  HUB=$!
  trap 'kill $HUB 2>/dev/null || true' EXIT
  for _ in $(seq 50); do grep -q 'listening on' target/cli-checks-hub.log && break; sleep 0.2; done
  URL=$(sed -n 's/^listening on //p' target/cli-checks-hub.log)
  [[ -n "$URL" ]] || fail "the stand-in hub did not start: $(cat target/cli-checks-hub.log)"
  rm -f target/cli-checks-crawl.jsonl.gz
  script -qec "$JAVA25 -jar $JAR crawl --out target/cli-checks-crawl.jsonl.gz --limit 3000 --endpoint $URL" \
    /dev/null > target/cli-checks-java25.log 2>&1 || fail "crawl on Java 25 failed: $(cat target/cli-checks-java25.log)"
  grep -q 'crawl: wrote 3,000 models' target/cli-checks-java25.log || fail "no crawl summary on Java 25"
  ! grep -q 'WARNING' target/cli-checks-java25.log || fail "Java 25 warned: $(grep WARNING target/cli-checks-java25.log)"
  kill $HUB; trap - EXIT
else
  echo "cli-checks: no Java 25 at $JAVA25 or no script(1): the run on Java 25 is skipped" >&2
fi

# A usage error is one line naming the unknown option, then where the help is; exit 2.
set +e
out=$(java -jar "$JAR" shares --bye country --from examples/data/hub-sample-2026-08.jsonl.gz 2>&1); code=$?
set -e
[[ $code == 2 ]] || fail "usage error exit $code"
[[ "$out" == "hubshare: unknown option '--bye' (did you mean --by?)"$'\n'"try 'hubshare shares --help'" ]] \
  || fail "usage error said: $out"

# Out of memory is one line saying how much heap there was and how to give more; exit 1.
set +e
out=$(java -Xmx8m -jar "$JAR" shares --by country --attribution root --from examples/data/hub-sample-2026-08.jsonl.gz \
  2>&1); code=$?
set -e
[[ $code == 1 ]] || fail "out of memory exit $code"
[[ "$out" == "hubshare: out of memory: the Java heap ("*" MiB here) is too small for this command; give it more"* ]] \
  || fail "out of memory said: $out"

# hubshare help COMMAND is the command's help.
[[ "$(java -jar "$JAR" help crawl)" == "$(java -jar "$JAR" crawl --help)" ]] || fail "help crawl differs from crawl --help"

# A port where nothing listens: one line with the full URL, at once (no retries).
start=$(date +%s%N)
set +e
out=$(java -jar "$JAR" model Qwen/Qwen3-8B --endpoint http://127.0.0.1:9 2>&1); code=$?
set -e
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[[ $code == 1 ]] || fail "dead port exit $code"
[[ "$out" == "hubshare: cannot connect to 127.0.0.1:9 (Connection refused): GET http://127.0.0.1:9/api/models/Qwen/Qwen3-8B failed" ]] \
  || fail "dead port said: $out"
(( ms < 5000 )) || fail "dead port took $ms ms"

echo "cli-checks: ok (dead port answered in $ms ms, JVM start included)"
