#!/usr/bin/env bash
# Builds the benchmark if needed and runs it against a live service.
#   benchmark/run.sh --help      (start the service with RELATIONS_RATE_LIMITS_ENABLED=false first)
#   benchmark/run.sh --clients 64 --duration 20s --scenarios contact-add,contact-list,bare
#   benchmark/run.sh --scenarios scale --scale-edges 20000   # loads, measures, restarts the service
#   benchmark/run.sh --scenarios room-members --duration 3m   # runs until the room holds --room-size users
#   benchmark/run.sh replay --bootstrap-servers localhost:9092 --users 70000   # the event log tool's fold speed (events/s)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$here/target/benchmark-0.1.0-SNAPSHOT.jar"

find_java() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_at_least_21 "$JAVA_HOME/bin/java"; then
    echo "$JAVA_HOME/bin/java"; return
  fi
  local candidate
  for candidate in $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
    if java_at_least_21 "$candidate"; then echo "$candidate"; return; fi
  done
  if command -v java >/dev/null && java_at_least_21 "$(command -v java)"; then
    command -v java; return
  fi
  echo "no JDK >= 21 found (looked at JAVA_HOME, /usr/lib/jvm, PATH)" >&2
  exit 1
}

java_version() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  echo "${version%%.*}"
}

java_at_least_21() {
  local version
  version="$(java_version "$1")"
  [[ "$version" =~ ^[0-9]+$ && "$version" -ge 21 ]]
}

# The HTTP scenarios run on wrk (Debian package wrk) unless --driver java.
ensure_wrk() {
  command -v wrk >/dev/null && return
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "installing wrk (apt-get install -y wrk)" >&2
    apt-get install -y -q wrk >&2 || { apt-get update -q >&2 && apt-get install -y -q wrk >&2; } || true
  fi
  command -v wrk >/dev/null || echo "wrk is not installed: run 'sudo apt-get install -y wrk' (or pass --driver java)" >&2
}
# `replay` measures the event log tool's fold instead (no service, no wrk): see ReplayBenchmark.
if [[ "${1:-}" != "replay" ]]; then ensure_wrk; fi

# Rebuild when the jar is missing or older than a benchmark source or the Streams tuning it mirrors.
if [[ ! -f "$jar" || -n "$(find "$here/src" "$here/pom.xml" "$root/stream-processor/src/main/java/dev/relations/engine/StreamsSettings.java" "$root/eventlog/src/main" -newer "$jar" -print -quit)" ]]; then
  (cd "$root" && ./mvnw -q -B -pl benchmark -am package -DskipTests)
fi

java="$(find_java)"
flags=(-Xms256m -Xmx1g --enable-native-access=ALL-UNNAMED)
# Kafka's buffer unmapping uses sun.misc.Unsafe; JDK 23+ warns unless allowed.
if [[ "$(java_version "$java")" -ge 23 ]]; then flags+=(--sun-misc-unsafe-memory-access=allow); fi
if [[ "${1:-}" == "replay" ]]; then
  shift
  exec "$java" "${flags[@]}" -Dlogback.configurationFile=relations-log-logback.xml -cp "$jar" dev.relations.benchmark.ReplayBenchmark "$@"
fi
exec "$java" "${flags[@]}" -Drelations.benchmark.repo="$root" -jar "$jar" "$@"
