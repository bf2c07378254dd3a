# Sourced by the launcher and the scripts: sets JAVA_HOME to a JDK 25 or exits with a message naming what to install.
# The major version of a java binary: from the JDK's release file when it has one (no JVM start on every launch),
# else from `java -version`.
java_major() {
  local release; release="$(dirname "$(dirname "$1")")/release"
  if [[ -f "$release" ]] && grep -q '^JAVA_VERSION=' "$release"; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9]*\).*/\1/p' "$release" | head -1
  else
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
  fi
}

find_jdk() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64 /usr/lib/jvm/temurin-25*
               /usr/lib/jvm/java-25-openjdk* /usr/lib/jvm/jdk-25* /opt/java/openjdk /opt/jdk-25*
               /Library/Java/JavaVirtualMachines/temurin-25.jdk/Contents/Home)
  local home
  for home in "${candidates[@]}"; do
    if [[ -x "$home/bin/java" ]] && [[ "$(java_major "$home/bin/java")" -ge 25 ]] 2>/dev/null; then
      echo "$home"; return 0
    fi
  done
  if command -v java >/dev/null && [[ "$(java_major "$(command -v java)")" -ge 25 ]] 2>/dev/null; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return 0
  fi
  return 1
}

if ! CONTRABAND_JDK="$(find_jdk)"; then
  echo "contraband: needs a JDK 25; install Temurin 25 (https://adoptium.net, Debian/Ubuntu: apt-get install temurin-25-jdk" \
       "from packages.adoptium.net) and set JAVA_HOME to it" >&2
  exit 2
fi
export JAVA_HOME="$CONTRABAND_JDK"
