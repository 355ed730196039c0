#!/usr/bin/env python3
"""Derive every AWS instance type's shape and the regions/zones it is offered in from the data
moto ships (AWS's own DescribeInstanceTypes and DescribeInstanceTypeOfferings output).

Writes core/src/main/resources/dev/sky4j/catalog/builtin/offerings/aws.csv (one row per
instance type: shape + the regions offering it) and offerings/aws-zones.csv (the AZ IDs of each
region). sky4j adds an unpriced offer for each (type, region) that aws.csv does not price, so
every real type validates and the optimizer ranks those rows after priced ones ("price unknown").

Reproduce (moto is only a build-time data source, never a runtime dependency):
    python3 -m venv .venv-moto && .venv-moto/bin/pip install 'moto==5.2.5'
    .venv-moto/bin/python scripts/catalog/derive-aws-from-moto.py
Accelerator names follow the priced catalog (aws.csv, accelerators.csv): a type aws.csv already
prices keeps its accelerator name there; others get SkyPilot's names (A100 with 80 GB is
A100-80GB, V100 with 32 GB is V100-32GB; partial GPUs are fractional counts, g6f.large: L4:0.125).
"""
import csv
import gzip
import json
import os
import sys
from pathlib import Path

import moto

ROOT = Path(__file__).resolve().parents[2]
BUILTIN = ROOT / "core/src/main/resources/dev/sky4j/catalog/builtin"
RES = Path(moto.__file__).parent / "ec2/resources"
# SkyPilot's names where AWS's own name is shared by two memory sizes
RENAME = {("A100", 80): "A100-80GB", ("V100", 32): "V100-32GB"}


def load(p):
    with gzip.open(p) as f:
        return json.load(f)


def num(x):
    return ("%.3f" % x).rstrip("0").rstrip(".")


def accelerator(info, known_memory):
    """(name, count, per-device GiB) of a DescribeInstanceTypes entry, or None for CPU-only."""
    gpu = info.get("GpuInfo")
    if gpu and gpu.get("Gpus"):
        g = gpu["Gpus"][0]
        part = g.get("GpuPartitionSize") or 1.0
        count = g.get("Count") or 0
        if part < 1.0:
            count = (count or g.get("LogicalGpuCount") or 1) * part
        mem = g.get("MemoryInfo", {}).get("SizeInMiB", 0) / 1024 / (part if part < 1 else 1)
        name = RENAME.get((g["Name"], round(mem / 8) * 8), g["Name"])
        return name, count, known_memory.get(name.lower(), round(mem))
    neuron = info.get("NeuronInfo") or {}
    devices = neuron.get("NeuronDevices") or (info.get("InferenceAcceleratorInfo") or {}).get("Accelerators")
    if devices:
        d = devices[0]
        mem = d.get("MemoryInfo", {}).get("SizeInMiB", 0) / 1024
        return d["Name"], d.get("Count", 1), known_memory.get(d["Name"].lower(), round(mem))
    return None


def add_accelerators(seen):
    """Names and counts the offerings bring go into accelerators.csv, so a lookup by name knows
    AWS has them without reading aws's files (validation stays lazy)."""
    path = BUILTIN / "accelerators.csv"
    with open(path) as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames
        rows = {r["accelerator_name"].lower(): r for r in reader}
    for name, (mem, counts) in seen.items():
        r = rows.setdefault(name.lower(), {"accelerator_name": name,
                                            "gpu_memory_gib": num(mem) if mem else "",
                                            "vendor": "", "counts": "", "clouds": ""})
        have = {float(c) for c in r["counts"].split(";") if c}
        r["counts"] = ";".join(num(c) for c in sorted(have | counts))
        clouds = {c for c in r["clouds"].split(";") if c} | {"aws"}
        r["clouds"] = ";".join(sorted(clouds))
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        w.writeheader()
        for r in rows.values():  # the file's order, new names last
            w.writerow(r)


def main():
    priced = {}
    with open(BUILTIN / "aws.csv") as f:
        for row in csv.DictReader(f):
            priced.setdefault(row["instance_type"], row)
    known_memory = {}
    with open(BUILTIN / "accelerators.csv") as f:
        for row in csv.DictReader(f):
            if row["gpu_memory_gib"]:
                known_memory[row["accelerator_name"].lower()] = float(row["gpu_memory_gib"])
    types = load(RES / "instance_types.json.gz")
    regions_of = {}
    for p in sorted((RES / "instance_type_offerings/region").glob("*.json.gz")):
        region = p.name[: -len(".json.gz")]
        for o in load(p):
            regions_of.setdefault(o["InstanceType"], []).append(region)
    zones = {}
    for p in sorted((RES / "instance_type_offerings/availability-zone-id").glob("*.json.gz")):
        region = p.name[: -len(".json.gz")]
        zones[region] = sorted({o["Location"] for o in load(p)})

    out = BUILTIN / "offerings"
    out.mkdir(exist_ok=True)
    rows = 0
    accelerators_seen = {}
    with open(out / "aws.csv", "w", newline="") as f:
        f.write("instance_type,accelerator_name,accelerator_count,vcpus,memory_gib,"
                "gpu_memory_gib,regions\n")
        for t in sorted(types):
            if t not in regions_of:
                continue
            info = types[t]
            acc = accelerator(info, known_memory)
            if t in priced and priced[t]["accelerator_name"]:
                p = priced[t]
                acc = (p["accelerator_name"], float(p["accelerator_count"]),
                       float(p["gpu_memory_gib"] or 0))
            vcpus = info["VCpuInfo"]["DefaultVCpus"]
            mem = info["MemoryInfo"]["SizeInMiB"] / 1024
            name, count, gmem = acc if acc else ("", None, None)
            if acc:
                accelerators_seen.setdefault(name, (gmem, set()))[1].add(float(count))
            f.write(",".join([t, '"%s"' % name if "," in name else name,
                              "" if count is None else num(count), str(vcpus), num(mem),
                              "" if not gmem else num(gmem),
                              ";".join(sorted(regions_of[t]))]) + "\n")
            rows += 1
    with open(out / "aws-zones.csv", "w", newline="") as f:
        f.write("region,zones\n")
        for r in sorted(zones):
            f.write(r + "," + ";".join(zones[r]) + "\n")
    add_accelerators(accelerators_seen)
    unpriced = sum(1 for t in regions_of if t in types and t not in priced)
    print("moto %s: %d instance types in %d regions (%d without a price in aws.csv)"
          % (moto.__version__, rows, len(zones), unpriced), file=sys.stderr)


if __name__ == "__main__":
    main()
