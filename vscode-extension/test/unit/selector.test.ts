import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSkyDocument, hasModeline } from '../../src/core/selector';

const doc = (fsPath: string, firstLine = 'name: x', languageId = 'yaml') => ({ fsPath, firstLine, languageId });

test('task files by name: task.yaml, *.sky.yaml, sky/*.yaml', () => {
  assert.ok(isSkyDocument(doc('/w/proj/task.yaml')));
  assert.ok(isSkyDocument(doc('/w/proj/train.sky.yaml')));
  assert.ok(isSkyDocument(doc('/w/proj/sky/dev.yaml')));
  assert.ok(isSkyDocument(doc('C:\\w\\proj\\sky\\dev.yaml')));
});

test('the # sky4j modeline makes any YAML a task file', () => {
  assert.ok(isSkyDocument(doc('/w/proj/gpu-box.yaml', '# sky4j')));
  assert.ok(isSkyDocument(doc('/w/proj/gpu-box.yml', '#sky4j task for the team')));
  assert.ok(isSkyDocument(doc('/w/proj/gpu-box.yaml', '\uFEFF# sky4j')));
  assert.equal(hasModeline('# sky4jx'), false);
  assert.equal(hasModeline('name: x # sky4j'), false);
});

test('other YAML stays with other extensions', () => {
  for (const p of ['/w/.github/workflows/ci.yaml', '/w/k8s/deployment.yaml', '/w/docker-compose.yml', '/w/sky.yaml', '/w/tasks.yaml', '/w/sky/nested/x.yaml', '/w/my-task.yaml']) {
    assert.equal(isSkyDocument(doc(p, 'apiVersion: v1')), false, p);
  }
  assert.equal(isSkyDocument(doc('/w/task.yaml', 'x', 'json')), false);
});
