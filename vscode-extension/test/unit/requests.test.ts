import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as rq from '../../src/core/requests';

test('launch body carries the editor text, its path and folder', () => {
  assert.deepEqual(rq.launchBody('dev', rq.taskFromFile('/w/p/task.yaml', 'run: echo hi\n')),
    { cluster: 'dev', task: { yaml: 'run: echo hi\n', yamlPath: '/w/p/task.yaml', baseDir: '/w/p' } });
  assert.deepEqual(rq.clusterAction('dev'), { clusters: ['dev'] });
  assert.deepEqual(rq.cancelBody('dev', 3), { cluster: 'dev', jobIds: [3] });
  assert.deepEqual(rq.managedLaunchBody('', { command: 'x' }), { task: { command: 'x' } });
  assert.deepEqual(rq.managedLaunchBody('t', { command: 'x' }), { name: 't', task: { command: 'x' } });
});

test('autostop: minutes, down, off; anything else explains itself', () => {
  assert.deepEqual(rq.autostopBody('dev', '30'), { clusters: ['dev'], idleMinutes: 30 });
  assert.deepEqual(rq.autostopBody('dev', ' 45 min down'), { clusters: ['dev'], idleMinutes: 45, down: true });
  assert.deepEqual(rq.autostopBody('dev', 'off'), { clusters: ['dev'], cancel: true });
  assert.match(rq.autostopBody('dev', 'soon') as string, /Type idle minutes/);
});

test('cluster names follow SkyPilot\'s rule; suggestions come from the file', () => {
  assert.equal(rq.clusterNameProblem('My_Dev.1'), null);
  assert.match(rq.clusterNameProblem('1dev') ?? '', /Start with a letter/);
  assert.match(rq.clusterNameProblem('dev-') ?? '', /end with a letter or digit/);
  assert.match(rq.clusterNameProblem('a'.repeat(64)) ?? '', /63/);
  assert.equal(rq.suggestName('/w/train.sky.yaml', []), 'train');
  assert.equal(rq.suggestName('/w/proj/task.yaml', ['proj']), 'proj-2');
  assert.equal(rq.suggestName('/w/2024 run/task.yaml', []), 'sky-2024-run');
});

test('quick pick: the new name first, existing clusters after it', () => {
  const items = rq.clusterPickItems([{ name: 'b', status: 'UP', cloud: 'local', region: 'r', pricePerHour: 1 }, { name: 'a', status: 'STOPPED' }], 'task');
  assert.deepEqual(items.map((i) => i.value), ['task', 'a', 'b']);
  assert.equal(items[0].description, 'new cluster');
  assert.equal(items[2].description, 'UP · local/r · $1.00/h');
});

test('optimizer choice line', () => {
  assert.equal(rq.planSummary({ cloud: 'aws', region: 'us-east-1', zone: 'us-east-1a', instanceType: 'p3.2xlarge', accelerators: 'V100:1', spot: true, totalPerHour: 0.918 }),
    'aws/us-east-1/us-east-1a p3.2xlarge (V100:1) spot at $0.92/h');
  assert.equal(rq.planSummary({ cloud: 'local', region: 'local-west', instanceType: 'cpu-2', numNodes: 2, totalPerHour: 0 }), 'local/local-west cpu-2 × 2 nodes at $0.00/h');
});

test('Remote-SSH folder URI, ssh command, log paths', () => {
  assert.equal(rq.remoteFolderUri('dev', '/home/sky/sky_workdir'), 'vscode-remote://ssh-remote+dev/home/sky/sky_workdir');
  assert.equal(rq.remoteFolderUri('My_Dev.1', 'srv/my dir'), 'vscode-remote://ssh-remote+My_Dev.1/srv/my%20dir');
  assert.equal(rq.sshCommand('dev'), 'ssh dev');
  assert.deepEqual(rq.sshArgs('dev'), ['dev']);
  assert.equal(rq.jobLogPath('dev', 'latest'), '/clusters/dev/jobs/latest/logs?follow=true');
  assert.equal(rq.requestLogPath('ab12'), '/requests/ab12/logs?follow=true');
  assert.equal(rq.managedLogPath(7), '/jobs/7/logs?follow=true');
});
