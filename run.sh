#!/usr/bin/env bash
# Builds the service if needed and runs it. With no configuration it starts its embedded
# default: an in-process Kafka broker, a local schema registry and the service on :8080,
# all data under ./data (RELATIONS_DATA_DIR). Set RELATIONS_KAFKA_BOOTSTRAP_SERVERS and
# RELATIONS_KAFKA_REGISTRY_URL to use an existing cluster instead.
#   ./run.sh --local-cluster   runs a three-broker Kafka cluster and a schema registry on
#                              loopback (data under ./data-cluster) for trying several instances
set -euo pipefail
cd "$(dirname "$0")"

source scripts/find-java.sh

JAVA=$(find_java)
jar=api/target/api-0.1.0-SNAPSHOT.jar
registry=registry/target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ ! -f "$registry" ] || [ -n "$(find schemas stream-processor api registry -newer "$jar" -name '*.java' -o -newer "$jar" -name '*.avdl' -o -newer "$jar" -name 'pom.xml' 2>/dev/null | head -1)" ]; then
  echo "building..." >&2
  ./mvnw -B -q install -DskipTests -pl api,registry -am
fi
if [ "${1:-}" = "--local-cluster" ]; then
  exec "$JAVA" ${RELATIONS_JAVA_OPTS:--Xmx1g} -cp "$jar" dev.relations.api.runtime.LocalKafkaCluster
fi
exec "$JAVA" ${RELATIONS_JAVA_OPTS:--Xmx1g} -jar "$jar" "$@"
