#!/usr/bin/env bash
# Whole-process crawl benchmark: hubshare, huggingface_hub (Python) and @huggingface/hub (JavaScript) each crawl the
# full model listing of a local stand-in hub (io.hubshare.bench.StandInHub, never the real Hub).
#
#   bench/crawl-benchmark.sh                 # every scenario: clean, faults, quota
#   bench/crawl-benchmark.sh --quick         # one run each, small listing only
#   bench/crawl-benchmark.sh --scenarios "clean quota" --runs 3 --repeats "1 10" --pages "1000 100"
#   bench/crawl-benchmark.sh --scenarios latency   # opt-in: 100 ms per page, as a distant hub would take
#
# Installs what it needs into bench/.data/ (outside git, shared with shares_bench.py: a Python venv with
# huggingface_hub, node_modules with @huggingface/hub; hyperfine through apt-get when run as root), builds hubshare
# (mvn -q package -DskipTests), and writes target/bench/results/<time>/{results.jsonl,hyperfine-*.json,logs/,report.md}.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

HF_HUB_VERSION=2.0.0
HF_JS_VERSION=2.17.5
RUNS=5                  # timed runs per client in the clean scenario (hyperfine), after one warm-up
BEHAVIOUR_RUNS=3        # runs per client in the fault and quota scenarios
REPEATS="1 10"          # listing copies: 15,153 and 151,530 models
PAGES="1000 100"        # page sizes served in the clean scenario
SCENARIOS="clean faults quota"
FAULT_EVERY=20          # faults: every N-th list request, page size 100, 15,153 models
QUOTA=50                # quota: requests per window, page size 100 (152 pages), 15,153 models
WINDOW=5                # quota window in seconds (the Hub's is 500 per 300 s for anonymous users)
LATENCY_MS=100          # latency (opt-in scenario): the stand-in waits this long before each page
BUILD=1
# The fields every client asks for (expand): what the sample holds, less safetensors (the sample's safetensors
# objects lack "parameters", which huggingface_hub 2.0.0 requires) and the info-only usedStorage.
EXPAND="author,cardData,createdAt,downloads,gated,gguf,lastModified,library_name,likes,pipeline_tag,private,tags,trendingScore"

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) RUNS=1; BEHAVIOUR_RUNS=1; REPEATS="1"; shift ;;
    --runs) RUNS=$2; shift 2 ;;
    --behaviour-runs) BEHAVIOUR_RUNS=$2; shift 2 ;;
    --repeats) REPEATS=$2; shift 2 ;;
    --pages) PAGES=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

BENCH=target/bench
OUT=$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)
LOGS=$OUT/logs
mkdir -p "$LOGS"
RESULTS=$OUT/results.jsonl
CP=""  # the stand-in's test classes and the jar, found after the build (setup)
VENV=bench/.data/venv
NODE_DIR=bench/.data/node

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

setup() {
  if ! command -v hyperfine >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing hyperfine"
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq hyperfine) \
      >/dev/null 2>&1 || log "hyperfine not installed: timing with repeated /usr/bin/time runs instead"
  fi
  [ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"
  if [ "$BUILD" = 1 ]; then
    log "building hubshare (mvn -q package -DskipTests)"
    mvn -q package -DskipTests >"$LOGS/build.log" 2>&1 || die "build failed: see $LOGS/build.log"
  fi
  # The stand-in is in the library module's test classes (target/test-classes before the reactor split).
  local bench_classes
  bench_classes=$(ls -d */target/test-classes/io/hubshare/bench target/test-classes/io/hubshare/bench 2>/dev/null | head -1)
  [ -f target/hubshare-cli.jar ] && [ -n "$bench_classes" ] || die "build hubshare first"
  CP="${bench_classes%/io/hubshare/bench}:target/hubshare-cli.jar"
  if ! "$VENV/bin/python" -c "import huggingface_hub as h; assert h.__version__ == '$HF_HUB_VERSION'" 2>/dev/null; then
    log "installing huggingface_hub $HF_HUB_VERSION into $VENV"
    python3 -m venv "$VENV" && "$VENV/bin/pip" install -q "huggingface_hub==$HF_HUB_VERSION" \
      >"$LOGS/pip.log" 2>&1 || die "pip install failed: see $LOGS/pip.log"
  fi
  if [ ! -f "$NODE_DIR/node_modules/@huggingface/hub/package.json" ] \
      || ! grep -q "\"version\": \"$HF_JS_VERSION\"" "$NODE_DIR/node_modules/@huggingface/hub/package.json"; then
    log "installing @huggingface/hub $HF_JS_VERSION into $NODE_DIR"
    mkdir -p "$NODE_DIR"
    [ -f "$NODE_DIR/package.json" ] || echo '{"name":"hubshare-bench","private":true,"type":"module"}' \
      >"$NODE_DIR/package.json"
    npm install --prefix "$NODE_DIR" --no-audit --no-fund --silent "@huggingface/hub@$HF_JS_VERSION" \
      >"$LOGS/npm.log" 2>&1 || die "npm install failed: see $LOGS/npm.log"
  fi
  # ESM resolves packages from the script's own folder, so the script runs from beside node_modules.
  cp bench/crawl_hfjs.mjs "$NODE_DIR/crawl_hfjs.mjs"
}

STANDIN_PID=""
URL=""
IDS=""
stop_standin() {
  if [ -n "$STANDIN_PID" ]; then
    kill "$STANDIN_PID" 2>/dev/null
    wait "$STANDIN_PID" 2>/dev/null
    STANDIN_PID=""
  fi
}
trap stop_standin EXIT

# start_standin NAME [StandInHub options...]
start_standin() {
  stop_standin
  local name=$1; shift
  IDS=$OUT/ids-$name.txt
  java -Xmx3g -cp "$CP" io.hubshare.bench.StandInHub --ids-out "$IDS" --prerender "$EXPAND" "$@" >"$LOGS/standin-$name.log" 2>&1 &
  STANDIN_PID=$!
  for _ in $(seq 1 120); do
    URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$LOGS/standin-$name.log" | head -1)
    [ -n "$URL" ] && break
    kill -0 "$STANDIN_PID" 2>/dev/null || die "stand-in failed: see $LOGS/standin-$name.log"
    sleep 0.5
  done
  [ -n "$URL" ] || die "stand-in did not start: see $LOGS/standin-$name.log"
  log "stand-in $name: $(head -1 "$LOGS/standin-$name.log")"
}

reset_standin() { curl -s -X POST "$URL/_stand-in/reset" >/dev/null; }

# client_cmd CLIENT OUTFILE PAGE: the command line, one word per line (no shell needed)
client_cmd() {
  case "$1" in
    # The command line as a user runs it; no implicit token, as huggingface_hub runs with token=False.
    hubshare) printf '%s\n' env HF_HUB_DISABLE_IMPLICIT_TOKEN=1 java -jar target/hubshare-cli.jar crawl \
      --endpoint "$URL" --out "$2" --overwrite --page-size "$3" --expand "$EXPAND" ;;
    huggingface_hub) printf '%s\n' "$VENV/bin/python" bench/crawl_hf.py "$URL" "$2" "$EXPAND" ;;
    huggingface.js) printf '%s\n' node "$NODE_DIR/crawl_hfjs.mjs" "$URL" "$2" "$EXPAND" ;;
  esac
}

out_file() {
  case "$1" in
    hubshare) echo "$OUT/crawl-hubshare.jsonl.gz" ;;
    huggingface_hub) echo "$OUT/crawl-huggingface_hub.jsonl" ;;
    huggingface.js) echo "$OUT/crawl-huggingface.js.jsonl" ;;
  esac
}

id_key() { [ "$1" = huggingface.js ] && echo name || echo id; }

# measure SCENARIO VARIANT CLIENT PAGE RUN: one run under /usr/bin/time -v, recorded in results.jsonl
measure() {
  local scenario=$1 variant=$2 client=$3 page=$4 run=$5
  local out tag
  out=$(out_file "$client")
  tag="$scenario-$variant-$client-$run"
  rm -f "$out" "$out.partial" "$out.checkpoint" "$out.tmp"
  mapfile -t cmd < <(client_cmd "$client" "$out" "$page")
  reset_standin
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$LOGS/$tag.time" "${cmd[@]}" >"$LOGS/$tag.out" 2>"$LOGS/$tag.err"
  local rc=$?
  local stats check
  stats=$(curl -s "$URL/_stand-in/stats")
  if [ -f "$out" ]; then
    check=$(python3 bench/check_ids.py "$IDS" "$out" "$(id_key "$client")")
  else
    check='{"lines":0,"unique":0,"complete":false,"note":"no output file"}'
  fi
  python3 bench/record.py --scenario "$scenario" --variant "$variant" --client "$client" --page "$page" \
    --run "$run" --rc "$rc" --time-file "$LOGS/$tag.time" --client-out "$LOGS/$tag.out" \
    --client-err "$LOGS/$tag.err" --stats "$stats" --check "$check" --load "$load" >>"$RESULTS"
  log "  $client run $run: exit $rc, $(tail -1 "$RESULTS" | python3 -c 'import json, sys; r = json.load(sys.stdin); print("%s s, %s requests, %s x 429, %s models, complete=%s" % (r["wall_s"], r["requests"], r["too_many"], r["unique"], r["complete"]))')"
}

# timed SCENARIO VARIANT CLIENT PAGE: hyperfine over RUNS runs after a warm-up
timed() {
  local scenario=$1 variant=$2 client=$3 page=$4
  command -v hyperfine >/dev/null 2>&1 || return 0
  local out
  out=$(out_file "$client")
  rm -f "$out" "$out.partial" "$out.checkpoint" "$out.tmp"
  mapfile -t cmd < <(client_cmd "$client" "$out" "$page")
  local line
  line=$(printf '%q ' "${cmd[@]}")
  # Other work on the machine skews wall times: the 1-minute load average before and after goes into the report.
  cut -d' ' -f1 /proc/loadavg >"$OUT/load-$scenario-$variant-$client.txt"
  hyperfine -N --warmup 1 --runs "$RUNS" --prepare "curl -s -X POST $URL/_stand-in/reset" \
    --export-json "$OUT/hyperfine-$scenario-$variant-$client.json" -n "$client" "$line" \
    >"$LOGS/hyperfine-$scenario-$variant-$client.log" 2>&1 \
    || log "  hyperfine failed for $client: see $LOGS/hyperfine-$scenario-$variant-$client.log"
  cut -d' ' -f1 /proc/loadavg >>"$OUT/load-$scenario-$variant-$client.txt"
}

CLIENTS="hubshare huggingface_hub huggingface.js"

scenario_clean() {
  for repeat in $REPEATS; do
    for page in $PAGES; do
      start_standin "clean-r$repeat-p$page" --repeat "$repeat" --quota 100000000 --window 300 \
        --default-limit "$page" --max-limit "$page"
      for client in $CLIENTS; do
        log "clean: $client, x$repeat, page $page"
        timed clean "r$repeat-p$page" "$client" "$page"
        local n=$([ -n "$(command -v hyperfine)" ] && echo 1 || echo "$RUNS")
        for run in $(seq 1 "$n"); do measure clean "r$repeat-p$page" "$client" "$page" "$run"; done
      done
    done
  done
}

scenario_faults() {
  for fault in 503 reset truncate; do
    start_standin "faults-$fault" --repeat 1 --quota 100000000 --window 300 --default-limit 100 --max-limit 100 \
      --fault-every "$FAULT_EVERY" --faults "$fault"
    for client in $CLIENTS; do
      log "faults ($fault every $FAULT_EVERY list requests): $client"
      for run in $(seq 1 "$BEHAVIOUR_RUNS"); do measure faults "$fault" "$client" 100 "$run"; done
    done
  done
}

scenario_latency() {
  start_standin latency --repeat 1 --quota 100000000 --window 300 --default-limit 100 --max-limit 100 \
    --latency-ms "$LATENCY_MS"
  for client in $CLIENTS; do
    log "latency ($LATENCY_MS ms per page): $client"
    for run in $(seq 1 "$BEHAVIOUR_RUNS"); do measure latency "${LATENCY_MS}ms-p100" "$client" 100 "$run"; done
  done
}

scenario_quota() {
  start_standin quota --repeat 1 --quota "$QUOTA" --window "$WINDOW" --default-limit 100 --max-limit 100
  for client in $CLIENTS; do
    log "quota ($QUOTA per $WINDOW s): $client"
    for run in $(seq 1 "$BEHAVIOUR_RUNS"); do measure quota "q$QUOTA-w$WINDOW" "$client" 100 "$run"; done
  done
}

setup
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "python: $("$VENV/bin/python" --version 2>&1), huggingface_hub $("$VENV/bin/python" -c 'import huggingface_hub as h; print(h.__version__)')"
  echo "node: $(node --version), @huggingface/hub $(node -p "require('./$NODE_DIR/node_modules/@huggingface/hub/package.json').version")"
  echo "hyperfine: $(hyperfine --version 2>/dev/null || echo none)"
  echo "hubshare: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet 2>/dev/null || echo ' (modified)')"
  echo "expand: $EXPAND"
  echo "settings: runs=$RUNS behaviour_runs=$BEHAVIOUR_RUNS repeats='$REPEATS' pages='$PAGES' fault_every=$FAULT_EVERY quota=$QUOTA window=$WINDOW latency_ms=$LATENCY_MS"
} >"$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

for s in $SCENARIOS; do
  case "$s" in
    clean) scenario_clean ;;
    faults) scenario_faults ;;
    quota) scenario_quota ;;
    latency) scenario_latency ;;
    *) die "unknown scenario $s" ;;
  esac
done
stop_standin
python3 bench/report.py "$OUT" >"$OUT/report.md"
cat "$OUT/report.md"
log "results in $OUT"
