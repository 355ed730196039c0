#!/usr/bin/env python3
"""Converts sky4j's bundled catalog into SkyPilot's v8 catalog layout, so SkyPilot runs offline
on the same data sky4j uses (a baseline is only fair on equal inputs).

Usage: skypilot_catalog.py SRC_DIR DEST_DIR
  SRC_DIR:  core/src/main/resources/dev/sky4j/catalog/builtin (layout in its README.md)
  DEST_DIR: <HOME>/.sky/catalogs/v8   (a throw-away HOME, never the real ~/.sky)

No `.meta/<file>.md5` is written on purpose: SkyPilot's `read_catalog` treats a catalog without an
md5 as "edited by the user" and never re-downloads it (sky/catalog/common.py::is_catalog_modified),
so neither tool touches the network.
"""
import csv
import os
import sys

CLOUDS = ('aws', 'gcp', 'azure', 'lambda', 'nebius', 'vast')
# SkyPilot's generic vms.csv columns (sky/catalog/common.py reads these by name).
V8_COLUMNS = ['InstanceType', 'AcceleratorName', 'AcceleratorCount', 'vCPUs', 'MemoryGiB',
              'GpuInfo', 'Price', 'SpotPrice', 'Region', 'AvailabilityZone']
EXTRA = {'azure': {'Generation': 'V2'}}  # azure_catalog reads it; our data has no such field


def gpu_info(row):
    # SkyPilot derives device memory from this dict literal (list_accelerators_impl).
    if not row['accelerator_name'] or not row['gpu_memory_gib']:
        return ''
    count = max(1, round(float(row['accelerator_count'] or 1)))
    mib = int(float(row['gpu_memory_gib']) * 1024)
    return str({'Gpus': [{'Name': row['accelerator_name'], 'Manufacturer': 'NVIDIA', 'Count': count,
                          'MemoryInfo': {'SizeInMiB': mib}}], 'TotalGpuMemoryInMiB': mib * count})


def zone(row):
    # SkyPilot drops rows whose AvailabilityZone is empty (common.get_region_zones); our AWS GPU rows
    # are per region, so they get one placeholder zone "<region>a" (zone names are not compared).
    return row['zone'] or row['region'] + 'a'


def convert_cloud(src, dest, cloud):
    extra = EXTRA.get(cloud, {})
    with open(os.path.join(src, f'{cloud}.csv'), newline='') as f_in:
        rows = list(csv.DictReader(f_in))
    # Per-region clouds (azure, lambda, ...) have no zone column in SkyPilot's catalog either.
    zoned = any(r['zone'] for r in rows)
    columns = V8_COLUMNS if zoned else V8_COLUMNS[:-1]
    os.makedirs(os.path.join(dest, cloud), exist_ok=True)
    with open(os.path.join(dest, cloud, 'vms.csv'), 'w', newline='') as f_out:
        out = csv.writer(f_out)
        out.writerow(columns + list(extra))
        for r in rows:
            out.writerow([r['instance_type'], r['accelerator_name'], r['accelerator_count'],
                          r['vcpus'], r['memory_gib'], gpu_info(r), r['price'], r['spot_price'],
                          r['region']] + ([zone(r)] if zoned else []) + list(extra.values()))


def convert_common(src, dest):
    # accelerators.csv canonicalises names; metadata.csv maps GPU memory (read lazily).
    os.makedirs(os.path.join(dest, 'common'), exist_ok=True)
    with open(os.path.join(src, 'accelerators.csv'), newline='') as f_in:
        rows = list(csv.DictReader(f_in))
    skypilot_names = {c: c.upper() if c in ('aws', 'gcp') else c.capitalize() for c in CLOUDS}
    with open(os.path.join(dest, 'common', 'accelerators.csv'), 'w', newline='') as f:
        out = csv.writer(f)
        out.writerow(['AcceleratorName', 'Clouds'])
        for r in rows:
            clouds = [skypilot_names.get(c, c) for c in r['clouds'].split(';') if c]
            out.writerow([r['accelerator_name'], str(clouds)])
    with open(os.path.join(dest, 'common', 'metadata.csv'), 'w', newline='') as f:
        out = csv.writer(f)
        out.writerow(['GPU', 'MemoryGB', 'Manufacturer'])
        for r in rows:
            out.writerow([r['accelerator_name'], r['gpu_memory_gib'], r['vendor']])


if __name__ == '__main__':
    src_dir, dest_dir = sys.argv[1], sys.argv[2]
    for c in CLOUDS:
        convert_cloud(src_dir, dest_dir, c)
    convert_common(src_dir, dest_dir)
    print(f'SkyPilot v8 catalog for {", ".join(CLOUDS)} written to {dest_dir}')
