#!/usr/bin/env python3
"""Writes contraband's secret rules as YARA rules, one string per rule, for a side-by-side benchmark.

Each rule's engine pattern (its prefilter when it has one, else its regex) becomes a YARA regex string; inline
(?i) becomes the nocase modifier and (?: groups become plain groups. Rules YARA cannot compile are left out and
counted. Usage: rules-to-yara.py RULES.toml OUT.yar  (prints "kept N of M rules" on stderr)
"""
import re
import subprocess
import sys
import tempfile
import tomllib


def to_yara(rule_id, pattern):
    nocase = False
    if pattern.startswith("(?i)"):
        nocase = True
        pattern = pattern[4:]
    pattern = pattern.replace("(?:", "(")
    pattern = re.sub(r"\(\?[!=<][^()]*\)", "", pattern)  # look-arounds: YARA has none
    pattern = pattern.replace("/", "\\/")
    name = "r_" + re.sub(r"[^A-Za-z0-9_]", "_", rule_id)
    return f'rule {name} {{ strings: $a = /{pattern}/{" nocase" if nocase else ""} condition: $a }}\n'


def compiles(text):
    with tempfile.NamedTemporaryFile("w", suffix=".yar") as f:
        f.write(text)
        f.flush()
        r = subprocess.run(["yara", "-w", f.name, "/dev/null"], capture_output=True)
        return r.returncode == 0


def main():
    rules = tomllib.load(open(sys.argv[1], "rb"))["rules"]
    out, kept, ids = [], 0, []
    for r in rules:
        pattern = r.get("prefilter") or r.get("regex")
        if not pattern:
            continue
        text = to_yara(r["id"], pattern)
        if compiles(text):
            out.append(text)
            kept += 1
            ids.append(r["id"])
    open(sys.argv[2], "w").write("".join(out))
    open(sys.argv[2] + ".ids", "w").write(",".join(ids))
    print(f"kept {kept} of {sum(1 for r in rules if r.get('regex'))} regex rules", file=sys.stderr)


main()
