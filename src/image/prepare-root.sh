#!/usr/bin/env bash
# Lays out the image's extra files under target/image-root for Jib (mvn -Pimage package), with no
# Docker daemon and no base image to download: the image starts FROM scratch, so everything the service
# needs is put here from this machine and the project:
#   /opt/jre          a runtime cut from the build JDK with jlink (only the modules the service uses)
#   /lib*, /usr/lib*  the C libraries that runtime links against (read off ldd, so they match it)
#   /etc/passwd,group the non-root user 'crosswalk' (uid 10001) the service runs as
#   /app/{ontology,mappings,queries}  the data, baked in
#   /data             the volume for the embedded store (writable by the service user)
set -euo pipefail
project="$1"
root="$project/target/image-root"
rm -rf "$root"
mkdir -p "$root/app" "$root/etc" "$root/data" "$root/opt"

# The newest JDK >= 21 on this machine (the one the toolchain builds with) provides jlink.
jlink=""
for j in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r) "${JAVA_HOME:-}/"; do
  if [ -x "$j/bin/jlink" ] && "$j/bin/java" -version 2>&1 | grep -Eq 'version "(2[1-9]|[3-9][0-9])'; then jlink="$j/bin/jlink"; break; fi
done
[ -n "$jlink" ] || { echo "prepare-root.sh: no JDK >= 21 with jlink under /usr/lib/jvm" >&2; exit 1; }
"$jlink" --add-modules java.se,jdk.unsupported,jdk.management,jdk.zipfs,jdk.net,jdk.crypto.cryptoki \
  --strip-debug --no-man-pages --no-header-files --compress=zip-6 --output "$root/opt/jre"

# C libraries of the runtime, at the paths the dynamic loader looks them up.
find "$root/opt/jre" -type f \( -name '*.so' -o -path '*/bin/*' \) | while read -r f; do ldd "$f" 2>/dev/null || true; done |
  grep -v ':$' | grep -oE '/[^ ():]+\.so[^ ():]*' | grep -v "^$root" | sort -u |
  while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done

printf 'root:x:0:0:root:/root:/sbin/nologin\ncrosswalk:x:10001:10001:crosswalk:/data:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\ncrosswalk:x:10001:\n' > "$root/etc/group"
for d in ontology mappings queries; do cp -r "$project/$d" "$root/app/$d"; done
echo "Volume for the embedded TDB2 + Lucene store (crosswalk.store-dir=/data/store) and temporary files." > "$root/data/README"
