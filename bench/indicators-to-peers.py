#!/usr/bin/env python3
"""Writes the miner and network families' patterns as YARA rules and as a ClamAV .ndb database, for
bench/layer-scan.sh --peers: the same literals contraband's engine looks for (every signature string of every miner
family, the stratum prefix, every built-in feed domain), so the three tools search the same files for the same bytes.

YARA gets each miner family as one rule ("min of them" in an ELF/PE file, as contraband decides) and one rule per
feed with its domains (nocase); ClamAV .ndb has no "N of" logic, so it gets one signature per literal (a superset
of the work: every literal is searched in every file, which is what contraband's engine does too).

Usage: indicators-to-peers.py REPO OUT_DIR   (writes OUT_DIR/indicators.yar and OUT_DIR/indicators.ndb)
"""
import pathlib
import re
import sys
import tomllib

repo, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
res = repo / "contraband-core/src/main/resources/dev/contraband/detect"
families = tomllib.loads((res / "miner/miner-signatures.toml").read_text())["family"]
feeds = {}
for f in sorted((res / "network/feeds").glob("*.txt")):
    if f.stem == "benign":
        continue
    feeds[f.stem] = [l.strip() for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")]


def yara_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ident(s):
    return re.sub(r"[^A-Za-z0-9_]", "_", s)


yar, ndb = [], []
for fam in families:
    strings = "\n".join(f"    $s{i} = {yara_string(s)}" for i, s in enumerate(fam["strings"]))
    yar.append(f"rule miner_{ident(fam['id'])} {{\n  strings:\n{strings}\n  condition:\n"
               f"    (uint32(0) == 0x464c457f or uint16(0) == 0x5a4d) and {fam['min']} of ($s*)\n}}\n")
    for i, s in enumerate(fam["strings"]):
        ndb.append(f"Contraband.Miner.{ident(fam['id'])}.{i}:0:*:{s.encode().hex()}")
yar.append('rule stratum_url {\n  strings:\n    $a = /stratum[0-9]?\\+(tcp|ssl|tls|wss?):\\/\\// nocase\n'
           '  condition:\n    $a\n}\n')
ndb.append("Contraband.Stratum.tcp:0:*:" + "stratum+tcp://".encode().hex())
ndb.append("Contraband.Stratum.ssl:0:*:" + "stratum+ssl://".encode().hex())
for name, domains in feeds.items():
    strings = "\n".join(f"    $d{i} = {yara_string(d)} nocase" for i, d in enumerate(domains))
    yar.append(f"rule feed_{ident(name)} {{\n  strings:\n{strings}\n  condition:\n    any of them\n}}\n")
    for i, d in enumerate(domains):
        ndb.append(f"Contraband.Feed.{ident(name)}.{i}:0:*:{d.encode().hex()}")
(out / "indicators.yar").write_text("\n".join(yar))
(out / "indicators.ndb").write_text("\n".join(ndb) + "\n")
print(f"{len(families)} miner families, {sum(len(f['strings']) for f in families)} strings, "
      f"{sum(len(d) for d in feeds.values())} feed domains")
