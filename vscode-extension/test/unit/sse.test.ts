import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SseParser, toLogEvent, withOffset } from '../../src/core/sse';

test('events split across chunks anywhere, CRLF included, keep-alive comments skipped', () => {
  const wire = ': keep-alive\r\n\r\nevent: log\r\nid: 6\r\ndata: {"offset":6,"text":"hello\\n"}\r\n\r\nevent: end\ndata: {"status":"SUCCEEDED","exitCode":0}\n\n';
  for (let cut = 1; cut < wire.length; cut++) {
    const p = new SseParser();
    const ev = [...p.push(wire.slice(0, cut)), ...p.push(wire.slice(cut))];
    assert.equal(ev.length, 2, `cut at ${cut}`);
    assert.deepEqual(ev[0], { event: 'log', id: '6', data: '{"offset":6,"text":"hello\\n"}' });
    assert.equal(ev[1].event, 'end');
  }
});

test('a UTF-8 character split between chunks arrives whole', () => {
  const bytes = Buffer.from('event: log\ndata: {"offset":9,"text":"GPU ✓ ok"}\n\n', 'utf8');
  const at = bytes.indexOf(0xe2) + 1; // inside the 3-byte check mark
  const p = new SseParser();
  const ev = [...p.push(bytes.subarray(0, at)), ...p.push(bytes.subarray(at))];
  assert.equal(toLogEvent(ev[0])?.kind, 'log');
  assert.deepEqual(toLogEvent(ev[0]), { kind: 'log', offset: 9, text: 'GPU ✓ ok' });
});

test('multi-line data joins with newlines; problem and end map to what the follower needs', () => {
  const p = new SseParser();
  const [a] = p.push('data: one\ndata: two\n\n');
  assert.equal(a.data, 'one\ntwo');
  assert.equal(a.event, 'message');
  assert.equal(toLogEvent(a), null);
  const [pr] = p.push('event: problem\ndata: {"code":"no-such-cluster","message":"no cluster dev"}\n\n');
  assert.deepEqual(toLogEvent(pr), { kind: 'problem', code: 'no-such-cluster', message: 'no cluster dev' });
  const [end] = p.push('event: end\ndata: {"status":"FAILED","exitCode":3,"detail":"exit 3"}\n\n');
  assert.deepEqual(toLogEvent(end), { kind: 'end', status: 'FAILED', exitCode: 3, detail: 'exit 3' });
});

test('resume path appends offset', () => {
  assert.equal(withOffset('/requests/ab/logs?follow=true', 42), '/requests/ab/logs?follow=true&offset=42');
  assert.equal(withOffset('/jobs/3/logs', 0), '/jobs/3/logs?offset=0');
});
