import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterNodes, jobNodes, managedNodes, statusBar, ClusterRecord } from '../../src/core/model';

// Shaped as GET /api/v1/status answers (ClusterRecord in docs/openapi.json)
const clusters: ClusterRecord[] = [
  { name: 'old', status: 'STOPPED', cloud: 'local', region: 'local-east', instanceType: 'cpu-4', numNodes: 1, accelerators: null, spot: false, pricePerHour: 0.2, autostopMinutes: -1 },
  { name: 'dev', status: 'UP', cloud: 'local', region: 'local-west', zone: 'local-west-a', instanceType: 'gpu-h100-1', numNodes: 1, accelerators: 'H100:1', spot: false, pricePerHour: 2.5, autostopMinutes: 30, autostopDown: false },
  { name: 'train', status: 'UP', cloud: 'aws', region: 'us-east-1', instanceType: 'p4d.24xlarge', numNodes: 2, accelerators: 'A100:8', spot: true, pricePerHour: 19.5, autostopMinutes: 10, autostopDown: true },
];

test('clusters: UP first, status icon, infra, GPUs, $/h, autostop in the line', () => {
  const n = clusterNodes(clusters);
  assert.deepEqual(n.map((x) => x.label), ['dev', 'train', 'old']);
  assert.equal(n[0].description, 'UP · local/local-west · H100:1 · $2.50/h · autostop 30m');
  assert.equal(n[1].description, 'UP · aws/us-east-1 · 2x A100:8 spot · $19.50/h · autostop 10m (down)');
  assert.equal(n[2].description, 'STOPPED · local/local-east · cpu-4 · $0.20/h');
  assert.deepEqual(n[0].icon, { id: 'vm-running', color: 'testing.iconPassed' });
  assert.equal(n[2].icon.id, 'debug-pause');
  assert.equal(n[0].contextValue, 'cluster.UP');
  assert.equal(n[2].contextValue, 'cluster.STOPPED');
  assert.equal(n[0].collapsible, true);
  assert.equal(n[2].collapsible, false);
  assert.match(n[0].tooltip ?? '', /infra: local\/local-west \(local-west-a\)/);
});

test('no clusters: a hint instead of an empty view', () => {
  const [n] = clusterNodes([]);
  assert.equal(n.kind, 'info');
  assert.match(n.description ?? '', /Launch this task/);
});

test('jobs beneath a cluster, newest first, live ones cancellable', () => {
  const n = jobNodes('dev', [
    { id: 1, name: 'setup', status: 'SUCCEEDED', exitCode: 0 },
    { id: 2, name: 'train', status: 'RUNNING', exitCode: null, resources: 'H100:1' },
    { id: 3, name: null, status: 'FAILED', exitCode: 2 },
  ]);
  assert.deepEqual(n.map((x) => x.label), ['#3', '#2 train', '#1 setup']);
  assert.equal(n[0].description, 'FAILED (exit 2)');
  assert.equal(n[1].description, 'RUNNING · H100:1');
  assert.deepEqual(n.map((x) => x.contextValue), ['job.done', 'job.live', 'job.done']);
  assert.deepEqual([n[1].cluster, n[1].jobId], ['dev', 2]);
});

test('managed jobs with their recoveries', () => {
  const n = managedNodes([
    { id: 4, name: 'spot-train', status: 'RUNNING', recoveries: 2, infra: 'local/local-west', resources: 'H100:1' },
    { id: 5, name: 'eval', status: 'SUCCEEDED', recoveries: 1 },
  ]);
  assert.equal(n[0].label, '#5 eval');
  assert.equal(n[0].description, 'SUCCEEDED · 1 recovery');
  assert.equal(n[1].description, 'RUNNING · 2 recoveries · local/local-west · H100:1');
  assert.deepEqual(n.map((x) => x.contextValue), ['managed.done', 'managed.live']);
});

test('status bar: UP clusters and their total $/h; offline without a server', () => {
  assert.equal(statusBar(clusters).text, '$(cloud) 2 UP · $22.00/h');
  assert.equal(statusBar(clusters).tooltip, 'dev: $2.50/h\ntrain: $19.50/h');
  assert.equal(statusBar([]).text, '$(cloud) 0 UP · $0.00/h');
  assert.equal(statusBar(undefined).text, '$(cloud) sky4j: offline');
});
