# Sourced by bin/crosswalk and bin/crosswalk-server, with $home (the project) and a die() function set:
# finds a JDK >= 21 the way the build does (JAVA_HOME, then java on the PATH, then the usual install
# folders, /usr/lib/jvm first), never whatever older `java` comes first on the PATH; and the packaged jar,
# built once with Maven when there is none.

# The Java feature version of a java binary ("21", "25"), or nothing if it cannot be told. Read from the
# JDK's `release` file when there is one (no JVM started: each start cost ~0.1 s of every launch), else
# asked of the binary itself (nothing if it does not run).
feature() {
  local real release v
  real="$(readlink -f "$1" 2>/dev/null || echo "$1")"
  release="$(dirname "$(dirname "$real")")/release"
  if [ -r "$release" ] && [ -x "$real" ]; then
    v="$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" | head -1)"
    [ "$v" = 1 ] && v=8 # JAVA_VERSION="1.8.0_x"
    if [ -n "$v" ]; then echo "$v"; return; fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -1
}

find_java() {
  local candidates=() best="" j v
  [ -n "${CROSSWALK_JAVA:-}" ] && candidates+=("$CROSSWALK_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for j in /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
           "$HOME"/.sdkman/candidates/java/*/bin/java "$HOME"/.jdks/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$j" ] && candidates+=("$j")
  done
  # The first one found that is new enough wins (CROSSWALK_JAVA, JAVA_HOME, the PATH, then the folders).
  for j in "${candidates[@]}"; do
    [ -x "$j" ] || continue
    v="$(feature "$j")"
    [ -n "$v" ] || continue
    # A release file can name a JDK that does not run here (another architecture, a broken install).
    if [ "$v" -ge 21 ] && "$j" -version >/dev/null 2>&1; then best="$j"; break; fi
  done
  [ -n "$best" ] || die "needs a JDK 21 or newer (found none in JAVA_HOME, on the PATH or under /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set CROSSWALK_JAVA=/path/to/java"
  echo "$best"
}

# The newest executable jar under target/, or nothing.
packaged_jar() {
  ls -t "$home"/target/crosswalk-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -1 || true
}

# The executable jar, built once with Maven when there is none.
build_jar() {
  command -v mvn >/dev/null 2>&1 || die "no build in $home/target and no Maven to make one: run 'mvn -B package -DskipTests' there"
  echo "$(basename "$0"): building the executable jar once (mvn -B -q package -DskipTests)..." >&2
  (cd "$home" && mvn -B -q package -DskipTests >&2) || die "the build failed: run 'mvn -B package -DskipTests' in $home to see why"
  packaged_jar
}
