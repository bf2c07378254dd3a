#!/usr/bin/env bash
# Compares JVM option sets on the same contraband command (docs/performance.md, "Start-up and the JIT").
#
# Runs `java --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC OPTIONS -jar contraband.jar ARGS...` for each option
# set in turn, ROUNDS times (interleaved, so a slow moment of the machine hits all alike), and prints the median
# wall-clock and CPU (user + system) seconds of each. The jar is run directly, not through the launcher, so the
# launcher's own options do not apply: give them in the sets.
#
# Usage: bench/jvm-options.sh ROUNDS 'OPTIONS 1' 'OPTIONS 2' ... -- ARGS...
# Example:
#   bench/jvm-options.sh 7 '' '-XX:AOTCache=contraband-cli/target/contraband.aot' \
#     -- scan oci:bench/.cache/layout:bench --format json -o /tmp/report.json
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$REPO/scripts/jdk.sh"
JAR="$REPO/contraband-cli/target/contraband.jar"
[[ -f "$JAR" ]] || { echo "jvm-options: build first (./contraband --version)" >&2; exit 2; }
ROUNDS="${1:-}"; shift || true
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && (( ROUNDS >= 3 )) || { echo "jvm-options: ROUNDS must be a number >= 3" >&2; exit 2; }
SETS=()
while [[ $# -gt 0 && "$1" != "--" ]]; do SETS+=("$1"); shift; done
[[ "${1:-}" == "--" ]] && shift
(( ${#SETS[@]} > 0 && $# > 0 )) || { sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

cd "$REPO"
declare -a WALL CPU
timing="$(mktemp)"; trap 'rm -f "$timing"' EXIT
for ((r = 0; r < ROUNDS; r++)); do
  for i in "${!SETS[@]}"; do
    # shellcheck disable=SC2086  # an option set is several words
    /usr/bin/time -f "%e %U %S" -o "$timing" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
      -XX:+UseSerialGC ${SETS[$i]} -Xlog:aot=off -jar "$JAR" "$@" >/dev/null 2>&1 || true
    read -r w u s < "$timing"
    WALL[$i]+="$w "; CPU[$i]+="$(awk -v u="$u" -v s="$s" 'BEGIN {print u + s}') "
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
for i in "${!SETS[@]}"; do
  printf 'wall %5s s  cpu %5s s  [%s]  runs: %s\n' "$(median "${WALL[$i]}")" "$(median "${CPU[$i]}")" "${SETS[$i]:-default}" "${WALL[$i]}"
done
