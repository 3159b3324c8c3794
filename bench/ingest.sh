#!/usr/bin/env bash
# Dataset ingest benchmark (issue 3): POST /v1/datasets of a large generated chat JSONL (upload + validate
# + count + store) on a gateway with a small heap, against raw jtokkit counting of the same file on every
# core in the same run. See bench/README.md.
#
#   bash bench/ingest.sh [--build]
#
# Knobs (environment): SIZE (1G; bytes, or with a K/M/G suffix, powers of 1024), ROUNDS (3), HEAP (256m,
# -Xmx of the gateway and of the baseline), SEED (20261121), WARMUP_SIZE (64M; a warm-up upload and
# warm-up pass of this size, 0 = none), RAW_THREADS (0 = one per core), DATASET (an existing JSONL file
# to use instead of generating one; it is not deleted), WORK_DIR (where the file and the gateway's data
# go; default a new dir under ${TMPDIR:-/tmp}), QUIET_WAIT (30) / QUIET_CPU (0.2), PROFILE (0; 1 = JFR
# of the last round's upload and raw pass: costs throughput), UPLOAD_TIMEOUT (1800), READY_TIMEOUT
# (180), STOP_TIMEOUT (30), JAVA (a java 21+ binary), GATEWAY_ENV (extra VAR=value settings),
# EXTRA_JAVA_OPTS (more JVM flags for the gateway and the baseline alike, e.g. "-Xms256m"),
# JAR (the gateway jar to measure; default tunegate-server/target/tunegate-server-*.jar).
#
# Loopback only. The upload is streamed (curl -T reads the file as it sends it). On exit (trap) the
# gateway and its embedded PostgreSQL are stopped and the work dir, with the generated file and the
# stored copy, is removed. Exits 0 when it measured, whatever the verdicts.
set -euo pipefail

SIZE=${SIZE:-1G}
ROUNDS=${ROUNDS:-3}
HEAP=${HEAP:-256m}
SEED=${SEED:-20261121}
WARMUP_SIZE=${WARMUP_SIZE:-64M}
RAW_THREADS=${RAW_THREADS:-0}
DATASET=${DATASET:-}
QUIET_WAIT=${QUIET_WAIT:-30}
QUIET_CPU=${QUIET_CPU:-0.2}
PROFILE=${PROFILE:-0}
UPLOAD_TIMEOUT=${UPLOAD_TIMEOUT:-1800}
READY_TIMEOUT=${READY_TIMEOUT:-180}
STOP_TIMEOUT=${STOP_TIMEOUT:-30}
GATEWAY_ENV=${GATEWAY_ENV:-}
EXTRA_JAVA_OPTS=${EXTRA_JAVA_OPTS:-}
HOST=127.0.0.1
# o200k_base, counted exactly: the baseline uses the same encoding.
BASE_MODEL=gpt-4o-mini-2024-07-18
ENCODING=o200k_base

# Goal from the issue: ingest at least this fraction of the raw multi-core count throughput.
GOAL_RATIO=0.8

BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS="$BENCH_DIR/results/ingest-$STAMP"
mkdir -p "$RESULTS"

log() { printf '[ingest.sh %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"

to_bytes() { # 1G, 512M, 64K or plain bytes -> bytes (powers of 1024)
  local v=$1 n unit
  [[ "$v" =~ ^([0-9]+)([KkMmGg]?)[iI]?[bB]?$ ]] || die "not a size: $v"
  n=${BASH_REMATCH[1]}; unit=${BASH_REMATCH[2]}
  case "$unit" in
    K|k) echo $((n << 10)) ;;
    M|m) echo $((n << 20)) ;;
    G|g) echo $((n << 30)) ;;
    *) echo "$n" ;;
  esac
}
SIZE_BYTES=$(to_bytes "$SIZE")
WARMUP_BYTES=$(to_bytes "$WARMUP_SIZE")

# ---------------------------------------------------------------- cleanup (trap on EXIT)
GATEWAY_PID=""
WORK=""
OWN_WORK=0
CHILD_PID="" # the upload or the baseline run under way: waited for in the background so a signal is not held up

cleanup() {
  local rc=$?
  set +e
  if [[ -n "$CHILD_PID" ]] && kill -0 "$CHILD_PID" 2>/dev/null; then
    kill -TERM "$CHILD_PID" 2>/dev/null
    wait "$CHILD_PID" 2>/dev/null
  fi
  stop_gateway "$GATEWAY_PID" "${WORK:+$WORK/data}"
  if [[ "$OWN_WORK" == 1 && -d "$WORK" ]]; then
    rm -rf "$WORK"
  fi
  rmdir "$RESULTS" 2>/dev/null # only if nothing was measured
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- tools
command -v curl >/dev/null 2>&1 || die "curl is needed"

JAVA_BIN=$(find_java)
JAVA_VERSION=$("$JAVA_BIN" -version 2>&1 | head -n1)
log "java: $JAVA_BIN ($JAVA_VERSION)"

# ---------------------------------------------------------------- jar and the baseline's classpath
JAR=${JAR:-$(find_jar)}
if [[ "$BUILD" == 1 || -z "$JAR" ]]; then
  log "building the jar (./mvnw -B -q package -DskipTests -pl tunegate-server -am)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl tunegate-server -am)
  JAR=$(find_jar)
  [[ -n "$JAR" ]] || die "build produced no tunegate-server/target/tunegate-server-*.jar"
fi
log "jar: $JAR"

# The baseline needs the gateway's own jtokkit and Jackson, at the versions the pom pins.
CLASSPATH_FILE="$RESULTS/baseline-classpath.txt"
(cd "$ROOT" && ./mvnw -B -q dependency:build-classpath -pl tunegate-server -am -Dmdep.outputFile="$CLASSPATH_FILE" \
  -Dmdep.includeScope=runtime -DincludeArtifactIds=jtokkit,jackson-core,jackson-databind,jackson-annotations) >/dev/null \
  || die "could not resolve the baseline's classpath"
BASELINE_CP=$(cat "$CLASSPATH_FILE")
[[ "$BASELINE_CP" == *jtokkit* ]] || die "jtokkit is not on the resolved classpath: $BASELINE_CP"

# ---------------------------------------------------------------- disk and the dataset
if [[ -n "${WORK_DIR:-}" ]]; then
  mkdir -p "$WORK_DIR"
  WORK=$(mktemp -d "$WORK_DIR/tunegate-ingest.XXXXXX")
else
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/tunegate-ingest.XXXXXX")
fi
OWN_WORK=1
# The generated file, the gateway's stored copy and, during an upload, its staging copy.
avail=$(($(df -Pk "$WORK" | awk 'NR == 2 {print $4}') * 1024))
copies=3
[[ -z "$DATASET" ]] || copies=2
needed=$((copies * SIZE_BYTES + (1 << 30)))
log "disk: $((avail >> 20)) MiB free under $WORK, about $((needed >> 20)) MiB needed"
((avail >= needed)) || die "not enough disk under $WORK: set WORK_DIR to a bigger file system or lower SIZE"

if [[ -n "$DATASET" ]]; then
  [[ -f "$DATASET" ]] || die "DATASET=$DATASET is not a file"
  FILE=$DATASET
else
  FILE="$WORK/bench.jsonl"
  log "generating $SIZE ($SIZE_BYTES bytes) of chat JSONL, seed $SEED"
  "$JAVA_BIN" "$BENCH_DIR/GenerateChatJsonl.java" "$FILE" "$SIZE_BYTES" "$SEED" >&2
fi
FILE_BYTES=$(stat -c %s "$FILE")
WARMUP_FILE=""
if ((WARMUP_BYTES > 0)); then
  WARMUP_FILE="$WORK/warmup.jsonl"
  "$JAVA_BIN" "$BENCH_DIR/GenerateChatJsonl.java" "$WARMUP_FILE" "$WARMUP_BYTES" "$((SEED + 1))" >&2
fi

# ---------------------------------------------------------------- gateway
PORT=$(free_port)
BASE="http://$HOST:$PORT"
API_KEY=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
# The key goes to curl in a header file, not on its command line where ps would show it.
umask 077
printf 'Authorization: Bearer %s\n' "$API_KEY" >"$WORK/auth-header"
umask 022

GC_LOG="$RESULTS/gc.log"
# shellcheck disable=SC2206 # EXTRA_JAVA_OPTS is a list of flags
GATEWAY_OPTS=(-Xmx"$HEAP" $EXTRA_JAVA_OPTS "-Xlog:gc:file=$GC_LOG:uptime")
log "starting the gateway on $BASE (data dir $WORK/data, -Xmx$HEAP${EXTRA_JAVA_OPTS:+ $EXTRA_JAVA_OPTS}${GATEWAY_ENV:+, $GATEWAY_ENV})"
# shellcheck disable=SC2086 # GATEWAY_ENV is a list
env -u TUNEGATE_DATABASE_URL -u TUNEGATE_DATABASE_USERNAME -u TUNEGATE_DATABASE_PASSWORD \
  TUNEGATE_DATA_DIR="$WORK/data" SERVER_PORT="$PORT" SERVER_ADDRESS="$HOST" \
  TUNEGATE_BOOTSTRAP_KEY="$API_KEY" $GATEWAY_ENV \
  "$JAVA_BIN" "${GATEWAY_OPTS[@]}" -jar "$JAR" >"$RESULTS/gateway.log" 2>&1 </dev/null &
GATEWAY_PID=$!

gateway_alive() {
  kill -0 "$GATEWAY_PID" 2>/dev/null && return 0
  GATEWAY_PID=""
  tail -n 40 "$RESULTS/gateway.log" >&2 || true
  die "the gateway died (log: $RESULTS/gateway.log)"
}

deadline=$((SECONDS + READY_TIMEOUT))
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" || true)" == 200 ]]; do
  gateway_alive
  if ((SECONDS >= deadline)); then
    tail -n 40 "$RESULTS/gateway.log" >&2 || true
    die "the gateway was not ready within ${READY_TIMEOUT}s (log: $RESULTS/gateway.log)"
  fi
  sleep 1
done
POSTMASTER_PID=$(head -n1 "$WORK/data/postgres/postmaster.pid" 2>/dev/null | tr -dc '0-9' || true)
log "gateway ready (pid $GATEWAY_PID, embedded PostgreSQL pid ${POSTMASTER_PID:-unknown})"

# ---------------------------------------------------------------- CPU accounting
# Per-process utime+stime from /proc/*/stat for the gateway JVM and its PostgreSQL (pg_ctl daemonizes
# the postmaster, so it is found by its pid and its backends by their parent), and the machine's busy
# time from /proc/stat, which also covers processes that came and went. What is left after the gateway,
# its PostgreSQL and curl is what other processes took: the noise. In cores (1.0 = one core busy).
gateway_jiffies() {
  local f line rest jvm=0 pg=0
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }
    # shellcheck disable=SC2086 # split the fields on purpose
    set -- $rest
    if [[ "${f//[^0-9]/}" == "$GATEWAY_PID" ]]; then
      jvm=$((${12} + ${13}))
    elif [[ -n "$POSTMASTER_PID" && ("${f//[^0-9]/}" == "$POSTMASTER_PID" || "$2" == "$POSTMASTER_PID") ]]; then
      pg=$((pg + ${12} + ${13}))
    fi
  done
  printf '%s %s' "$jvm" "$pg"
}
machine_jiffies() { # busy total
  awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6; exit}' /proc/stat
}
children_jiffies() { # CPU of this shell's waited-for children (curl), from its own /proc stat
  local line rest
  read -r line </proc/$$/stat
  rest=${line##*) }
  # shellcheck disable=SC2086
  set -- $rest
  printf '%s' "$((${14} + ${15}))"
}
# CPU time of the gateway's GC threads (HotSpot's sun.threads.total_gc_cpu_time, in ns), -1 if unreadable.
JCMD="$(dirname "$JAVA_BIN")/jcmd"
gateway_gc_ns() {
  { "$JCMD" "$GATEWAY_PID" PerfCounter.print 2>/dev/null || true; } \
    | awk -F= '/^sun.threads.total_gc_cpu_time=/ {v = $2} END {print (v == "") ? -1 : v}'
}
NPROC=$(nproc)
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

# Before each run, 2 s samples until other processes use less than QUIET_CPU cores (at most QUIET_WAIT s).
quiet_wait() {
  local start=$SECONDS m0 m1 g0 g1 other
  ((QUIET_WAIT > 0)) || return 0
  while :; do
    m0=$(machine_jiffies); g0=$(gateway_jiffies); sleep 2; m1=$(machine_jiffies); g1=$(gateway_jiffies)
    # shellcheck disable=SC2086
    other=$(awk -v n="$NPROC" -v m0="$m0" -v m1="$m1" -v g0="$g0" -v g1="$g1" 'BEGIN {
      split(m0, a, " "); split(m1, b, " "); split(g0, c, " "); split(g1, d, " ")
      t = b[2] - a[2]; if (t <= 0) { print 0; exit }
      printf "%.2f", ((b[1] - a[1]) - (d[1] - c[1]) - (d[2] - c[2])) / t * n }')
    awk -v o="$other" -v q="$QUIET_CPU" 'BEGIN {exit !(o < q)}' && break
    if ((SECONDS - start >= QUIET_WAIT)); then
      log "  machine still busy (other processes $other cores) after ${QUIET_WAIT}s: measuring anyway"
      break
    fi
    log "  waiting for a quiet machine: other processes $other cores"
  done
}

# ---------------------------------------------------------------- one upload
# Streams FILE to POST /v1/datasets. curl -T reads the file as it sends it (--data-binary @file would
# read it whole into memory first); "Expect:" skips the 100-continue round trip. time_total ends when
# the gateway has answered, i.e. after analysis, hashing, storing and the database insert.
upload() { # file, response file -> "http_code seconds"
  curl -sS --max-time "$UPLOAD_TIMEOUT" -X POST -T "$1" -H @"$WORK/auth-header" -H 'Expect:' \
    -H 'Content-Type: application/jsonl' -o "$2" -w '%{http_code} %{time_total}' \
    "$BASE/v1/datasets?filename=bench.jsonl&base_model=$BASE_MODEL"
}
# Runs a long command in the background and waits for it, so that a signal is handled at once (bash holds
# traps back until a foreground command ends) and the cleanup can stop it. Once waited for, its CPU shows in
# this shell's children's times.
in_background() {
  local rc=0
  "$@" &
  CHILD_PID=$!
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=""
  return "$rc"
}
json_field() { # response file, field name -> first value of "field": (number or string)
  grep -o "\"$2\":\(\"[^\"]*\"\|[0-9.]*\)" "$1" | head -n1 | sed 's/^[^:]*://; s/"//g'
}

# GC log: G1 prints "... Pause Young (Normal) (G1 Evacuation Pause) 150M->31M(256M) 3.1ms" per pause.
# Over the lines an upload added: the highest heap occupancy a GC found (before), the highest left
# after an evacuating (young, mixed or full) GC (an upper bound of the live data at that moment: a
# young pause does not clean the old generation), the largest committed heap, pauses (remark and
# cleanup included), their total time, and full GCs.
gc_stats() { # first line, last line -> "peak_before_mib peak_after_mib committed_mib pauses pause_ms full_gcs"
  sed -n "$1,$2p" "$GC_LOG" | awk '
    function mib(v,   n, u) { n = v + 0; u = substr(v, length(v)); return (u == "G") ? n * 1024 : (u == "K") ? n / 1024 : (u == "B") ? n / 1048576 : n }
    / Pause / && match($0, /[0-9]+[BKMG]->[0-9]+[BKMG]\([0-9]+[BKMG]\)/) {
      s = substr($0, RSTART, RLENGTH); split(s, p, /->|\(|\)/)
      b = mib(p[1]); a = mib(p[2]); c = mib(p[3])
      if (b > pb) pb = b; if (c > pc) pc = c
      # Remark and Cleanup free no objects: their "after" is just the occupancy at that moment.
      if ($0 ~ /Pause (Young|Full)/ && a > pa) pa = a
      n++
      if (match($0, /[0-9.]+ms$/)) ms += substr($0, RSTART, RLENGTH - 2) + 0
      if ($0 ~ /Pause Full/) full++
    }
    END { printf "%.0f %.0f %.0f %d %.0f %d\n", pb, pa, pc, n, ms, full }'
}

cat >"$RESULTS/run.txt" <<EOF
date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')
host:        $(uname -srm), nproc $NPROC, $(awk '/MemTotal/ {printf "%.0f GiB RAM", $2 / 1048576}' /proc/meminfo), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)
java:        $JAVA_BIN ($JAVA_VERSION)
gateway:     ${GATEWAY_OPTS[*]} -jar $(basename "$JAR")${GATEWAY_ENV:+ with $GATEWAY_ENV}
baseline:    -Xmx$HEAP${EXTRA_JAVA_OPTS:+ $EXTRA_JAVA_OPTS} RawTokenCount.java, $( ((RAW_THREADS > 0)) && echo "$RAW_THREADS" || echo "$NPROC") threads, $ENCODING
commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (work tree differs)')
dataset:     $FILE, $FILE_BYTES bytes$([[ -z "$DATASET" ]] && echo ", generated with seed $SEED")
knobs:       SIZE=$SIZE ROUNDS=$ROUNDS HEAP=$HEAP EXTRA_JAVA_OPTS='$EXTRA_JAVA_OPTS' WARMUP_SIZE=$WARMUP_SIZE RAW_THREADS=$RAW_THREADS QUIET_WAIT=$QUIET_WAIT QUIET_CPU=$QUIET_CPU PROFILE=$PROFILE
EOF

# ---------------------------------------------------------------- warm-up
# JIT, the tokenizer's vocabulary (loaded on the first upload that needs it) and the connection pool,
# so the timed rounds measure the steady state. The baseline warms up inside its own run.
if [[ -n "$WARMUP_FILE" ]]; then
  log "warm-up upload ($WARMUP_SIZE)"
  in_background upload "$WARMUP_FILE" "$RESULTS/warmup-response.json" >"$WORK/answer" || true
  read -r code secs <"$WORK/answer" || true
  [[ "${code:-}" == 201 ]] || die "warm-up upload answered ${code:-nothing} (see $RESULTS/warmup-response.json)"
  log "  warm-up: $(awk -v b="$(stat -c %s "$WARMUP_FILE")" -v s="$secs" 'BEGIN {printf "%.1f MB/s", b / s / 1e6}')"
fi

# ---------------------------------------------------------------- rounds
INGEST_MBS=() RAW_MBS=() RATIOS=() HEAP_AFTER=() HEAP_BEFORE=() HEAP_COMMITTED=() INGEST_OTHER=() RAW_OTHER=()
INGEST_JVM=() RAW_CPU=() INGEST_EFF=() RAW_EFF=() INGEST_GC=() RAW_GC=()
FAILED_UPLOADS=0
TOKENS_MISMATCH=0
for ((r = 1; r <= ROUNDS; r++)); do
  # --- ingest
  quiet_wait
  gateway_alive
  if [[ "$PROFILE" == 1 && $r == "$ROUNDS" ]]; then
    "$JCMD" "$GATEWAY_PID" JFR.start name=ingest settings=profile \
      filename="$RESULTS/round$r-ingest.jfr" >/dev/null
  fi
  touch "$GC_LOG"
  gc_first=$(($(wc -l <"$GC_LOG") + 1))
  gc0=$(gateway_gc_ns)
  m0=$(machine_jiffies); g0=$(gateway_jiffies); c0=$(children_jiffies)
  log "round $r/$ROUNDS: uploading $FILE_BYTES bytes"
  in_background upload "$FILE" "$RESULTS/round$r-response.json" >"$WORK/answer" || true
  read -r code secs <"$WORK/answer" || true
  c1=$(children_jiffies); m1=$(machine_jiffies); g1=$(gateway_jiffies)
  gc1=$(gateway_gc_ns)
  if [[ "$PROFILE" == 1 && $r == "$ROUNDS" ]]; then
    "$JCMD" "$GATEWAY_PID" JFR.stop name=ingest >/dev/null || true
  fi
  gc_last=$(wc -l <"$GC_LOG")
  gateway_alive
  status=$(json_field "$RESULTS/round$r-response.json" status)
  if [[ "${code:-}" != 201 || "$status" != valid ]]; then
    FAILED_UPLOADS=$((FAILED_UPLOADS + 1))
    log "  upload answered ${code:-nothing}, status '${status:-?}' (see $RESULTS/round$r-response.json)"
    continue
  fi
  ingest_tokens=$(json_field "$RESULTS/round$r-response.json" total)
  examples=$(json_field "$RESULTS/round$r-response.json" examples)
  read -r pb pa pc pauses pause_ms full < <(gc_stats "$gc_first" "$gc_last")
  # cores: gateway jvm, pg, curl, other processes
  read -r jvm_c pg_c curl_c other_c < <(awk -v n="$NPROC" -v hz="$CLK_TCK" -v s="$secs" \
      -v m0="$m0" -v m1="$m1" -v g0="$g0" -v g1="$g1" -v c0="$c0" -v c1="$c1" 'BEGIN {
    split(m0, a, " "); split(m1, b, " "); split(g0, c, " "); split(g1, d, " ")
    jvm = (d[1] - c[1]) / hz / s; pg = (d[2] - c[2]) / hz / s; cu = (c1 - c0) / hz / s
    busy = (b[2] > a[2]) ? (b[1] - a[1]) / (b[2] - a[2]) * n : 0
    other = busy - jvm - pg - cu; if (other < 0) other = 0
    printf "%.2f %.2f %.2f %.2f\n", jvm, pg, cu, other }')
  mbs=$(awk -v b="$FILE_BYTES" -v s="$secs" 'BEGIN {printf "%.2f", b / s / 1e6}')
  # GC share of the gateway's CPU during the upload
  gc_share=$(awk -v a="$gc0" -v b="$gc1" -v c="$jvm_c" -v s="$secs" \
    'BEGIN {if (a < 0 || b < 0 || c <= 0) print "n/a"; else printf "%.3f", (b - a) / 1e9 / (c * s)}')
  INGEST_MBS+=("$mbs"); HEAP_BEFORE+=("$pb"); HEAP_AFTER+=("$pa"); HEAP_COMMITTED+=("$pc")
  INGEST_OTHER+=("$other_c"); INGEST_JVM+=("$jvm_c"); INGEST_GC+=("$gc_share")
  INGEST_EFF+=("$(awk -v m="$mbs" -v c="$jvm_c" -v p="$pg_c" 'BEGIN {printf "%.2f", (c + p > 0) ? m / (c + p) : 0}')")
  log "  ingest: $mbs MB/s ($secs s), $examples examples, $ingest_tokens tokens; heap peak before GC ${pb} MiB, after GC ${pa} MiB, committed ${pc} MiB ($pauses pauses, ${pause_ms} ms, $full full); CPU gateway $jvm_c (GC share $gc_share), pg $pg_c, curl $curl_c, other $other_c cores"
  printf 'round %s ingest: %s MB/s, %s s, http %s, examples %s, tokens %s, heap MiB before/after/committed %s/%s/%s, gc pauses %s (%s ms, %s full), gc share of cpu %s, cores jvm %s pg %s curl %s other %s\n' \
    "$r" "$mbs" "$secs" "$code" "$examples" "$ingest_tokens" "$pb" "$pa" "$pc" "$pauses" "$pause_ms" "$full" \
    "$gc_share" "$jvm_c" "$pg_c" "$curl_c" "$other_c" >>"$RESULTS/rounds.txt"

  # --- baseline
  quiet_wait
  # shellcheck disable=SC2206
  raw_opts=(-Xmx"$HEAP" $EXTRA_JAVA_OPTS)
  if [[ "$PROFILE" == 1 && $r == "$ROUNDS" ]]; then
    raw_opts+=("-XX:StartFlightRecording=filename=$RESULTS/round$r-raw.jfr,settings=profile")
  fi
  log "round $r/$ROUNDS: raw count"
  in_background "$JAVA_BIN" "${raw_opts[@]}" -cp "$BASELINE_CP" "$BENCH_DIR/RawTokenCount.java" \
    "$FILE" "$ENCODING" "$RAW_THREADS" "$WARMUP_BYTES" >"$RESULTS/round$r-raw.txt" 2>&1 \
    || die "the baseline failed (output: $RESULTS/round$r-raw.txt)"
  result=$(grep '^RESULT ' "$RESULTS/round$r-raw.txt") || die "no RESULT line in $RESULTS/round$r-raw.txt"
  raw_value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$result"; }
  raw_secs=$(raw_value seconds); raw_tokens=$(raw_value tokens); raw_cpu=$(raw_value cpu_cores)
  raw_other=$(awk -v m="$(raw_value machine_cores)" -v c="$raw_cpu" 'BEGIN {o = m - c; printf "%.2f", (o > 0) ? o : 0}')
  raw_mbs=$(awk -v b="$(raw_value bytes)" -v s="$raw_secs" 'BEGIN {printf "%.2f", b / s / 1e6}')
  RAW_MBS+=("$raw_mbs"); RAW_OTHER+=("$raw_other"); RAW_CPU+=("$raw_cpu")
  raw_gc=$(awk -v g="$(raw_value gc_cpu_seconds)" -v c="$raw_cpu" -v s="$raw_secs" \
    'BEGIN {if (g == "nan" || g == "NaN" || c <= 0) print "n/a"; else printf "%.3f", g / (c * s)}')
  RAW_GC+=("$raw_gc")
  RAW_EFF+=("$(awk -v m="$raw_mbs" -v c="$raw_cpu" 'BEGIN {printf "%.2f", (c > 0) ? m / c : 0}')")
  RATIOS+=("$(awk -v a="$mbs" -v b="$raw_mbs" 'BEGIN {printf "%.3f", a / b}')")
  if [[ "$raw_tokens" != "$ingest_tokens" ]]; then
    TOKENS_MISMATCH=$((TOKENS_MISMATCH + 1))
    log "  token totals differ: ingest $ingest_tokens, raw $raw_tokens"
  fi
  log "  raw: $raw_mbs MB/s ($raw_secs s), $raw_tokens tokens; CPU $raw_cpu cores (GC share $raw_gc), other $raw_other cores; ratio ${RATIOS[-1]}"
  printf 'round %s raw: %s MB/s, %s s, tokens %s, gc share of cpu %s, cores raw %s other %s; ingest/raw %s\n' \
    "$r" "$raw_mbs" "$raw_secs" "$raw_tokens" "$raw_gc" "$raw_cpu" "$raw_other" "${RATIOS[-1]}" >>"$RESULTS/rounds.txt"
done

((${#INGEST_MBS[@]} > 0)) || die "no upload succeeded (see $RESULTS)"
OOM=$(grep -c 'OutOfMemoryError' "$RESULTS/gateway.log" || true)

# ---------------------------------------------------------------- summary
{
  ingest_med=$(median "${INGEST_MBS[@]}")
  raw_med=$(median "${RAW_MBS[@]}")
  ratio=$(awk -v a="$ingest_med" -v b="$raw_med" 'BEGIN {printf "%.3f", a / b}')
  max_of() { printf '%s\n' "$@" | sort -g | tail -n1; }
  printf '\nTunegate dataset ingest: %s bytes (%.2f GiB) of chat JSONL, %s rounds, -Xmx%s%s, %s cores\n' \
    "$FILE_BYTES" "$(awk -v b="$FILE_BYTES" 'BEGIN {print b / 1073741824}')" "$ROUNDS" "$HEAP" \
    "${EXTRA_JAVA_OPTS:+ $EXTRA_JAVA_OPTS}" "$NPROC"
  printf '%-34s %10s   %s\n' '' 'median' 'per round'
  printf '%-34s %10s   %s\n' 'ingest MB/s (POST /v1/datasets)' "$ingest_med" "${INGEST_MBS[*]}"
  printf '%-34s %10s   %s\n' 'raw count MB/s (all cores)' "$raw_med" "${RAW_MBS[*]}"
  printf '%-34s %10s   %s\n' 'ingest / raw (ratio of medians)' "$ratio" "${RATIOS[*]} (per round; their median: $(median "${RATIOS[@]}"))"
  printf '%-34s %10s   %s\n' 'gateway CPU during ingest (cores)' "$(median "${INGEST_JVM[@]}")" "${INGEST_JVM[*]}"
  printf '%-34s %10s   %s\n' 'raw count CPU (cores)' "$(median "${RAW_CPU[@]}")" "${RAW_CPU[*]}"
  printf '%-34s %10s   %s\n' 'ingest MB per CPU-second' "$(median "${INGEST_EFF[@]}")" "${INGEST_EFF[*]}"
  printf '%-34s %10s   %s\n' 'raw count MB per CPU-second' "$(median "${RAW_EFF[@]}")" "${RAW_EFF[*]}"
  printf '%-34s %10s   %s\n' 'GC share of gateway CPU, ingest' "$(median "${INGEST_GC[@]}")" "${INGEST_GC[*]}"
  printf '%-34s %10s   %s\n' 'GC share of CPU, raw count' "$(median "${RAW_GC[@]}")" "${RAW_GC[*]}"
  printf '%-34s %10s   %s\n' 'other processes, ingest (cores)' "$(median "${INGEST_OTHER[@]}")" "${INGEST_OTHER[*]}"
  printf '%-34s %10s   %s\n' 'other processes, raw (cores)' "$(median "${RAW_OTHER[@]}")" "${RAW_OTHER[*]}"
  printf '%-34s %10s   %s\n' 'heap after GC, peak (MiB)' "$(max_of "${HEAP_AFTER[@]}")" "${HEAP_AFTER[*]}"
  printf '%-34s %10s   %s\n' 'heap before GC, peak (MiB)' "$(max_of "${HEAP_BEFORE[@]}")" "${HEAP_BEFORE[*]}"
  printf '%-34s %10s   %s\n' 'heap committed, peak (MiB)' "$(max_of "${HEAP_COMMITTED[@]}")" "${HEAP_COMMITTED[*]}"
  echo "(MB = 10^6 bytes. Heap from the gateway's GC log over each upload: 'after GC' bounds the live data"
  echo " from above, 'before GC' is the fullest the heap got. 'other': CPU of every process but the gateway,"
  echo " its PostgreSQL, curl and the baseline, i.e. what the machine's other users took. MB per CPU-second:"
  echo " throughput over the CPU the gateway + PostgreSQL, or the baseline, used: a cost per byte that noise"
  echo " moves less than MB/s, though a shared core also runs slower per CPU-second.)"
  noisy=$(printf '%s\n' "${INGEST_OTHER[@]}" "${RAW_OTHER[@]}" | awk '$1 > 0.25 {n++} END {print n + 0}')
  if ((noisy > 0)); then
    echo "NOTE: in $noisy run(s) other processes used more than 0.25 cores: the machine was shared, figures are noisy"
  fi
  echo
  verdict() { printf '%s  %s\n' "$([[ "$2" == 1 ]] && echo PASS || echo FAIL)" "$1"; }
  heap_ok=$(( FAILED_UPLOADS == 0 && OOM == 0 ? 1 : 0 ))
  verdict "$(awk -v b="$FILE_BYTES" 'BEGIN {printf "%.2f", b / 1073741824}') GiB ingests with -Xmx$HEAP ($((ROUNDS - FAILED_UPLOADS))/$ROUNDS uploads valid, $OOM OutOfMemoryError in the log, peak heap after GC $(max_of "${HEAP_AFTER[@]}") MiB)" "$heap_ok"
  verdict "ingest throughput ${ratio}x raw multi-core count (goal >= ${GOAL_RATIO}x)" \
    "$(awk -v a="$ratio" -v b="$GOAL_RATIO" 'BEGIN {print (a >= b) ? 1 : 0}')"
  verdict "token totals of ingest and raw count agree in every round" "$(( TOKENS_MISMATCH == 0 ? 1 : 0 ))"
  echo
  echo "per-round details, the GC log, responses and the gateway log: $RESULTS"
} | tee "$RESULTS/summary.txt"
cat "$RESULTS/run.txt"
