#!/usr/bin/env python3
"""The slowest statement shapes of a PostgreSQL log written with auto_explain in JSON format
(log_analyze, log_buffers): per shape, how often, the slowest duration, the statement's start and
the plan as an indented tree (node, relation/index, actual rows x loops, time, shared buffers).
Usage: caseload_plans.py server.log [shapes]"""
import json
import re
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 6
text = open(path, errors="replace").read()
entries = []
for m in re.finditer(r"duration: ([\d.]+) ms  plan:\n", text):
    start = m.end()
    # the JSON object runs until the next log line (a timestamp at the start of a line)
    nxt = re.search(r"^\d{4}-\d\d-\d\d \d\d:", text[start:], re.M)
    blob = text[start:start + nxt.start()] if nxt else text[start:]
    try:
        entries.append((float(m.group(1)), json.loads(blob)))
    except ValueError:
        pass


def shape(query):
    q = re.sub(r"\s+", " ", query)
    q = re.sub(r"'[^']*'", "?", q)
    return q[:220]


def walk(node, depth, out):
    label = node.get("Node Type", "?")
    for key in ("Relation Name", "Index Name"):
        if key in node:
            label += f" {node[key]}"
    if "Join Type" in node:
        label = f"{node['Join Type']} {label}"
    rows = node.get("Actual Rows"), node.get("Actual Loops")
    t = node.get("Actual Total Time")
    hit, read = node.get("Shared Hit Blocks", 0), node.get("Shared Read Blocks", 0)
    extra = ""
    if node.get("Rows Removed by Filter"):
        extra += f", {node['Rows Removed by Filter']} removed by filter"
    out.append(f"{'  ' * depth}{label}: rows {rows[0]} x {rows[1]} loops, {t} ms, buffers hit {hit} read {read}{extra}")
    for child in node.get("Plans", []):
        walk(child, depth + 1, out)


groups = {}
for ms, e in entries:
    groups.setdefault(shape(e.get("Query Text", "")), []).append((ms, e))
for q, es in sorted(groups.items(), key=lambda kv: -max(ms for ms, _ in kv[1]))[:top]:
    ms, worst = max(es, key=lambda x: x[0])
    print(f"{len(es)}x, slowest {ms:.0f} ms: {q}")
    out = []
    walk(worst["Plan"], 1, out)
    print("\n".join(out[:25]))
    print()
