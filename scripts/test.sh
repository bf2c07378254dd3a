#!/usr/bin/env bash
# The test command: installs what the tests need (Debian packages, as root, skipped when present), then runs
# every test with the Maven wrapper on JDK 25. Works on a fresh machine; CI runs it through .ci/run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian packages the tests use: umoci and skopeo build images from folders, as real users' tools do.
PACKAGES=(umoci skopeo docker-registry apache2-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test.sh: missing Debian packages: ${missing[*]}; run as root or install them" >&2
    exit 2
  fi
  echo "test.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
fi

source "$ROOT/scripts/jdk.sh"
export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
exec ./mvnw -B -ntp verify "$@"
