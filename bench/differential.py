#!/usr/bin/env python3
"""Differential test: SkyPilot 0.14.1's own loader and `sky validate` over one generated corpus.

  differential.py corpus OUT_DIR          # seeds (examples/, docs/ snippets, core's skypilot-compat
                                          # corpus, bench/typical-task.yaml) + mutations of each
  differential.py skypilot FILE...        # SkyPilot's verdicts, one JSON line per file (run it
                                          # with the bench venv's python and throw-away HOME)
  differential.py compare CORPUS SKY.jsonl SKY4J_NOCAT.json SKY4J_CAT.json KNOWN.tsv REPORT.md

Two comparisons, each file one verdict (accepted / rejected) per side:
  load: SkyPilot's loader (Task.from_yaml, or the chain-DAG loader for pipelines) against
        `sky validate --no-catalog` (sky4j's schema and value rules);
  plan: the loader plus SkyPilot's optimizer on the bundled catalog (the files a launch would
        take), against `sky validate` with the catalog (warnings allowed).
Every file where the two differ must match a line of KNOWN.tsv (a regex over "FILE | sky4j:
CODES | skypilot: MESSAGE", which comparison, which side rejects, the reason):
those are the deliberate differences docs/task-yaml.md lists. Anything else fails the run.
"""
import copy
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------- corpus ----------

def seeds():
    """(name, text) of every real task file we have."""
    out = []
    for f in sorted(glob.glob(os.path.join(ROOT, 'examples', '*.yaml'))):
        out.append(('example-' + os.path.basename(f)[:-5], open(f).read()))
    for f in sorted(glob.glob(os.path.join(ROOT, 'core/src/test/resources/skypilot-compat/*.yaml'))):
        out.append(('compat-' + os.path.basename(f)[:-5], open(f).read()))
    typical = os.path.join(ROOT, 'bench', 'typical-task.yaml')
    if os.path.exists(typical):
        out.append(('bench-typical-task', open(typical).read()))
    for f in sorted(glob.glob(os.path.join(ROOT, 'docs', '*.md'))) + [os.path.join(ROOT, 'README.md')]:
        text = open(f).read()
        for i, block in enumerate(re.findall(r'```[a-z]*\n(.*?)```', text, re.S)):
            if re.search(r'^(run|resources|setup|file_mounts|envs|service|num_nodes|name|pool):',
                         block, re.M):
                out.append(('doc-%s-%d' % (os.path.basename(f)[:-3], i), block))
    return out


def section(c, key):
    """The mapping under `key`, made one when missing or not a mapping."""
    v = c.get(key)
    if not isinstance(v, dict):
        v = {}
        c[key] = v
    return v


def res(c):
    return section(c, 'resources')


def mounts(c):
    return section(c, 'file_mounts')


def set_acc(value):
    def m(c):
        r = res(c)
        for k in ('gpus', 'any_of', 'ordered', 'instance_type'):
            r.pop(k, None)
        r['accelerators'] = value
    return m


def with_envs(envs, fm):
    def m(c):
        e = c.get('envs') if isinstance(c.get('envs'), dict) else {}
        e.update(envs)
        c['envs'] = e
        mounts(c).update(fm)
    return m


def service(spec):
    def m(c):
        c.pop('pool', None)
        c['service'] = spec
        res(c).setdefault('ports', 8080)
    return m


def drop(key):
    def m(c):
        if key not in c:
            return False
        c.pop(key)
    return m


def rename(old, new):
    def m(c):
        if old not in c:
            return False
        c[new] = c.pop(old)
    return m


def put(path, value):
    def m(c):
        node = c
        for k in path[:-1]:
            if not isinstance(node.get(k), dict):
                node[k] = {}
            node = node[k]
        node[path[-1]] = value
    return m


def any_of(items):
    def m(c):
        r = res(c)
        for k in ('accelerators', 'gpus', 'ordered', 'any_of', 'instance_type'):
            r.pop(k, None)
        r['any_of'] = items
    return m


def workdir_mount(dest, with_workdir):
    def m(c):
        if with_workdir:
            c['workdir'] = '.'
        else:
            c.pop('workdir', None)
        mounts(c)[dest] = './code'
    return m


# Each mutation: (name, function editing a config dict; returning False means "not applicable").
MUTATIONS = [
    ('acc-fraction', set_acc('T4:0.5')),
    ('acc-fraction-dict', set_acc({'L4': 0.25})),
    ('acc-fraction-a10', set_acc('A10:0.5')),
    ('acc-known-no-offer', set_acc('A40:1')),
    ('acc-known-no-offer-set', set_acc({'RTXA4000': 1, 'L4': 1})),
    ('acc-lookalike', set_acc('H1OO:8')),
    ('acc-unknown', set_acc('FOO9000:1')),
    ('acc-count-unoffered', set_acc('H100:64')),
    ('acc-set-one-unoffered', set_acc({'H100': 64, 'A100': 8})),
    ('acc-memory-form', set_acc('80GB+')),
    ('acc-zero', set_acc('H100:0')),
    ('any-of-one-unoffered', any_of([{'accelerators': 'H100:64'}, {'accelerators': 'A100:8'}])),
    ('any-of-none-offered', any_of([{'accelerators': 'H100:64'}, {'accelerators': 'A100:64'}])),
    ('any-of-spot-lambda', any_of([{'accelerators': 'H100:8', 'infra': 'lambda', 'use_spot': True},
                                   {'accelerators': 'H100:8', 'infra': 'aws'}])),
    ('spot-recovery', put(['resources', 'spot_recovery'], 'FAILOVER')),
    ('job-recovery', put(['resources', 'job_recovery'], {'strategy': 'EAGER_NEXT_REGION',
                                                         'max_restarts_on_errors': 3})),
    ('mount-relative', lambda c: mounts(c).update({'data': './data'})),
    ('mount-sky-workdir-no-workdir', workdir_mount('~/sky_workdir', False)),
    ('mount-sky-workdir-with-workdir', workdir_mount('~/sky_workdir', True)),
    ('mount-inside-sky-workdir', workdir_mount('~/sky_workdir/data', True)),
    ('mount-trailing-slash', lambda c: mounts(c).update({'/data/': './data'})),
    ('mount-bucket-dest', lambda c: mounts(c).update({'s3://bkt': './data'})),
    ('env-storage-name', with_envs({'BUCKET': 'my-ckpts', 'STORE': 's3'},
                                   {'/ckpt': {'name': '${BUCKET}', 'store': '$STORE', 'mode': 'MOUNT'}})),
    ('env-storage-bad-store', with_envs({'STORE': 's4'}, {'/ckpt': {'name': 'b', 'store': '$STORE'}})),
    ('env-null-in-mount', with_envs({'BUCKET': None}, {'/ckpt': {'name': '${BUCKET}'}})),
    ('env-dest', with_envs({'SIZE': '7'}, {'/models/llama-${SIZE}b': 's3://w/llama-${SIZE}b'})),
    ('storage-neither', lambda c: mounts(c).update({'/data': {'mode': 'MOUNT'}})),
    ('storage-null-name', lambda c: mounts(c).update({'/data': {'name': None, 'mode': 'MOUNT'}})),
    ('service-fixed', service({'readiness_probe': '/health', 'replicas': 2})),
    ('service-autoscale', service({'readiness_probe': {'path': '/v1/models', 'initial_delay_seconds': 600},
                                   'replica_policy': {'min_replicas': 0, 'max_replicas': 3,
                                                      'target_qps_per_replica': 2.5}})),
    ('service-autoscale-no-qps', service({'readiness_probe': '/',
                                          'replica_policy': {'min_replicas': 0, 'max_replicas': 3}})),
    ('service-replicas-and-policy', service({'readiness_probe': '/', 'replicas': 2,
                                             'replica_policy': {'min_replicas': 1}})),
    ('service-probe-no-slash', service({'readiness_probe': 'health', 'replicas': 1})),
    ('service-probe-bad-json', service({'readiness_probe': {'path': '/', 'post_data': '{oops'},
                                        'replicas': 1})),
    ('service-lb-bad', service({'readiness_probe': '/', 'replicas': 1,
                                'load_balancing_policy': 'random'})),
    ('service-qps-dict-no-lb', service({'readiness_probe': '/', 'replica_policy': {
        'min_replicas': 1, 'max_replicas': 3, 'target_qps_per_replica': {'H100': 5}}})),
    ('service-port-range', service({'readiness_probe': '/', 'replicas': 1, 'ports': 70000})),
    ('service-tls-half', service({'readiness_probe': '/', 'replicas': 1, 'tls': {'keyfile': 'k'}})),
    ('service-max-below-min', service({'readiness_probe': '/', 'replica_policy': {
        'min_replicas': 3, 'max_replicas': 1, 'target_qps_per_replica': 1}})),
    ('pool-workers', lambda c: (c.pop('service', None), c.update({'pool': {'workers': 2}}))[-1]),
    ('pool-min-only', lambda c: (c.pop('service', None), c.update({'pool': {'min_workers': 1}}))[-1]),
    ('typo-field', rename('run', 'rnu')),
    ('typo-resources-field', put(['resources', 'acelerators'], 'H100:1')),
    ('drop-run', drop('run')),
    ('num-nodes-zero', put(['num_nodes'], 0)),
    ('num-nodes-string', put(['num_nodes'], 'two')),
    ('cpus-plus', put(['resources', 'cpus'], '4+')),
    ('memory-bad', put(['resources', 'memory'], 'lots')),
    ('ports-range', put(['resources', 'ports'], 70000)),
    ('infra-region', put(['resources', 'infra'], 'aws/us-east-1')),
    ('infra-bad-region', put(['resources', 'infra'], 'aws/mars-1')),
    ('env-bad-name', lambda c: c.update({'envs': {'1X': 'a'}})),
    ('name-bad', put(['name'], 'my task')),
    ('autostop-bad', put(['resources', 'autostop'], '10x')),
    ('disk-tier-typo', put(['resources', 'disk_tier'], 'hihg')),
]

SEEDS_PER_MUTATION = 14


def corpus(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for f in glob.glob(os.path.join(out_dir, '*.yaml')):
        os.remove(f)
    base = seeds()
    singles = []
    for name, text in base:
        with open(os.path.join(out_dir, 'seed--' + name + '.yaml'), 'w') as fh:
            fh.write(text)
        try:
            docs = list(yaml.safe_load_all(text))
        except yaml.YAMLError:
            continue
        if len(docs) == 1 and isinstance(docs[0], dict):
            singles.append((name, docs[0]))
    n = len(base)
    for mi, (mname, fn) in enumerate(MUTATIONS):
        made = 0
        for k in range(len(singles)):
            if made >= SEEDS_PER_MUTATION:
                break
            sname, doc = singles[(mi * 7 + k) % len(singles)]  # a different slice of seeds each
            c = copy.deepcopy(doc)
            if fn(c) is False:
                continue
            with open(os.path.join(out_dir, '%s--%s.yaml' % (mname, sname)), 'w') as fh:
                yaml.safe_dump(c, fh, sort_keys=False)
            made += 1
            n += 1
    print(n)


# ---------- SkyPilot's verdicts ----------

def skypilot(files):
    import logging
    logging.disable(logging.CRITICAL)
    import sky
    from sky import optimizer
    from sky.utils import yaml_utils
    from sky.utils import dag_utils
    for f in files:
        row = {'file': os.path.basename(f)}
        try:
            docs = yaml_utils.read_yaml_all(f)
            if len([d for d in docs if d]) > 1 or (len(docs) > 1 and not docs[0]):
                dag = dag_utils.load_chain_dag_from_yaml(f)
            else:
                with sky.Dag() as dag:
                    sky.Task.from_yaml(f)
            row['load'] = 'ok'
        except BaseException as e:  # pylint: disable=broad-except
            row['load'] = 'error'
            row['load_error'] = (type(e).__name__ + ': ' + str(e))[:300]
            print(json.dumps(row), flush=True)
            continue
        try:
            devnull = open(os.devnull, 'w')
            old = sys.stdout
            sys.stdout = devnull
            try:
                optimizer.Optimizer.optimize(dag, quiet=True)
            finally:
                sys.stdout = old
            row['plan'] = 'ok'
        except BaseException as e:  # pylint: disable=broad-except
            row['plan'] = 'error'
            row['plan_error'] = (type(e).__name__ + ': ' + str(e))[:300]
        print(json.dumps(row), flush=True)


# ---------- comparison ----------

def sky4j_verdicts(path):
    data = json.load(open(path))
    errors = {}
    for d in data['diagnostics']:
        if d['severity'] == 'error':
            errors.setdefault(os.path.basename(d['file']), []).append(d['code'])
    return errors


def known(path):
    rules = []
    for line in open(path):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        pattern, kind, side, reason = line.split('\t')
        rules.append((re.compile(pattern), kind, side, reason))
    return rules


def compare(corpus_dir, sky_jsonl, nocat_json, cat_json, known_tsv, report):
    files = sorted(os.path.basename(f) for f in glob.glob(os.path.join(corpus_dir, '*.yaml')))
    sp = {}
    for line in open(sky_jsonl):
        line = line.strip()
        if line.startswith('{'):
            r = json.loads(line)
            sp[r['file']] = r
    nocat = sky4j_verdicts(nocat_json)
    cat = sky4j_verdicts(cat_json)
    rules = known(known_tsv)
    lines = []
    unexplained = 0
    totals = {}
    for kind, ours in (('load', nocat), ('plan', cat)):
        agree = 0
        diffs = []
        for f in files:
            r = sp.get(f, {'load': 'error', 'load_error': 'no SkyPilot verdict'})
            theirs_ok = r['load'] == 'ok' and (kind == 'load' or r.get('plan') == 'ok')
            ours_ok = f not in ours
            if theirs_ok == ours_ok:
                agree += 1
                continue
            side = 'sky4j-rejects' if theirs_ok else 'skypilot-rejects'
            theirs = ' '.join((r.get('load_error') or r.get('plan_error') or 'accepted').split())
            codes = sorted(set(ours.get(f, []))) or ['accepted']
            # a rule reads the file name, one sky4j error code and SkyPilot's message; a file is
            # explained when each of its codes is
            reasons = []
            for code in codes:
                subject = '%s | sky4j: %s | skypilot: %s' % (f, code, theirs)
                reasons.append(next((reason for p, k, s, reason in rules
                                     if k in (kind, 'both') and s == side and p.search(subject)), None))
            why = None if None in reasons else '; '.join(dict.fromkeys(reasons))
            codes = ','.join(codes)
            if why is None:
                unexplained += 1
            diffs.append((f, side, codes, theirs, why))
        totals[kind] = (len(files), agree, diffs)
    with open(report, 'w') as out:
        for kind, (n, agree, diffs) in totals.items():
            out.write('%s: %d files, %d agree (%.1f%%), %d differ (%d explained)\n' % (
                kind, n, agree, 100.0 * agree / n, len(diffs), sum(1 for d in diffs if d[4])))
        for kind, (n, agree, diffs) in totals.items():
            out.write('\n## %s differences\n' % kind)
            for f, side, ours, theirs, why in diffs:
                out.write('- %s [%s] sky4j: %s | SkyPilot: %s | %s\n' % (
                    f, side, ours, theirs[:160], why or 'UNEXPLAINED'))
    print(open(report).read().split('\n## ')[0])
    if unexplained:
        print('%d unexplained differences: fix them or list them in %s' % (unexplained, known_tsv))
        sys.exit(1)


if __name__ == '__main__':
    op, args = sys.argv[1], sys.argv[2:]
    {'corpus': lambda a: corpus(a[0]), 'skypilot': skypilot,
     'compare': lambda a: compare(*a)}[op](args)
