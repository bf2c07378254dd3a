#!/usr/bin/env bash
# Layer-scan benchmark (issue 2, item 10).
#
# Packs a `debootstrap --variant=minbase bookworm` root filesystem as one gzip layer of an OCI image layout
# (bench/.cache/layout:bench) and times, in one run:
#   floor       zcat LAYER | sha256sum          (decompress and hash: the least any scanner must do)
#   contraband  ./contraband scan oci:bench/.cache/layout:bench --format json -o /dev/null
#   secrets     the same with --scanners secret (issue 4's measure: the scan with secrets on)
#   start-up    ./contraband --version          (JVM start-up, part of every CLI run)
# Each timing is repeated RUNS times (default 5, at least 3); the median is reported, and the ratios
# contraband/floor (what a user sees) and (contraband - start-up)/floor (steady state).
# Targets: <= 1.5x the floor with secrets on (issue 4, --scanners secret); <= 1.6x with every detector family on
# (issue 5: secrets, miners, network indicators, behaviour — the default scan runs them all).
#
# With --peers, the same run also times, on the same extracted files (bench/.cache/rootfs):
#   yara        yara -r -N -w -p 1 indicators.yar ROOTFS     (one thread, like contraband's detectors)
#   clamscan    clamscan -r --no-summary -d indicators.ndb ROOTFS
#   dir         ./contraband scan dir:ROOTFS --format json -o /dev/null
# with the miner signature strings, the stratum prefix and the built-in feed domains written as YARA rules and a
# ClamAV .ndb database by bench/indicators-to-peers.py, and prints contraband(dir)/yara and contraband(dir)/clamscan.
#
# Usage: bench/layer-scan.sh [--runs N] [--rebuild] [--peers]
#   --rebuild   throw away bench/.cache (rootfs and layout) and build them again
#   --peers     also time yara and clamscan with the equivalent patterns (installs yara and clamav if missing)
# Environment: MIRROR (default: http://deb.debian.org/debian), SUITE (default: bookworm).
# The first run needs root (debootstrap) and network access to the mirror; later runs reuse bench/.cache.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
CACHE="$BENCH/.cache"
ROOTFS="$CACHE/rootfs"
LAYOUT="$CACHE/layout"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SUITE="${SUITE:-bookworm}"
RUNS=5
REBUILD=0
PEERS=0

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    --peers) PEERS=1; shift ;;
    -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "layer-scan: unknown argument: $1" >&2; exit 2 ;;
  esac
done
if ! [[ "$RUNS" =~ ^[0-9]+$ ]] || (( RUNS < 3 )); then
  echo "layer-scan: --runs must be a number >= 3" >&2; exit 2
fi

log() { echo "layer-scan: $*" >&2; }

need_tools() {
  local missing=() t
  for t in "$@"; do
    command -v "$t" >/dev/null || missing+=("$t")
  done
  (( ${#missing[@]} == 0 )) && return 0
  if [[ $(id -u) -ne 0 ]]; then
    log "missing ${missing[*]}; run as root or: apt-get install -y ${missing[*]}"; exit 2
  fi
  log "installing ${missing[*]}"
  apt-get install -y "${missing[@]}" >&2 || { apt-get update >&2 && apt-get install -y "${missing[@]}" >&2; }
}

# --- 1. the root filesystem (cached) --------------------------------------------------------------------------
if (( REBUILD )); then
  log "removing $CACHE"
  rm -rf "$CACHE"
fi
mkdir -p "$CACHE"

if [[ ! -f "$CACHE/rootfs.done" ]]; then
  need_tools debootstrap
  if [[ $(id -u) -ne 0 ]]; then
    log "debootstrap needs root (the rootfs is built once, then cached in $ROOTFS)"; exit 2
  fi
  rm -rf "$ROOTFS" "$ROOTFS.tmp" "$LAYOUT" "$CACHE/layout.done"
  log "debootstrap --variant=minbase $SUITE $MIRROR (once; ~35 s)"
  debootstrap --variant=minbase "$SUITE" "$ROOTFS.tmp" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
    || { log "debootstrap failed; see $CACHE/debootstrap.log"; exit 2; }
  mv "$ROOTFS.tmp" "$ROOTFS"
  touch "$CACHE/rootfs.done"
fi

# --- 2. the OCI layout with one gzip layer (cached) -----------------------------------------------------------
if [[ ! -f "$CACHE/layout.done" ]]; then
  need_tools umoci
  rm -rf "$LAYOUT" "$CACHE/bundle"
  log "packing $ROOTFS into $LAYOUT:bench (umoci repack gzips the layer)"
  umoci init --layout "$LAYOUT"
  umoci new --image "$LAYOUT:bench"
  umoci unpack --image "$LAYOUT:bench" "$CACHE/bundle" >/dev/null
  # Everything but dev/'s content: it holds device nodes and dev/fd -> /proc/self/fd, which a container runtime
  # provides at run time and no image ships. An empty /dev stays, as in the official debian images.
  tar -C "$ROOTFS" --exclude="./dev/*" -cf - . | tar -C "$CACHE/bundle/rootfs" -xpf -
  umoci repack --image "$LAYOUT:bench" "$CACHE/bundle"
  rm -rf "$CACHE/bundle"
  touch "$CACHE/layout.done"
fi

# The layer blob: index.json -> manifest -> layers[0].
need_tools jq
manifest="$(jq -r '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == "bench") | .digest' \
  "$LAYOUT/index.json")"
layer_digest="$(jq -r '.layers | last | .digest' "$LAYOUT/blobs/${manifest/://}")"
layer_type="$(jq -r '.layers | last | .mediaType' "$LAYOUT/blobs/${manifest/://}")"
LAYER="$LAYOUT/blobs/${layer_digest/://}"
[[ -f "$LAYER" ]] || { log "layer blob $LAYER missing; run with --rebuild"; exit 2; }

layer_bytes=$(stat -c %s "$LAYER")
tar_bytes=$(zcat "$LAYER" | wc -c)
tar_files=$(zcat "$LAYER" | tar -tvf - | grep -c '^-' || true)
tar_entries=$(zcat "$LAYER" | tar -tf - | wc -l)

# --- 3. timings -----------------------------------------------------------------------------------------------
# Milliseconds of wall-clock time for one run of "$@"; stdout and stderr go to /dev/null.
# Exit codes: the floor must exit 0; contraband exits 0 (nothing at/above --fail-on) or 1 (findings), 2 = failed.
now_ns() { date +%s%N; }
time_once() {
  local expect_max="$1"; shift
  local t0 t1 rc=0
  t0=$(now_ns)
  "$@" >/dev/null 2>&1 || rc=$?
  t1=$(now_ns)
  if (( rc > expect_max )); then
    log "failed (exit $rc): $*"; "$@" >&2 || true; exit 2
  fi
  echo $(( (t1 - t0) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Run from the repository, so the target is the relative form the docs quote (and a ':' in $REPO cannot confuse it).
cd "$REPO"
floor() { zcat "$LAYER" | sha256sum; }
scan() { ./contraband scan oci:bench/.cache/layout:bench --format json -o /dev/null; }
secrets() { ./contraband scan oci:bench/.cache/layout:bench --scanners secret --format json -o /dev/null; }
startup() { ./contraband --version; }

# Other work on the machine skews every timing (the floor less than the JVM, which wants both cores).
# Percent of all cores busy over one second, from /proc/stat.
cpu_busy() {
  local a b
  a=($(sed -n 's/^cpu  //p' /proc/stat)); sleep 1; b=($(sed -n 's/^cpu  //p' /proc/stat))
  awk -v a="${a[*]}" -v b="${b[*]}" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); for (i = 1; i <= n; i++) { t += y[i] - x[i] }
    idle = (y[4] - x[4]) + (y[5] - x[5]); printf "%.0f", t ? 100 * (t - idle) / t : 0 }'
}
busy_before="$(cpu_busy)"
if (( busy_before > 10 )); then
  log "warning: the CPUs were ${busy_before}% busy before timing; other work skews the numbers"
fi

# Warm up: the page cache holds the layer and the launcher has built the jar before anything is timed.
cat "$LAYER" >/dev/null
./contraband --version >/dev/null
scan_rc=0; scan >/dev/null 2>&1 || scan_rc=$?
if (( scan_rc > 1 )); then
  log "the scan failed (exit $scan_rc):"; scan || true; exit 2
fi

if (( PEERS )); then
  need_tools yara clamscan python3
  PEER_DIR="$(mktemp -d)"
  trap 'rm -rf "$PEER_DIR"' EXIT
  log "patterns for the peers: $(python3 "$BENCH/indicators-to-peers.py" "$REPO" "$PEER_DIR")"
  yara_scan() { yara -r -N -w -p 1 "$PEER_DIR/indicators.yar" "$ROOTFS"; }
  clam_scan() { clamscan -r --no-summary --quiet -d "$PEER_DIR/indicators.ndb" "$ROOTFS"; }
  dir_scan() { ./contraband scan "dir:$ROOTFS" --format json -o /dev/null; }
  yara_scan >/dev/null 2>&1 || true; clam_scan >/dev/null 2>&1 || true   # warm the page cache for the rootfs
fi

floor_ms=(); scan_ms=(); secret_ms=(); start_ms=(); yara_ms=(); clam_ms=(); dir_ms=()
for ((i = 1; i <= RUNS; i++)); do
  # Interleaved, so a slow moment of the machine hits all of them alike.
  floor_ms+=("$(time_once 0 floor)")
  scan_ms+=("$(time_once 1 scan)")
  secret_ms+=("$(time_once 1 secrets)")
  start_ms+=("$(time_once 0 startup)")
  log "run $i/$RUNS: floor ${floor_ms[-1]} ms, contraband ${scan_ms[-1]} ms, secrets only ${secret_ms[-1]} ms, --version ${start_ms[-1]} ms"
  if (( PEERS )); then
    # yara exits 1 on unreadable files, clamscan 1 on a match: only 2 and above are failures.
    yara_ms+=("$(time_once 1 yara_scan)")
    clam_ms+=("$(time_once 1 clam_scan)")
    dir_ms+=("$(time_once 1 dir_scan)")
    log "        yara ${yara_ms[-1]} ms, clamscan ${clam_ms[-1]} ms, contraband dir: ${dir_ms[-1]} ms"
  fi
done

busy_after="$(cpu_busy)"
f=$(median "${floor_ms[@]}"); s=$(median "${scan_ms[@]}"); v=$(median "${start_ms[@]}"); k=$(median "${secret_ms[@]}")
ratio=$(awk -v s="$s" -v f="$f" 'BEGIN {printf "%.2f", s / f}')
steady=$(awk -v s="$s" -v v="$v" -v f="$f" 'BEGIN {printf "%.2f", (s - v) / f}')
mbps() { awk -v b="$1" -v ms="$2" 'BEGIN {printf "%.0f", b / 1048576 / (ms / 1000)}'; }

java_version="$("${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -version 2>&1 | head -1 || true)"
cat <<EOF
layer      $LAYER
           $layer_type, $layer_bytes bytes gzip, $tar_bytes bytes tar, $tar_entries entries ($tar_files regular files)
machine    $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(uname -r)
tools      $(zcat --version | head -1), $(sha256sum --version | head -1), $(./contraband --version 2>/dev/null | head -1), $java_version
load       CPUs ${busy_before}% busy in the second before timing, ${busy_after}% in the second after (other work skews the numbers)
runs       $RUNS each, interleaved, page cache warm; median wall-clock ms
           floor        (zcat LAYER | sha256sum)  ${floor_ms[*]}
           contraband   (scan --format json)      ${scan_ms[*]}
           secrets      (scan --scanners secret)  ${secret_ms[*]}
           start-up     (contraband --version)    ${start_ms[*]}

floor       $f ms   ($(mbps "$tar_bytes" "$f") MB/s of tar)
contraband  $s ms   ($(mbps "$tar_bytes" "$s") MB/s of tar)
start-up    $v ms
secrets     $k ms   ($(mbps "$tar_bytes" "$k") MB/s of tar; --scanners secret)
ratio       $ratio x the floor (every detector family, CLI start-up included; target <= 1.6, issue 5)
secrets     $(awk -v k="$k" -v f="$f" 'BEGIN {printf "%.2f", k / f}') x the floor (--scanners secret, start-up included; target <= 1.5, issue 4)
steady      $steady x the floor ((contraband - start-up) / floor)
EOF

if (( PEERS )); then
  y=$(median "${yara_ms[@]}"); c=$(median "${clam_ms[@]}"); d=$(median "${dir_ms[@]}")
  cat <<EOF

peers      same files (dir: $ROOTFS), same patterns (bench/indicators-to-peers.py), $(yara --version 2>/dev/null | head -1 | sed 's/^/yara /'), $(clamscan --version 2>/dev/null | head -1)
           yara         (-r -N -w -p 1)           ${yara_ms[*]}
           clamscan     (-r -d indicators.ndb)    ${clam_ms[*]}
           contraband   (scan dir:ROOTFS)         ${dir_ms[*]}
yara        $y ms
clamscan    $c ms
dir         $d ms   (contraband, every detector family, start-up included)
vs yara     $(awk -v d="$d" -v y="$y" 'BEGIN {printf "%.2f", d / y}') x   (contraband dir / yara)
vs clamscan $(awk -v d="$d" -v c="$c" 'BEGIN {printf "%.2f", d / c}') x   (contraband dir / clamscan)
EOF
fi

# --- 4. what the scan found on this clean image (issue 4: nothing at high or above) ---------------------------
echo
echo "findings on the clean image (./contraband scan oci:bench/.cache/layout:bench --format table --fail-on info):"
./contraband scan oci:bench/.cache/layout:bench --format table --fail-on info || true
