#!/usr/bin/env bash
# Builds hubshare, installs it in the local Maven repository, then builds and runs two projects that use it as a
# team would: examples/consumers/classpath (a plain class-path application) and examples/consumers/jpms (a named
# module that requires io.hubshare). Offline: both read the bundled sample.
#   examples/consumers/run.sh              install (tests skipped), then the consumers
#   SKIP_INSTALL=1 examples/consumers/run.sh   the consumers only, against what is installed
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)
SAMPLE=examples/data/hub-sample-2026-08.jsonl.gz
[ "${SKIP_INSTALL:-0}" = 1 ] || mvn -B -q install -DskipTests
mvn -B -q -f examples/consumers/pom.xml -Dhubshare.version="$VERSION" package

fail() { echo "consumers: $*" >&2; exit 1; }
expect() { grep -qF -- "$2" <<<"$1" || fail "expected '$2' in: $(head -c 600 <<<"$1")"; }

# The sample: 15,153 repositories in 15,156 lines (three listed twice, spelt with other capitals).
CP=$(cat examples/consumers/classpath/target/run-path.txt)
out=$(java -cp "examples/consumers/classpath/target/classes:$CP" example.classpath.Main "$SAMPLE")
expect "$out" "models: 15153"
expect "$out" "top country: US"
expect "$out" "found: meta-llama/Llama-3.1-8B-Instruct"
expect "$out" "built: example/tiny-finetune finetune of Qwen/Qwen3-8B, all-time 0"
expect "$out" "offline: OfflineException"
echo "class-path consumer: ok"

MP=$(cat examples/consumers/jpms/target/run-path.txt)
out=$(java --module-path "examples/consumers/jpms/target/classes:$MP" --module example.jpms/example.jpms.Main "$SAMPLE")
expect "$out" "models: 15153"
expect "$out" "origin of Qwen: CN"
expect "$out" "parameters: 8000000000, likes null"
expect "$out" "offline: OfflineException"
echo "module consumer: ok"

# What install put in the local repository beside the library (resolved by the consumers' build).
INSTALLED=examples/consumers/target/installed
for f in "hubshare-$VERSION-sources.jar" "hubshare-$VERSION-javadoc.jar" "hubshare-cli-$VERSION.jar"; do
  [ -s "$INSTALLED/$f" ] || fail "$f was not installed"
done
expect "$(unzip -l "$INSTALLED/hubshare-$VERSION-javadoc.jar")" "io/hubshare/domain/Model.html"
CLI="$INSTALLED/hubshare-cli-$VERSION.jar"
expect "$(java -jar "$CLI" --version)" "hubshare $VERSION"
entries=$(unzip -l "$CLI")
for entry in META-INF/LICENSE META-INF/licenses/THIRD-PARTY.txt META-INF/licenses/LGPL-2.1.txt; do
  expect "$entries" " $entry"
done
echo "installed artifacts: ok (library, sources, javadoc, command line with its licences)"
