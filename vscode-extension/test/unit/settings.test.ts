import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMissing, lspLaunch, resolveSettings, tokenFile, Resolved } from '../../src/core/settings';

const files = (...exe: string[]) => ({ isExecutable: (p: string) => exe.includes(p) });
const env = { PATH: '/usr/bin:/opt/sky/bin', HOME: '/home/u' };

test('defaults: sky and java from PATH, ~/.sky4j, port 46590', () => {
  const r = resolveSettings({}, env, files('/usr/bin/java', '/opt/sky/bin/sky')) as Resolved;
  assert.equal(isMissing(r), false);
  assert.equal(r.sky, '/opt/sky/bin/sky');
  assert.equal(r.java, '/usr/bin/java');
  assert.equal(r.home, '/home/u/.sky4j');
  assert.equal(r.apiUrl, 'http://127.0.0.1:46590');
  assert.equal(r.env.SKY4J_HOME, '/home/u/.sky4j');
  assert.equal(r.env.SKY4J_API_PORT, '46590');
  assert.equal(tokenFile(r.home), '/home/u/.sky4j/server/token');
});

test('settings win over the environment; javaHome goes first on PATH and into JAVA_HOME', () => {
  const r = resolveSettings({ skyPath: '~/src/sky4j/sky', javaHome: '/jdk17', home: '/tmp/h', apiPort: 47001 },
    { ...env, SKY4J_HOME: '/other', SKY4J_API_PORT: '1', JAVA_HOME: '/jdk8' }, files('/jdk17/bin/java', '/home/u/src/sky4j/sky')) as Resolved;
  assert.equal(r.sky, '/home/u/src/sky4j/sky');
  assert.equal(r.java, '/jdk17/bin/java');
  assert.equal(r.home, '/tmp/h');
  assert.equal(r.apiUrl, 'http://127.0.0.1:47001');
  assert.equal(r.env.JAVA_HOME, '/jdk17');
  assert.equal(r.env.PATH, '/jdk17/bin:/usr/bin:/opt/sky/bin');
  assert.deepEqual(lspLaunch(r), { command: '/home/u/src/sky4j/sky', args: ['lsp'], env: r.env });
});

test('SKY4J_HOME, SKY4J_API_PORT and SKY4J_API_URL from the environment', () => {
  const r = resolveSettings({}, { ...env, SKY4J_HOME: '/srv/sky', SKY4J_API_PORT: '47002' }, files('/usr/bin/java', '/opt/sky/bin/sky')) as Resolved;
  assert.equal(r.home, '/srv/sky');
  assert.equal(r.apiUrl, 'http://127.0.0.1:47002');
  const u = resolveSettings({}, { ...env, SKY4J_API_URL: 'http://10.0.0.5:46590' }, files('/usr/bin/java', '/opt/sky/bin/sky')) as Resolved;
  assert.equal(u.apiUrl, 'http://10.0.0.5:46590');
});

test('no java: says how to install one and which setting fixes it', () => {
  const r = resolveSettings({}, env, files('/opt/sky/bin/sky'));
  assert.ok(isMissing(r));
  assert.equal(r.missing, 'java');
  assert.equal(r.setting, 'sky4j.javaHome');
  assert.match(r.message, /Java 17/);
  assert.match(r.message, /apt-get install openjdk-17-jdk-headless/);
});

test('a javaHome without bin/java is named in the message', () => {
  const r = resolveSettings({ javaHome: '/nope' }, env, files('/usr/bin/java', '/opt/sky/bin/sky'));
  assert.ok(isMissing(r));
  assert.match(r.message, /\/nope\/bin\/java does not exist/);
});

test('no sky: points at sky4j.path', () => {
  const r = resolveSettings({}, env, files('/usr/bin/java'));
  assert.ok(isMissing(r));
  assert.equal(r.missing, 'sky');
  assert.equal(r.setting, 'sky4j.path');
  assert.match(r.message, /not on PATH/);
  const bad = resolveSettings({ skyPath: '/x/sky' }, env, files('/usr/bin/java'));
  assert.ok(isMissing(bad));
  assert.match(bad.message, /"sky4j.path" is \/x\/sky, which is not an executable file/);
});
