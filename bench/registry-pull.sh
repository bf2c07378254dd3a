#!/usr/bin/env bash
# Registry pull benchmark (issue 3): pull + scan from a local registry versus scanning the same image from an OCI
# layout. Both runs decompress, hash and scan the same layer; the registry run adds HTTP (manifest, config, layer
# streamed from Debian's docker-registry on 127.0.0.1, digest verified while streaming, never written to disk).
#
#   layout    ./contraband scan oci:LAYOUT:bench --format json
#   registry  ./contraband scan 127.0.0.1:PORT/bench/debian:bench --format json
# Each is run RUNS times (default 5, at least 3), interleaved; medians are compared. Target: registry <= 1.1x layout.
#
# Usage: bench/registry-pull.sh [--runs N]
# Environment: LAYOUT (default bench/.cache/layout, the debootstrap image bench/layer-scan.sh builds and caches; it is
# built by running that script once when missing).
# Needs: docker-registry and skopeo (Debian packages), jq.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
LAYOUT="${LAYOUT:-$BENCH/.cache/layout}"
RUNS=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "registry-pull: unknown argument: $1" >&2; exit 2 ;;
  esac
done
if ! [[ "$RUNS" =~ ^[0-9]+$ ]] || (( RUNS < 3 )); then
  echo "registry-pull: --runs must be a number >= 3" >&2; exit 2
fi
log() { echo "registry-pull: $*" >&2; }
for t in docker-registry skopeo jq; do
  command -v "$t" >/dev/null || { log "missing $t; apt-get install -y docker-registry skopeo jq"; exit 2; }
done

if [[ ! -f "$LAYOUT/index.json" ]]; then
  log "no layout at $LAYOUT; building it with bench/layer-scan.sh (once)"
  "$BENCH/layer-scan.sh" --runs 3 >/dev/null
fi

WORK="$(mktemp -d)"
REG_PID=""
cleanup() {
  if [[ -n "$REG_PID" ]]; then kill "$REG_PID" 2>/dev/null || true; wait "$REG_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$WORK/registry.yml" <<YML
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $WORK/storage}}
http: {addr: 127.0.0.1:$PORT}
YML
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REG_PID=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/v2/" && break
  sleep 0.1
done
REF="127.0.0.1:$PORT/bench/debian:bench"
log "pushing oci:$LAYOUT:bench to $REF"
skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$LAYOUT:bench" "docker://$REF"

cd "$REPO"
layout_scan() { ./contraband scan "oci:$LAYOUT:bench" --format json --no-progress; }
registry_scan() { ./contraband scan "$REF" --format json --no-progress; }
now_ns() { date +%s%N; }
# Prints "WALL_MS CPU_MS" of one run (CPU = user + system of the scan's JVM, the registry process not included).
# CPU time is reported beside wall-clock because a shared machine's load skews wall-clock far more.
time_once() {
  local rc=0 out="$WORK/time"
  local TIMEFORMAT='%R %U %S'
  { time "$@" >/dev/null 2>&1 || rc=$?; } 2>"$out"
  if (( rc > 1 )); then log "failed (exit $rc): $*"; "$@" >&2 || true; exit 2; fi
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$out"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Warm up: the launcher builds the jar if needed, the page cache holds the blobs of both stores.
layout_scan >/dev/null 2>&1 || true
registry_scan >/dev/null 2>&1 || true
if ! diff <(layout_scan | jq -S '.findings | map(.fingerprint) | sort') <(registry_scan | jq -S '.findings | map(.fingerprint) | sort') >/dev/null; then
  log "the two scans report different findings"; exit 2
fi

layout_ms=(); registry_ms=(); layout_cpu=(); registry_cpu=()
for ((i = 1; i <= RUNS; i++)); do
  read -r w c < <(time_once layout_scan); layout_ms+=("$w"); layout_cpu+=("$c")
  read -r w c < <(time_once registry_scan); registry_ms+=("$w"); registry_cpu+=("$c")
  log "run $i/$RUNS: layout ${layout_ms[-1]} ms (cpu ${layout_cpu[-1]}), registry ${registry_ms[-1]} ms (cpu ${registry_cpu[-1]})"
done
l=$(median "${layout_ms[@]}"); r=$(median "${registry_ms[@]}")
lc=$(median "${layout_cpu[@]}"); rc=$(median "${registry_cpu[@]}")
ratio=$(awk -v r="$r" -v l="$l" 'BEGIN {printf "%.2f", r / l}')
cpu_ratio=$(awk -v r="$rc" -v l="$lc" 'BEGIN {printf "%.2f", r / l}')
manifest="$(jq -r '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == "bench") | .digest' "$LAYOUT/index.json")"
layer_bytes="$(jq '[.layers[].size] | add' "$LAYOUT/blobs/${manifest/://}")"
cat <<OUT
image      oci:$LAYOUT:bench, pushed to $REF ($layer_bytes bytes of layers)
machine    $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)
load       $(cut -d' ' -f1-3 /proc/loadavg) (load average after the runs; other work skews wall-clock)
runs       $RUNS each, interleaved; wall-clock ms / CPU ms of the scanner
           layout    ${layout_ms[*]} / ${layout_cpu[*]}
           registry  ${registry_ms[*]} / ${registry_cpu[*]}
layout     $l ms wall, $lc ms CPU (medians)
registry   $r ms wall, $rc ms CPU (medians)
ratio      $ratio x wall-clock (target <= 1.1), $cpu_ratio x CPU
OUT
awk -v x="$ratio" 'BEGIN {exit !(x <= 1.1)}' || { log "ratio $ratio above the 1.1 target"; exit 1; }
