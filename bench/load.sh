#!/usr/bin/env bash
# Scripted API load test of Tunegate (issue 2): GET /v1/jobs/{id} and POST /v1/jobs, measured against
# the framework floor (GET /, public, no database) in the same run. See bench/README.md.
#
#   bash bench/load.sh [--build]
#
# Knobs (environment): ROUNDS (3), DURATION (15, seconds per endpoint per round), WARMUP (10, seconds
# per endpoint), THREADS (2), CONNECTIONS (32), WRK_TIMEOUT (5s), JAVA_OPTS (-Xms512m -Xmx1g),
# SANDBOX_POLL_INTERVAL (1h), SANDBOX_DURATION_SECONDS (3600), SETTLE_WAIT (180) / SETTLE_CPU (0.25),
# QUIET_WAIT (60) / QUIET_CPU (0.2), READY_TIMEOUT (180), STOP_TIMEOUT (30), JAVA (a java 21+ binary),
# PROFILE (0; 1 = a JFR recording of each endpoint in the last round: it costs throughput),
# GATEWAY_ENV (extra VAR=value settings for the gateway, space-separated).
# See bench/README.md for what each one means.
#
# Loopback only. Every wrk run is bounded by -d and by `timeout`; the gateway (and with it its embedded
# PostgreSQL) is stopped by the EXIT trap, and the temporary data dir is removed.
# Exits 0 when the measurement ran, whatever the verdicts; non-zero only when it could not measure.
set -euo pipefail

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
WRK_TIMEOUT=${WRK_TIMEOUT:-5s}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx1g}
SANDBOX_POLL_INTERVAL=${SANDBOX_POLL_INTERVAL:-1h}
SANDBOX_DURATION_SECONDS=${SANDBOX_DURATION_SECONDS:-3600}
READY_TIMEOUT=${READY_TIMEOUT:-180}
STOP_TIMEOUT=${STOP_TIMEOUT:-30}
QUIET_WAIT=${QUIET_WAIT:-60}
QUIET_CPU=${QUIET_CPU:-0.2}
SETTLE_WAIT=${SETTLE_WAIT:-180}
SETTLE_CPU=${SETTLE_CPU:-0.25}
PROFILE=${PROFILE:-0}
GATEWAY_ENV=${GATEWAY_ENV:-}
HOST=127.0.0.1

# Goals from the issue.
GOAL_GET_RATIO=0.5
GOAL_POST_RATIO=0.15
GOAL_P99_MS=50

BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$BENCH_DIR/results/$STAMP"
mkdir -p "$RESULTS"

log() { printf '[load.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

# ---------------------------------------------------------------- cleanup (trap on EXIT)
GATEWAY_PID=""
DATA_DIR=""

cleanup() {
  local rc=$?
  set +e
  stop_gateway "$GATEWAY_PID" "$DATA_DIR"
  if [[ -n "$DATA_DIR" && -d "$DATA_DIR" ]]; then
    rm -rf "$DATA_DIR"
  fi
  rmdir "$RESULTS" 2>/dev/null # only if nothing was measured
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
if ! command -v wrk >/dev/null 2>&1; then
  log "wrk not found: installing it from Debian packages"
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null 2>&1 || die "curl is needed"

JAVA_BIN=$(find_java)
JAVA_VERSION=$("$JAVA_BIN" -version 2>&1 | head -n1)
log "java: $JAVA_BIN ($JAVA_VERSION)"

# ---------------------------------------------------------------- jar
JAR=$(find_jar)
if [[ "$BUILD" == 1 || -z "$JAR" ]]; then
  log "building the jar (./mvnw -B -q package -DskipTests -pl tunegate-server -am)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl tunegate-server -am)
  JAR=$(find_jar)
  [[ -n "$JAR" ]] || die "build produced no tunegate-server/target/tunegate-server-*.jar"
fi
log "jar: $JAR"

# ---------------------------------------------------------------- gateway
PORT=$(free_port)
DATA_DIR=$(mktemp -d /tmp/tunegate-bench.XXXXXX)
BASE="http://$HOST:$PORT"

log "starting the gateway on $BASE (data dir $DATA_DIR, JAVA_OPTS='$JAVA_OPTS', sandbox poll $SANDBOX_POLL_INTERVAL${GATEWAY_ENV:+, $GATEWAY_ENV})"
# shellcheck disable=SC2086 # JAVA_OPTS and GATEWAY_ENV are lists
env -u TUNEGATE_DATABASE_URL -u TUNEGATE_DATABASE_USERNAME -u TUNEGATE_DATABASE_PASSWORD \
  TUNEGATE_DATA_DIR="$DATA_DIR" SERVER_PORT="$PORT" SERVER_ADDRESS="$HOST" \
  TUNEGATE_PROVIDERS_SANDBOX_POLL_INTERVAL="$SANDBOX_POLL_INTERVAL" $GATEWAY_ENV \
  "$JAVA_BIN" $JAVA_OPTS -jar "$JAR" >"$RESULTS/gateway.log" 2>&1 </dev/null &
GATEWAY_PID=$!

deadline=$((SECONDS + READY_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)" == 200 ]]; do
  if ! kill -0 "$GATEWAY_PID" 2>/dev/null; then
    tail -n 40 "$RESULTS/gateway.log" >&2 || true
    GATEWAY_PID=""
    die "the gateway exited before it was ready (log: $RESULTS/gateway.log)"
  fi
  if ((SECONDS >= deadline)); then
    tail -n 40 "$RESULTS/gateway.log" >&2 || true
    die "the gateway was not ready within ${READY_TIMEOUT}s (log: $RESULTS/gateway.log)"
  fi
  sleep 1
done
POSTMASTER_PID=$(head -n1 "$DATA_DIR/postgres/postmaster.pid" 2>/dev/null | tr -dc '0-9' || true)
log "gateway ready (pid $GATEWAY_PID, embedded PostgreSQL pid ${POSTMASTER_PID:-unknown})"

for ((i = 0; i < 30; i++)); do [[ -s "$DATA_DIR/bootstrap-api-key" ]] && break; sleep 0.5; done
[[ -s "$DATA_DIR/bootstrap-api-key" ]] || die "no $DATA_DIR/bootstrap-api-key"
TUNEGATE_API_KEY=$(tr -d '[:space:]' <"$DATA_DIR/bootstrap-api-key")
export TUNEGATE_API_KEY
export BENCH_SANDBOX_DURATION_SECONDS="$SANDBOX_DURATION_SECONDS"

# Jobs train on a small uploaded dataset: a remote reference would make every job fetch its data.
uploaded=$(printf '%s\n' '{"messages":[{"role":"user","content":"2+2?"},{"role":"assistant","content":"4"}]}' \
  | curl -sS --max-time 10 -X POST "$BASE/v1/datasets?filename=bench.jsonl" \
    -H "Authorization: Bearer $TUNEGATE_API_KEY" -H 'Content-Type: application/jsonl' --data-binary @-)
BENCH_DATASET=$(printf '%s' "$uploaded" | sed -n 's/.*"id"[[:space:]]*:[[:space:]]*"\(ds-[^"]*\)".*/\1/p')
[[ -n "$BENCH_DATASET" ]] || die "dataset upload failed: $uploaded"
export BENCH_DATASET

JOB_BODY='{"job_name":"bench-get","base_model":"meta-llama/Llama-3.1-8B-Instruct","training_data":"'"$BENCH_DATASET"'","provider_options":{"sandbox":{"duration_seconds":'"$SANDBOX_DURATION_SECONDS"'}}}'
created=$(curl -sS --max-time 10 -X POST "$BASE/v1/jobs" \
  -H "Authorization: Bearer $TUNEGATE_API_KEY" -H 'Content-Type: application/json' \
  -d "$JOB_BODY" -w '\n%{http_code}')
code=${created##*$'\n'}
[[ "$code" == 201 ]] || die "POST /v1/jobs answered $code: ${created%$'\n'*}"
JOB_ID=$(printf '%s' "${created%$'\n'*}" | sed -n 's/.*"id"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p')
[[ -n "$JOB_ID" ]] || die "no id in the POST /v1/jobs answer"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $TUNEGATE_API_KEY" "$BASE/v1/jobs/$JOB_ID")
[[ "$code" == 200 ]] || die "GET /v1/jobs/$JOB_ID answered $code"
log "job for the GET test: $JOB_ID"

# ---------------------------------------------------------------- wrk runs
ENDPOINTS=(floor get post)
declare -A LABEL=([floor]="GET / (floor)" [get]="GET /v1/jobs/{id}" [post]="POST /v1/jobs")

wrk_run() { # endpoint, seconds, output file
  local ep=$1 secs=$2 out=$3 args
  args=(-t "$THREADS" -c "$CONNECTIONS" -d "${secs}s" --timeout "$WRK_TIMEOUT" --latency)
  case "$ep" in
    floor) args+=("$BASE/") ;;
    get) args+=(-H "Authorization: Bearer $TUNEGATE_API_KEY" "$BASE/v1/jobs/$JOB_ID") ;;
    post) args+=(-s "$BENCH_DIR/post-job.lua" "$BASE/v1/jobs") ;;
  esac
  gateway_alive
  quiet_sample "$out"
  if [[ -n "${JFR_FILE:-}" ]]; then
    # Java Flight Recorder over just this run (settings=profile): where the gateway's CPU goes.
    "$(dirname "$JAVA_BIN")/jcmd" "$GATEWAY_PID" JFR.start name=bench settings=profile \
      duration="$((secs + 60))s" filename="$JFR_FILE" >/dev/null
  fi
  cpu_snapshot >"$out.cpu0"
  local t0=$SECONDS
  # wrk stops itself after -d; timeout is the backstop
  timeout --signal=INT --kill-after=10 $((secs + 30)) wrk "${args[@]}" >"$out" 2>&1 \
    || die "wrk failed for $ep (output: $out)"
  cpu_snapshot >"$out.cpu1"
  if [[ -n "${JFR_FILE:-}" ]]; then
    "$(dirname "$JAVA_BIN")/jcmd" "$GATEWAY_PID" JFR.stop name=bench >/dev/null || true
  fi
  local cpu
  cpu=$(cpu_delta "$out.cpu0" "$out.cpu1" $((SECONDS - t0 > 0 ? SECONDS - t0 : 1)))
  rm -f "$out.cpu0" "$out.cpu1"
  # shellcheck disable=SC2086 # three numbers, split on purpose
  printf 'CPU during run (cores): gateway jvm %s, postgres %s, other processes %s\n' ${cpu} >>"$out"
  cat "$out.bg" >>"$out" && rm -f "$out.bg"
  gateway_alive
}
gateway_alive() {
  kill -0 "$GATEWAY_PID" 2>/dev/null && return 0
  GATEWAY_PID=""
  if grep -q 'ionShutdownHook' "$RESULTS/gateway.log" 2>/dev/null; then
    die "the gateway shut down: something outside this script sent it a termination signal (log: $RESULTS/gateway.log)"
  fi
  die "the gateway died (log: $RESULTS/gateway.log)"
}
jvm_cpu_of() { awk '/^CPU during run/ {print $(NF-5); exit}' "$1" | tr -d ,; }
pg_cpu_of() { awk '/^CPU during run/ {print $(NF-3); exit}' "$1" | tr -d ,; }
bg_cpu_of() { awk '/^CPU before run/ {gsub(/[,;]/, ""); print $(NF-8) + $(NF-6); exit}' "$1"; }
waited_of() { awk '/^CPU before run/ {print $(NF-1); exit}' "$1"; }
other_cpu_of() { awk '/^CPU during run/ {print $NF; exit}' "$1"; }

# CPU accounting, to tell a clean run from one that shared the machine and to show where the time
# goes: per-process utime+stime from /proc, just before and just after each wrk run. "jvm" = the
# gateway JVM and its children; "pg" = the embedded PostgreSQL (pg_ctl daemonizes the postmaster, so
# it is found by the pid in its postmaster.pid) and its backends; "other" = every other process alive
# at either snapshot. wrk lives only between the snapshots, so it is in none. In cores (1.0 = 1 core).
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
cpu_snapshot() { # writes "pid ppid jiffies" lines
  local f line rest
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }
    # shellcheck disable=SC2086
    set -- $rest
    printf '%s %s %s\n' "${f//[^0-9]/}" "$2" "$((${12} + ${13}))"
  done
}
cpu_delta() { # before-file after-file seconds -> "jvm_cores pg_cores other_cores"
  awk -v jvm="$GATEWAY_PID" -v pg="${POSTMASTER_PID:--1}" -v self="$$" -v secs="$3" -v hz="$CLK_TCK" '
    FNR == NR { before[$1] = $3; parent[$1] = $2; next }
    { after[$1] = $3; parent[$1] = $2 }
    END {
      for (p in after) {
        d = after[p] - ((p in before) ? before[p] : 0); if (d < 0) d = 0
        q = p; who = "other"
        for (i = 0; i < 64 && q != "" && q + 0 > 1; i++) {
          if (q == jvm) { who = "jvm"; break }
          if (q == pg) { who = "pg"; break }
          q = parent[q]
        }
        if (p == self) continue
        sum[who] += d
      }
      printf "%.2f %.2f %.2f\n", sum["jvm"] / hz / secs, sum["pg"] / hz / secs, sum["other"] / hz / secs
    }' "$1" "$2"
}

# Before each run, 2 s CPU samples with no load, until both
#  - the gateway has settled: its JVM + PostgreSQL use < SETTLE_CPU cores. Every POST leaves a job
#    for the tracker to submit, and the tracker is slower than POST, so a POST run leaves a backlog
#    that keeps both cores busy for a while; a run measured on top of it measures the backlog too.
#    Gives up after SETTLE_WAIT seconds (then the run is measured anyway, and flagged);
#  - the machine is quiet: other processes use < QUIET_CPU cores. Gives up after QUIET_WAIT seconds.
# The last sample and the time waited are written to the run's file.
quiet_sample() { # output file
  local start=$SECONDS cpu a b gw other settled quiet
  a=$(mktemp) b=$(mktemp)
  while :; do
    cpu_snapshot >"$a"; sleep 2; cpu_snapshot >"$b"
    cpu=$(cpu_delta "$a" "$b" 2)
    gw=$(awk '{printf "%.2f", $1 + $2}' <<<"$cpu"); other=${cpu##* }
    settled=$(awk -v g="$gw" -v t="$SETTLE_CPU" 'BEGIN {print (g < t) ? 1 : 0}')
    quiet=$(awk -v o="$other" -v t="$QUIET_CPU" 'BEGIN {print (o < t) ? 1 : 0}')
    if ((settled == 0 && SECONDS - start >= SETTLE_WAIT)); then
      ((SETTLE_WAIT == 0)) || log "  gateway still busy (${gw} cores, no load) after ${SETTLE_WAIT}s: measuring anyway"
      settled=1
    fi
    if ((quiet == 0 && SECONDS - start >= QUIET_WAIT)); then
      ((QUIET_WAIT == 0)) || log "  machine still busy (other processes ${other} cores) after ${QUIET_WAIT}s: measuring anyway"
      quiet=1
    fi
    ((settled && quiet)) && break
    log "  waiting: gateway ${gw} cores with no load, other processes ${other} cores"
    sleep 3
  done
  rm -f "$a" "$b"
  # shellcheck disable=SC2086
  printf 'CPU before run, no load (cores): gateway jvm %s, postgres %s, other processes %s; waited %s s\n' \
    ${cpu} $((SECONDS - start - 2)) >"$1.bg"
}

rps_of() { awk '/^Requests\/sec:/ {print $2; exit}' "$1"; }
p99_ms_of() { # normalize wrk's time (us, ms, s, m, h) to milliseconds
  awk '/^[[:space:]]+99%/ {
         v = $2; n = v + 0; u = v; sub(/^[0-9.]+/, "", u);
         f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : (u == "h") ? 3600000 : -1;
         if (f < 0) { print "NaN" } else { printf "%.3f\n", n * f }; exit }' "$1"
}
non2xx_of() { awk '/Non-2xx or 3xx responses:/ {print $NF; found=1} END {if (!found) print 0}' "$1"; }
sockerr_of() { # sum of connect, read, write, timeout
  awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10; found=1} END {if (!found) print 0}' "$1"
}
requests_of() { awk '/requests in/ {print $1; exit}' "$1"; }

cat >"$RESULTS/run.txt" <<EOF
date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')
host:        $(uname -srm), nproc $(nproc)
java:        $JAVA_BIN ($JAVA_VERSION)
JAVA_OPTS:   $JAVA_OPTS
wrk:         $(wrk --version 2>&1 | head -n1 || true)
commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (work tree differs)')
knobs:       ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP THREADS=$THREADS CONNECTIONS=$CONNECTIONS WRK_TIMEOUT=$WRK_TIMEOUT
             QUIET_WAIT=$QUIET_WAIT QUIET_CPU=$QUIET_CPU SETTLE_WAIT=$SETTLE_WAIT SETTLE_CPU=$SETTLE_CPU PROFILE=$PROFILE
gateway env: TUNEGATE_PROVIDERS_SANDBOX_POLL_INTERVAL=$SANDBOX_POLL_INTERVAL $GATEWAY_ENV, sandbox duration_seconds=$SANDBOX_DURATION_SECONDS
EOF

if ((WARMUP > 0)); then
  for ep in "${ENDPOINTS[@]}"; do
    log "warm-up: ${LABEL[$ep]} for ${WARMUP}s"
    wrk_run "$ep" "$WARMUP" "$RESULTS/warmup-$ep.txt"
  done
fi

declare -A RPS P99 NON2XX SOCKERR REQS JVMCPU PGCPU OTHERCPU BGCPU WAITED
for ((r = 1; r <= ROUNDS; r++)); do
  for ep in "${ENDPOINTS[@]}"; do
    log "round $r/$ROUNDS: ${LABEL[$ep]} for ${DURATION}s"
    out="$RESULTS/round$r-$ep.txt"
    JFR_FILE=""
    if [[ "$PROFILE" == 1 && $r == "$ROUNDS" ]]; then JFR_FILE="$RESULTS/round$r-$ep.jfr"; fi
    wrk_run "$ep" "$DURATION" "$out"
    rps=$(rps_of "$out"); p99=$(p99_ms_of "$out")
    [[ -n "$rps" && -n "$p99" ]] || die "could not parse wrk output $out"
    RPS[$ep]+="$rps "; P99[$ep]+="$p99 "
    JVMCPU[$ep]+="$(jvm_cpu_of "$out") "; PGCPU[$ep]+="$(pg_cpu_of "$out") "; OTHERCPU[$ep]+="$(other_cpu_of "$out") "
    BGCPU[$ep]+="$(bg_cpu_of "$out") "; WAITED[$ep]+="$(waited_of "$out") "
    NON2XX[$ep]=$((${NON2XX[$ep]:-0} + $(non2xx_of "$out")))
    SOCKERR[$ep]=$((${SOCKERR[$ep]:-0} + $(sockerr_of "$out")))
    REQS[$ep]=$((${REQS[$ep]:-0} + $(requests_of "$out")))
    log "  $rps req/s, p99 $p99 ms, non-2xx $(non2xx_of "$out"), socket errors $(sockerr_of "$out"), CPU jvm $(jvm_cpu_of "$out") pg $(pg_cpu_of "$out") other $(other_cpu_of "$out") cores (before: gateway $(bg_cpu_of "$out") after waiting $(waited_of "$out") s)"
  done
done

# ---------------------------------------------------------------- summary
# shellcheck disable=SC2086 # word-splitting the per-round lists is intended
{
  floor_rps=$(median ${RPS[floor]})
  printf '\nTunegate API load: %s rounds x %ss per endpoint, %s threads, %s connections (loopback)\n' \
    "$ROUNDS" "$DURATION" "$THREADS" "$CONNECTIONS"
  printf '%-18s %10s %10s %8s %9s %7s %7s %7s %7s %7s %7s\n' endpoint 'req/s' 'p99 ms' 'x floor' requests non-2xx sockerr 'jvm' 'pg' 'other' 'bg'
  declare -A MED_RPS MED_P99 RATIO
  for ep in "${ENDPOINTS[@]}"; do
    MED_RPS[$ep]=$(median ${RPS[$ep]})
    MED_P99[$ep]=$(median ${P99[$ep]})
    RATIO[$ep]=$(awk -v a="${MED_RPS[$ep]}" -v b="$floor_rps" 'BEGIN {printf "%.3f", (b > 0) ? a / b : 0}')
    printf '%-18s %10.1f %10.2f %8s %9s %7s %7s %7s %7s %7s %7s\n' "${LABEL[$ep]}" "${MED_RPS[$ep]}" "${MED_P99[$ep]}" \
      "${RATIO[$ep]}" "${REQS[$ep]}" "${NON2XX[$ep]}" "${SOCKERR[$ep]}" \
      "$(median ${JVMCPU[$ep]})" "$(median ${PGCPU[$ep]})" "$(median ${OTHERCPU[$ep]})" "$(median ${BGCPU[$ep]})"
  done
  echo "(req/s, p99, cpu: medians over the rounds; requests, non-2xx, sockerr: totals;"
  echo " jvm/pg/other: CPU of the gateway JVM / its PostgreSQL / all other processes during the run, in cores of $(nproc);"
  echo " wrk uses the rest; bg: CPU of jvm+pg with no load just before the run, i.e. the job tracker's backlog)"
  echo "per round:"
  for ep in "${ENDPOINTS[@]}"; do
    printf '  %-18s req/s: %s| p99 ms: %s| other: %s| bg: %s| waited s: %s\n' "${LABEL[$ep]}" "${RPS[$ep]}" "${P99[$ep]}" \
      "${OTHERCPU[$ep]}" "${BGCPU[$ep]}" "${WAITED[$ep]}"
  done
  noisy=$(printf '%s\n' ${OTHERCPU[floor]} ${OTHERCPU[get]} ${OTHERCPU[post]} | awk '$1 > 0.25 {n++} END {print n + 0}')
  unsettled=$(printf '%s\n' ${BGCPU[floor]} ${BGCPU[get]} ${BGCPU[post]} | awk -v t="$SETTLE_CPU" '$1 >= t {n++} END {print n + 0}')
  if ((unsettled > 0)); then
    echo "NOTE: $unsettled run(s) started while the gateway was still busy with earlier jobs (bg >= $SETTLE_CPU cores)"
  fi
  if ((noisy > 0)); then
    echo "NOTE: in $noisy run(s) other processes used more than 0.25 cores: the machine was shared, figures are noisy"
  fi
  echo
  verdict() { # label, ok (1 or 0), number of non-2xx + socket errors
    local label=$1 ok=$2 errors=$3
    if [[ "$errors" != 0 ]]; then
      printf 'FAIL  %s  (%s non-2xx/socket errors: the figure is not clean)\n' "$label" "$errors"
    elif [[ "$ok" == 1 ]]; then
      printf 'PASS  %s\n' "$label"
    else
      printf 'FAIL  %s\n' "$label"
    fi
  }
  ge() { awk -v a="$1" -v b="$2" 'BEGIN {print (a >= b) ? 1 : 0}'; }
  lt() { awk -v a="$1" -v b="$2" 'BEGIN {print (a < b) ? 1 : 0}'; }
  verdict "GET /v1/jobs/{id} throughput ${RATIO[get]}x floor (goal >= ${GOAL_GET_RATIO}x)" \
    "$(ge "${RATIO[get]}" "$GOAL_GET_RATIO")" $((NON2XX[get] + SOCKERR[get]))
  verdict "POST /v1/jobs throughput ${RATIO[post]}x floor (goal >= ${GOAL_POST_RATIO}x)" \
    "$(ge "${RATIO[post]}" "$GOAL_POST_RATIO")" $((NON2XX[post] + SOCKERR[post]))
  verdict "GET /v1/jobs/{id} p99 ${MED_P99[get]} ms (goal < ${GOAL_P99_MS} ms)" \
    "$(lt "${MED_P99[get]}" "$GOAL_P99_MS")" $((NON2XX[get] + SOCKERR[get]))
  verdict "POST /v1/jobs p99 ${MED_P99[post]} ms (goal < ${GOAL_P99_MS} ms)" \
    "$(lt "${MED_P99[post]}" "$GOAL_P99_MS")" $((NON2XX[post] + SOCKERR[post]))
  echo
  echo "raw wrk output and the gateway log: $RESULTS"
} | tee "$RESULTS/summary.txt"
cat "$RESULTS/run.txt"
