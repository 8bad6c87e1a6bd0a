# Sourced by the launchers: find_java prints the first JDK >= 21 (JAVA_HOME, PATH, /usr/lib/jvm).
find_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}/bin/java" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    version=$("$candidate" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    if [ "${version%%.*}" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  echo "no JDK >= 21 found (set JAVA_HOME)" >&2
  return 1
}
