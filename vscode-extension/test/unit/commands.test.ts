import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../../src/core/api';
import { Commands } from '../../src/core/commands';
import { FakeApiServer, RecordingHost, json, sse } from './fakes';

const UP = { name: 'dev', status: 'UP', cloud: 'local', region: 'local-west', instanceType: 'cpu-2', pricePerHour: 0.1 };
const plan = { cloud: 'local', region: 'local-west', instanceType: 'cpu-2', spot: false, totalPerHour: 0.1, numNodes: 1 };

function setup(routes: ConstructorParameters<typeof FakeApiServer>[0], task = { fsPath: '/w/hello/task.yaml', text: 'run: echo hi\n' }) {
  const server = new FakeApiServer(routes);
  const host = new RecordingHost();
  let refreshed = 0;
  const make = () => {
    const api = new ApiClient(() => server.endpoint);
    const cmds = new Commands(host, api, { task: async () => task, refresh: () => { refreshed++; }, cli: async (a) => `ran sky ${a.join(' ')}\n`, remoteDir: async () => '/home/sky/sky_workdir' });
    return cmds;
  };
  return { server, host, make, refreshes: () => refreshed };
}

test('launch: name quick pick offers a new name and existing clusters, shows the optimizer\'s choice, sends the editor\'s text, follows the log', async () => {
  const t = setup({
    'GET /status': json([UP]),
    'POST /optimize': json({ plans: [plan], totalPlans: 1 }),
    'POST /launch': json({ requestId: 'r1' }, 202),
    'GET /requests/r1/logs': sse([['log', { offset: 12, text: 'Provisioning\n' }], ['log', { offset: 20, text: 'hi\n' }], ['end', { status: 'SUCCEEDED', exitCode: 0 }]]),
    'GET /requests/r1': json({ id: 'r1', status: 'SUCCEEDED' }),
  });
  await t.server.start();
  try {
    await t.make().launch();
    assert.ok(t.host.calls.includes('pickOrType: hello,dev'));
    assert.ok(t.host.calls.some((c) => c === "confirm: Launch hello? | Optimizer's choice: local/local-west cpu-2 at $0.10/h"), t.host.calls.join('\n'));
    const launch = t.server.seen.find((s) => s.url === '/api/v1/launch')!;
    assert.deepEqual(launch.body, { cluster: 'hello', task: { yaml: 'run: echo hi\n', yamlPath: '/w/hello/task.yaml', baseDir: '/w/hello' } });
    assert.equal(launch.auth, 'Bearer sky4j_test_token');
    assert.equal(t.server.seen.find((s) => s.url.startsWith('/api/v1/requests/r1/logs'))!.url, '/api/v1/requests/r1/logs?follow=true&offset=0');
    assert.equal(t.host.outputs.get('sky4j: hello'), '── launch hello (request r1)\nProvisioning\nhi\n');
    assert.ok(t.host.calls.includes('info: sky4j: launch hello — done.'));
    assert.ok(t.refreshes() >= 1);
  } finally { await t.server.stop(); }
});

test('launch declined at the confirmation sends nothing; a task error shows the server\'s message', async () => {
  const t = setup({ 'GET /status': json([]), 'POST /optimize': json({ code: 'invalid-task', message: 'task.yaml:1:1: unknown field "rn"' , diagnosticsText: 'task.yaml:1:1: error[unknown-field]\n' }, 422) });
  await t.server.start();
  try {
    await t.make().launch();
    assert.ok(t.host.calls.some((c) => c.startsWith('error: sky4j launch: task.yaml:1:1: unknown field "rn" [invalid-task]')), t.host.calls.join('\n'));
    assert.equal(t.host.outputs.get('sky4j'), 'task.yaml:1:1: error[unknown-field]\n');
    assert.equal(t.server.seen.some((s) => s.url === '/api/v1/launch'), false);
  } finally { await t.server.stop(); }
});

test('down asks first, then posts the cluster; stop/start post without asking', async () => {
  const done = json({ id: 'r', status: 'SUCCEEDED' });
  const t = setup({ 'POST /down': json({ requestId: 'r' }, 202), 'POST /stop': json({ requestId: 'r' }, 202), 'GET /requests/r/logs': sse([['end', { status: 'SUCCEEDED' }]]), 'GET /requests/r': done });
  await t.server.start();
  try {
    const node = { id: 'cluster:dev', kind: 'cluster' as const, label: 'dev', icon: { id: 'x' }, contextValue: 'cluster.UP', collapsible: true, cluster: 'dev' };
    t.host.answers.confirm = false;
    await t.make().down(node);
    assert.equal(t.server.seen.length, 0);
    t.host.answers.confirm = true;
    await t.make().down(node);
    assert.deepEqual(t.server.seen[0], { method: 'POST', url: '/api/v1/down', auth: 'Bearer sky4j_test_token', body: { clusters: ['dev'] } });
    await t.make().stop('dev');
    assert.deepEqual(t.server.seen.find((s) => s.url === '/api/v1/stop')!.body, { clusters: ['dev'] });
  } finally { await t.server.stop(); }
});

test('attach: opens the Remote-SSH folder URI; without Remote-SSH offers install or copying ssh <cluster>; terminal runs ssh <cluster>', async () => {
  const t = setup({});
  const c = t.make();
  t.host.extensions.add('ms-vscode-remote.remote-ssh');
  await c.attach('dev');
  assert.deepEqual(t.host.opened, ['vscode-remote://ssh-remote+dev/home/sky/sky_workdir']);
  t.host.extensions.clear();
  t.host.answers.info = 'Copy ssh command';
  await c.attach('dev');
  assert.deepEqual(t.host.copied, ['ssh dev']);
  t.host.answers.info = 'Install Remote-SSH';
  await c.attach('dev');
  assert.ok(t.host.calls.includes('install: ms-vscode-remote.remote-ssh'));
  assert.equal(t.host.opened.length, 1);
  await c.terminal('dev');
  assert.deepEqual(t.host.terminals, [['ssh dev', 'ssh', ['dev']]]);
});

test('autostop and cancel job send what the API expects; managed jobs cancel by id', async () => {
  const t = setup({
    'POST /autostop': json({ requestId: 'a' }, 202), 'POST /cancel': json({ requestId: 'a' }, 202), 'POST /jobs/cancel': json([9]),
    'GET /requests/a/logs': sse([['end', { status: 'SUCCEEDED' }]]), 'GET /requests/a': json({ id: 'a', status: 'SUCCEEDED' }),
  });
  await t.server.start();
  try {
    t.host.answers.input = '20 down';
    await t.make().autostop('dev');
    assert.deepEqual(t.server.seen[0].body, { clusters: ['dev'], idleMinutes: 20, down: true });
    await t.make().cancelJob({ id: 'job:dev:3', kind: 'job', label: '#3', icon: { id: 'x' }, contextValue: 'job.live', collapsible: false, cluster: 'dev', jobId: 3 });
    assert.deepEqual(t.server.seen.find((s) => s.url === '/api/v1/cancel')!.body, { cluster: 'dev', jobIds: [3] });
    await t.make().cancelJob({ id: 'managed:9', kind: 'managed', label: '#9', icon: { id: 'x' }, contextValue: 'managed.live', collapsible: false, jobId: 9 });
    assert.deepEqual(t.server.seen.find((s) => s.url === '/api/v1/jobs/cancel')!.body, { ids: [9] });
  } finally { await t.server.stop(); }
});

test('no server: the call starts one through the CLI (ensureServer) and is retried', async () => {
  const server = new FakeApiServer({ 'GET /status': json([UP]) });
  await server.start();
  const port = server.port;
  await server.stop();
  let started = 0;
  const api = new ApiClient(() => ({ baseUrl: `http://127.0.0.1:${port}`, tokenPath: server.endpoint.tokenPath }), async () => { started++; await server.start(port); });
  try {
    assert.deepEqual(await api.get('/status'), [UP]);
    assert.equal(started, 1);
  } finally { await server.stop(); }
});

test('a log stream that drops resumes from its last offset: every byte once', async () => {
  let calls = 0;
  const server = new FakeApiServer({
    'GET /clusters/dev/jobs/4/logs': (q, res) => {
      calls++;
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (calls === 1) { res.write('event: log\ndata: {"offset":6,"text":"step1\\n"}\n\n'); setTimeout(() => res.destroy(), 100); return; }
      res.end('event: log\ndata: {"offset":12,"text":"step2\\n"}\n\nevent: end\ndata: {"status":"SUCCEEDED","exitCode":0}\n\n');
    },
  });
  await server.start();
  try {
    let text = '';
    const end = await new ApiClient(() => server.endpoint).follow('/clusters/dev/jobs/4/logs?follow=true', 0, (t) => { text += t; });
    assert.equal(text, 'step1\nstep2\n');
    assert.equal(end.status, 'SUCCEEDED');
    assert.equal(calls, 2);
    assert.deepEqual(server.seen.map((x) => x.url.replace(/.*offset=/, '')), ['0', '6']);
  } finally { await server.stop(); }
});

test('open log keeps its offset in workspace state and a reload resumes from it', async () => {
  const server = new FakeApiServer({
    'GET /clusters/dev/queue': json([{ id: 2, status: 'RUNNING' }, { id: 1, status: 'SUCCEEDED' }]),
    'GET /clusters/dev/jobs/2/logs': (q, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (/offset=0$/.test(q.url)) res.write('event: log\ndata: {"offset":4,"text":"abc\\n"}\n\n'); // then hangs: the job runs
      else res.end('event: log\ndata: {"offset":8,"text":"def\\n"}\n\nevent: end\ndata: {"status":"SUCCEEDED","exitCode":0}\n\n');
    },
  });
  await server.start();
  const host = new RecordingHost();
  const mk = () => new Commands(host, new ApiClient(() => server.endpoint), { task: async () => undefined, refresh: () => undefined, cli: async () => '', remoteDir: async () => '/' });
  try {
    const first = mk();
    await first.openLog('dev');
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(host.outputs.get('sky4j log: dev job 2'), 'abc\n');
    assert.deepEqual(host.state.get('sky4j.logs'), { 'job:dev:2': { spec: { kind: 'job', cluster: 'dev', job: 2 }, offset: 4 } });
    first.logs.dispose(); // the window reloads
    const second = mk();
    assert.equal(await second.logs.resume(), 1);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(host.outputs.get('sky4j log: dev job 2'), 'abc\n── resumed at byte 4\ndef\n── SUCCEEDED (exit 0)\n');
    assert.deepEqual(host.state.get('sky4j.logs'), {});
  } finally { await server.stop(); }
});

test('a view refresh never starts the server: it shows offline; a command does start it', async () => {
  const { ViewState } = await import('../../src/core/views');
  let started = 0;
  const api = new ApiClient(() => ({ baseUrl: 'http://127.0.0.1:9', tokenPath: '/nonexistent' }), async () => { started++; throw new Error('no'); });
  const v = new ViewState(api);
  await v.refresh();
  assert.equal(started, 0);
  assert.equal(v.clusterRoots()[0].label, 'sky4j API server offline');
  assert.equal(v.statusBar().text, '$(cloud) sky4j: offline');
  await assert.rejects(api.get('/status'));
  assert.equal(started, 1);
});

test('Cancel on the progress notification cancels the request on the server; its end is still shown', async () => {
  const t = setup({
    'POST /stop': json({ requestId: 'r9' }, 202), 'POST /requests/r9/cancel': json({ id: 'r9', status: 'CANCELLED' }),
    'GET /requests/r9/logs': (_q, res) => { res.writeHead(200, { 'Content-Type': 'text/event-stream' }); setTimeout(() => res.end('event: end\ndata: {"status":"CANCELLED"}\n\n'), 200); },
    'GET /requests/r9': json({ id: 'r9', status: 'CANCELLED', error: { message: 'cancelled by the user', code: 'cancelled' } }),
  });
  await t.server.start();
  try {
    t.host.answers.cancel = true;
    await t.make().stop('dev');
    assert.ok(t.server.seen.some((s) => s.method === 'POST' && s.url === '/api/v1/requests/r9/cancel'), JSON.stringify(t.server.seen));
    assert.ok(t.host.calls.includes('error: sky4j: stop dev — cancelled by the user'), t.host.calls.join('\n'));
  } finally { await t.server.stop(); }
});

test('the token is read from the file at every call: a rotated token is used at once', async () => {
  const fs = await import('node:fs');
  const server = new FakeApiServer({ 'GET /status': json([]) });
  await server.start();
  try {
    const api = new ApiClient(() => server.endpoint);
    await api.get('/status');
    fs.writeFileSync(server.endpoint.tokenPath, 'sky4j_rotated\n');
    await api.get('/status');
    assert.deepEqual(server.seen.map((s) => s.auth), ['Bearer sky4j_test_token', 'Bearer sky4j_rotated']);
  } finally { await server.stop(); }
});
