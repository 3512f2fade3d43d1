# Sourced by the bin/ scripts: finds a JDK >= 21 (Temurin 25 preferred) and exports JAVA_HOME.
# Order: an existing JAVA_HOME that is new enough, then /usr/lib/jvm/temurin-25*, then any
# JDK >= 21 under /usr/lib/jvm, then the java on PATH.
nexus_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

nexus_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(nexus_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(nexus_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  fi
  return 1
}

if ! JAVA_HOME=$(nexus_find_jdk); then
  echo "nexus: no JDK 21 or newer found under /usr/lib/jvm or on PATH; install Temurin 25" >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
