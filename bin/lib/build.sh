# Sourced by bin/nexus and bin/nexusctl: (re)builds the launcher when any source or pom is newer
# than its jar, so a fresh clone or an edited tree just works. Sets NEXUS_CP.
nexus_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
nexus_jar="$nexus_root/launcher/target/nexus-launcher.jar"

nexus_stale() {
  [ -f "$nexus_jar" ] && [ -d "$nexus_root/launcher/target/lib" ] || return 0
  [ -n "$(find "$nexus_root" \( -path "$nexus_root/e2e" -o -path "$nexus_root/examples" \) -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$nexus_jar" -print -quit 2>/dev/null)" ]
}

if nexus_stale; then
  echo "nexus: building (first run or sources changed)..." >&2
  log=$(mktemp)
  if ! (cd "$nexus_root" && mvn -B -q -Dmaven.test.skip=true -Dspotless.check.skip=true \
      -pl launcher -am install >"$log" 2>&1); then
    cat "$log" >&2
    echo "nexus: build failed (full log above)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  touch "$nexus_jar"
fi
NEXUS_CP="$nexus_jar:$nexus_root/launcher/target/lib/*"
NEXUS_JVM_FLAGS=(--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
