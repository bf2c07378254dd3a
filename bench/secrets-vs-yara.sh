#!/usr/bin/env bash
# Secrets engine benchmark (issue 4): the same patterns, on the same extracted files, under contraband and yara.
#
# Uses the debootstrap root filesystem that bench/layer-scan.sh caches in bench/.cache/rootfs (run that first),
# writes the built-in secret rules as YARA rules (bench/rules-to-yara.py; rules YARA cannot compile are left out
# and the same set is given to contraband with --enable-rule), then times, RUNS times each, medians reported:
#   yara        yara -r -N -w RULES ROOTFS            (Debian's yara 4.2, one thread like contraband's detectors)
#   contraband  ./contraband scan dir:ROOTFS --enable-rule SAME --fail-on none -f json -o /dev/null
# and prints contraband/yara.
# Usage: bench/secrets-vs-yara.sh [--runs N]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
ROOTFS="$BENCH/.cache/rootfs"
RUNS=5
[[ "${1:-}" == "--runs" ]] && RUNS="$2"
[[ -d "$ROOTFS" ]] || { echo "secrets-vs-yara: no $ROOTFS; run bench/layer-scan.sh first" >&2; exit 2; }
command -v yara >/dev/null || { [[ $(id -u) -eq 0 ]] && apt-get install -y yara >&2; }

OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT
python3 "$BENCH/rules-to-yara.py" "$REPO/contraband-core/src/main/resources/dev/contraband/detect/secret/secret-rules.toml" "$OUT/rules.yar"
IDS="$(cat "$OUT/rules.yar.ids")"
"$REPO/contraband" --version >/dev/null   # builds the jar if needed, outside the timings

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }

yara_times=(); cb_times=(); start_times=()
for ((i = 0; i < RUNS; i++)); do
  yara_times+=("$(ms yara -r -N -w -p 1 "$OUT/rules.yar" "$ROOTFS")")
  cb_times+=("$(ms "$REPO/contraband" scan "dir:$ROOTFS" --enable-rule "$IDS" --fail-on none -f json -o "$OUT/r.json")")
  start_times+=("$(ms "$REPO/contraband" --version)")
done
y=$(printf '%s\n' "${yara_times[@]}" | median)
c=$(printf '%s\n' "${cb_times[@]}" | median)
s=$(printf '%s\n' "${start_times[@]}" | median)
files=$(find "$ROOTFS" -type f | wc -l); bytes=$(du -sb --exclude=dev "$ROOTFS" | cut -f1)
echo "files: $files, bytes: $bytes, rules: $(tr ',' '\n' <<<"$IDS" | wc -l), runs: $RUNS (medians)"
printf 'yara (-p 1)          %6d ms\n' "$y"
printf 'contraband dir:      %6d ms   (JVM start-up %d ms)\n' "$c" "$s"
awk -v c="$c" -v y="$y" -v s="$s" 'BEGIN { printf "ratio contraband/yara %.2fx, steady state (minus start-up) %.2fx\n", c / y, (c - s) / y }'
