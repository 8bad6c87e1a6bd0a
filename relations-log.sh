#!/usr/bin/env bash
# Builds the event log tool if needed and runs it against a deployment's events topic (by default
# the embedded default's: broker localhost:9092, registry localhost:8081, app demo/relations).
#   ./relations-log.sh as-of now --user alice        ./relations-log.sh events --room 1234 --types room.members.*
#   ./relations-log.sh as-of 2026-12-03T17:00:00Z    ./relations-log.sh verify         ./relations-log.sh --help
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

source "$root/scripts/find-java.sh"

JAVA=$(find_java)
jar="$root/eventlog/target/eventlog-0.1.0-SNAPSHOT.jar"
if [ ! -f "$jar" ] || [ -n "$(cd "$root" && find schemas stream-processor eventlog -newer "$jar" \( -name '*.java' -o -name '*.avdl' -o -name 'pom.xml' \) 2>/dev/null | head -1)" ]; then
  echo "building..." >&2
  (cd "$root" && ./mvnw -B -q package -DskipTests -pl eventlog -am >&2)
  touch "$jar"  # an up-to-date jar is not rewritten: mark it as checked
fi
export RELATIONS_DATA_DIR="${RELATIONS_DATA_DIR:-$root/data}"
exec "$JAVA" ${RELATIONS_LOG_JAVA_OPTS:--Xmx512m} --enable-native-access=ALL-UNNAMED -jar "$jar" "$@"
