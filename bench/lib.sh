# shellcheck shell=bash
# Helpers shared by the bench scripts. Source it after defining log() and die(), and ROOT (the repository)
# and HOST (the gateway's loopback address).

stop_pid() { # pid, signal, seconds to wait
  local pid=$1 sig=$2 wait_s=$3 i
  kill -0 "$pid" 2>/dev/null || return 0
  kill "-$sig" "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

java_major() { # prints the feature version of the given java binary, or nothing
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version "/ {print $2; exit}') || return 0
  [[ -n "$v" ]] || return 0
  if [[ "$v" == 1.* ]]; then v=${v#1.}; fi
  v=${v%%[^0-9]*}
  printf '%s' "$v"
}

find_java() {
  local candidate major best="" best_major=0
  if [[ -n "${JAVA:-}" ]]; then
    major=$(java_major "$JAVA")
    [[ -n "$major" && "$major" -ge 21 ]] || die "JAVA=$JAVA is not a java 21+ (found '${major:-?}')"
    printf '%s' "$JAVA"; return
  fi
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [[ -n "$major" && "$major" -ge 21 ]]; then printf '%s' "$JAVA_HOME/bin/java"; return; fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    major=$(java_major "$candidate")
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best=$candidate; best_major=$major
    fi
  done
  [[ -n "$best" ]] || die "no java 21+ found: set JAVA_HOME to a JDK 21+ (none in JAVA_HOME or /usr/lib/jvm/*)"
  printf '%s' "$best"
}

find_jar() {
  local jar
  for jar in "$ROOT"/tunegate-server/target/tunegate-server-*.jar; do
    [[ -f "$jar" && "$jar" != *-plain.jar ]] && { printf '%s' "$jar"; return; }
  done
  return 0
}

free_port() {
  local port i
  for ((i = 0; i < 100; i++)); do
    port=$((20000 + RANDOM % 40000))
    # nobody answers a connect on loopback: take it
    if ! (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then printf '%s' "$port"; return; fi
  done
  die "no free loopback port found"
}

median() { # of the numeric arguments; n/a when there are none
  printf '%s\n' "$@" | grep -E '^[0-9.]+$' | sort -g \
    | awk '{a[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

stop_gateway() { # gateway pid (may be empty), its data dir: SIGTERM, SIGKILL after STOP_TIMEOUT s, then any
  # PostgreSQL it left running (a SIGKILLed gateway cannot stop it), found by OUR data dir's postmaster.pid
  local gateway_pid=$1 data_dir=$2 pg_pid
  if [[ -n "$gateway_pid" ]] && kill -0 "$gateway_pid" 2>/dev/null; then
    log "stopping the gateway (pid $gateway_pid, SIGTERM, up to ${STOP_TIMEOUT} s)"
    if ! stop_pid "$gateway_pid" TERM "$STOP_TIMEOUT"; then
      log "gateway still running after ${STOP_TIMEOUT} s: SIGKILL"
      kill -KILL "$gateway_pid" 2>/dev/null
    fi
    wait "$gateway_pid" 2>/dev/null
  fi
  if [[ -n "$data_dir" && -f "$data_dir/postgres/postmaster.pid" ]]; then
    pg_pid=$(head -n1 "$data_dir/postgres/postmaster.pid" 2>/dev/null | tr -dc '0-9')
    if [[ -n "$pg_pid" ]] && kill -0 "$pg_pid" 2>/dev/null \
        && grep -q postgres "/proc/$pg_pid/cmdline" 2>/dev/null; then
      log "stopping the embedded PostgreSQL left behind (pid $pg_pid)"
      stop_pid "$pg_pid" INT 20 || kill -KILL "$pg_pid" 2>/dev/null
    fi
  fi
  return 0
}
