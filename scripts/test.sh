#!/usr/bin/env bash
# The test command: installs what the tests need (Debian packages, as root, skipped when present), then runs
# every test with the Maven wrapper on JDK 25. Works on a fresh machine; CI runs it through .ci/run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian packages the tests use: umoci and skopeo build images from folders, as real users' tools do.
PACKAGES=(umoci skopeo docker-registry apache2-utils postgresql chromium)
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

# PostgreSQL for the catalog store tests: the Debian cluster, a role and a database for tests (idempotent). The
# tests read the URL below and fail without it (in CI and as root); a non-root developer's run skips them.
if [[ $(id -u) -eq 0 ]] && command -v pg_ctlcluster >/dev/null; then
  PG_VERSION="$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)"
  if [[ -n "$PG_VERSION" ]]; then
    pg_ctlcluster "$PG_VERSION" main status >/dev/null 2>&1 || pg_ctlcluster "$PG_VERSION" main start
    for _ in $(seq 50); do (cd / && su postgres -c "psql -qtAc 'SELECT 1'") >/dev/null 2>&1 && break; sleep 0.2; done
    pg() { (cd / && su postgres -c "psql -qtAc \"$1\""); }
    [[ "$(pg "SELECT 1 FROM pg_roles WHERE rolname = 'contraband_test'")" == 1 ]] \
      || pg "CREATE ROLE contraband_test LOGIN PASSWORD 'contraband_test'" >/dev/null
    [[ "$(pg "SELECT 1 FROM pg_database WHERE datname = 'contraband_test'")" == 1 ]] \
      || (cd / && su postgres -c "createdb -O contraband_test contraband_test")
    export CONTRABAND_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:${PG_PORT:-5432}/contraband_test?user=contraband_test&password=contraband_test"
  fi
fi

source "$ROOT/scripts/jdk.sh"
export MAVEN_OPTS="${MAVEN_OPTS:-} --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
exec ./mvnw -B -ntp verify "$@"
