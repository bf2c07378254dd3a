#!/usr/bin/env bash
# Catalog-scan benchmark (issue 7).
#
# 50 images in a local docker-registry share one ~120 MB base (the debootstrap layer of bench/layer-scan.sh,
# bench/.cache/layout:bench) and each has a small distinct top layer (~100 KiB). Times, RUNS times each on a fresh
# SQLite store (medians):
#   one     catalog scan --list (one image: base + its top layer)
#   tops    catalog scan --list (the 50 top layers alone, pushed as 50 one-layer images)
#   all     catalog scan --registry --prefix bench/img- (the 50 images)
#   start   contraband --version (JVM start-up, in each of the above once)
# Target: all <= 1.3 x (one + tops). Also prints images per minute and MB/s (unique stored bytes scanned per second,
# and the images' total size per second) of `all`.
#
# Usage: bench/catalog-scan.sh [--runs N] [--concurrency N]
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH")"
LAYOUT="$BENCH/.cache/layout"
RUNS=3
CONCURRENCY=2
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "catalog-scan: unknown argument: $1" >&2; exit 2 ;;
  esac
done
log() { echo "catalog-scan: $*" >&2; }
cd "$REPO"

if [[ ! -f "$LAYOUT/index.json" ]]; then
  log "no $LAYOUT yet: building it with bench/layer-scan.sh"
  bench/layer-scan.sh --runs 3 >/dev/null
fi
for t in docker-registry skopeo python3; do
  command -v "$t" >/dev/null || { log "missing $t (apt-get install -y docker-registry skopeo python3)"; exit 2; }
done
./contraband --version >/dev/null # builds the jar when needed

WORK="$(mktemp -d /tmp/catalog-bench.XXXXXX)"
REGISTRY_PID=""
cleanup() { [[ -n "$REGISTRY_PID" ]] && kill "$REGISTRY_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
HOST="127.0.0.1:$PORT"
cat > "$WORK/registry.yml" <<EOF
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $WORK/storage}}
http: {addr: $HOST}
EOF
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
REGISTRY_PID=$!
for _ in $(seq 100); do curl -fsS "http://$HOST/v2/" >/dev/null 2>&1 && break; sleep 0.1; done

# The 50 images (base + top) and the 50 top layers alone, as one OCI layout beside the base's blobs.
log "building 50 images over the base"
python3 - "$LAYOUT" "$WORK/images" <<'PY'
import gzip, hashlib, io, json, os, random, shutil, sys, tarfile
src, dst = sys.argv[1], sys.argv[2]
# The base's blobs are hard-linked, never written: bench/.cache belongs to bench/layer-scan.sh (and may be shared).
blobs = os.path.join(dst, "blobs", "sha256")
os.makedirs(blobs)
for name in os.listdir(os.path.join(src, "blobs", "sha256")):
    os.link(os.path.join(src, "blobs", "sha256", name), os.path.join(blobs, name))
shutil.copyfile(os.path.join(src, "oci-layout"), os.path.join(dst, "oci-layout"))
def put(data):
    d = hashlib.sha256(data).hexdigest()
    path = os.path.join(blobs, d)
    if not os.path.exists(path):
        with open(path, "xb") as f:
            f.write(data)
    return "sha256:" + d
def get(digest):
    with open(os.path.join(blobs, digest.split(":")[1]), "rb") as f:
        return f.read()
index = json.load(open(os.path.join(src, "index.json")))
base_manifest = json.loads(get(index["manifests"][0]["digest"]))
base_config = json.loads(get(base_manifest["config"]["digest"]))
rng = random.Random(7)
entries = []
for i in range(1, 51):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, size in (("opt/app/%02d/data.txt" % i, 96 * 1024), ("opt/app/%02d/VERSION" % i, 16)):
            body = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz \n") for _ in range(size)).encode()
            info = tarfile.TarInfo(name); info.size = len(body); info.mtime = 1767225600
            tar.addfile(info, io.BytesIO(body))
    tar_bytes = raw.getvalue()
    gz = gzip.compress(tar_bytes, mtime=0)
    layer = {"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": put(gz), "size": len(gz)}
    diff_id = "sha256:" + hashlib.sha256(tar_bytes).hexdigest()
    for kind, layers, diff_ids in (("img", base_manifest["layers"] + [layer], base_config["rootfs"]["diff_ids"] + [diff_id]),
                                   ("top", [layer], [diff_id])):
        config = dict(base_config)
        config["rootfs"] = {"type": "layers", "diff_ids": diff_ids}
        config["history"] = [{"created": "2026-01-01T00:00:00Z", "created_by": "ADD layer %d" % n} for n in range(len(layers))]
        cbytes = json.dumps(config).encode()
        manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": put(cbytes), "size": len(cbytes)},
                    "layers": layers}
        mbytes = json.dumps(manifest).encode()
        entries.append({"mediaType": manifest["mediaType"], "digest": put(mbytes), "size": len(mbytes),
                        "annotations": {"org.opencontainers.image.ref.name": "%s-%02d" % (kind, i)}})
index["manifests"] = entries
with open(os.path.join(dst, "index.json"), "x") as f:  # a new file, never the base's
    json.dump(index, f)
PY
log "pushing 100 images into $HOST"
for i in $(seq -w 1 50); do
  skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$WORK/images:img-$i" "docker://$HOST/bench/img-$i:latest"
  skopeo --insecure-policy copy -q --dest-tls-verify=false "oci:$WORK/images:top-$i" "docker://$HOST/bench/top-$i:latest"
done
echo "$HOST/bench/img-01:latest" > "$WORK/one.txt"
for i in $(seq -w 1 50); do echo "$HOST/bench/top-$i:latest"; done > "$WORK/tops.txt"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>"$WORK/last.err" || { cat "$WORK/last.err" >&2; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
catalog() { rm -f "$WORK/run.db"*; ./contraband catalog scan --db "$WORK/run.db" --rate-limit 0 --no-progress --concurrency "$CONCURRENCY" "$@"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

catalog --list "$WORK/one.txt" >/dev/null 2>&1 # warm-up: page cache, registry, class data
one=(); tops=(); all=(); start=()
for r in $(seq "$RUNS"); do
  one+=("$(ms catalog --list "$WORK/one.txt")")
  tops+=("$(ms catalog --list "$WORK/tops.txt")")
  all+=("$(ms catalog --registry "$HOST" --prefix bench/img-)")
  summary="$(grep 'finished' "$WORK/last.err" || true)"
  start+=("$(ms ./contraband --version)")
  log "run $r/$RUNS: one ${one[-1]} ms, tops ${tops[-1]} ms, all ${all[-1]} ms, start-up ${start[-1]} ms"
done
M_ONE=$(median "${one[@]}"); M_TOPS=$(median "${tops[@]}"); M_ALL=$(median "${all[@]}"); M_START=$(median "${start[@]}")
STORED=$(python3 - "$WORK/images" <<'PY'
import json, os, sys
d = sys.argv[1]
idx = json.load(open(os.path.join(d, "index.json")))
def blob(dg): return json.load(open(os.path.join(d, "blobs", "sha256", dg.split(":")[1])))
unique, total = {}, 0
for m in idx["manifests"]:
    if not m["annotations"]["org.opencontainers.image.ref.name"].startswith("img-"): continue
    for l in blob(m["digest"])["layers"]:
        unique[l["digest"]] = l["size"]; total += l["size"]
print(sum(unique.values()), total)
PY
)
read -r UNIQUE_BYTES TOTAL_BYTES <<<"$STORED"
python3 - "$M_ONE" "$M_TOPS" "$M_ALL" "$M_START" "$UNIQUE_BYTES" "$TOTAL_BYTES" "$CONCURRENCY" "$RUNS" <<'PY'
import sys
one, tops, all_, start, ub, tb = (float(x) for x in sys.argv[1:7])
conc, runs = sys.argv[7], sys.argv[8]
budget = one + tops
print(f"catalog-scan: 50 images, base + 50 tops, --concurrency {conc}, medians of {runs} runs")
print(f"  one image          {one/1000:7.2f} s")
print(f"  50 top layers      {tops/1000:7.2f} s")
print(f"  50 images          {all_/1000:7.2f} s   = {all_/budget:.2f}x (one + tops)   target <= 1.3x: {'met' if all_ <= 1.3*budget else 'NOT met'}")
print(f"  start-up           {start/1000:7.2f} s   (once in each; counted once: {all_/(budget-start):.2f}x)")
print(f"  images per minute  {50*60000/all_:7.1f}")
print(f"  MB/s               {ub/1e6/(all_/1000):7.1f} unique stored bytes scanned ({ub/1e6:.1f} MB), {tb/1e6/(all_/1000):.1f} images' total size ({tb/1e6:.0f} MB)")
PY
log "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
