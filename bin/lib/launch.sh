# Sourced by bin/crosswalk and bin/crosswalk-server, with $home (the project) and a die() function set:
# finds a JDK >= 21 the way the build does (JAVA_HOME, then java on the PATH, then the usual install
# folders, /usr/lib/jvm first), never whatever older `java` comes first on the PATH; and the packaged jar,
# built once with Maven when there is none.

# The Java feature version of a java binary ("21", "25"), or nothing if it does not run.
feature() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -1
}

find_java() {
  local candidates=() best="" best_v=0 j v
  [ -n "${CROSSWALK_JAVA:-}" ] && candidates+=("$CROSSWALK_JAVA")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for j in /usr/lib/jvm/*/bin/java /usr/java/*/bin/java /opt/java/*/bin/java /opt/*/bin/java \
           "$HOME"/.sdkman/candidates/java/*/bin/java "$HOME"/.jdks/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -x "$j" ] && candidates+=("$j")
  done
  for j in "${candidates[@]}"; do
    [ -x "$j" ] || continue
    v="$(feature "$j")"
    [ -n "$v" ] || continue
    # The first one found that is new enough wins (JAVA_HOME, then PATH), else the newest of the rest.
    if [ "$v" -ge 21 ]; then
      if [ -z "$best" ] || [ "$best_v" -lt 21 ]; then best="$j"; best_v="$v"; fi
    fi
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
