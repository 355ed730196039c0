// Loads an extension with a STUB `vscode` module (every API a no-op) and prints how long
// require + activate() took, in ms. Used by bench.mjs, one fresh process per sample.
const Module = require('node:module');
const deep = new Proxy(function () {}, { get: (_t, k) => (k === 'then' ? undefined : deep), apply: () => deep, construct: () => deep });
const ns = (extra = {}) => new Proxy(extra, { get: (t, k) => (k in t ? t[k] : deep) });
const Stub = new Proxy(class {}, { get: (t, k) => (k in t ? t[k] : deep) });
const stub = new Proxy({
  window: ns(), commands: ns(), env: ns(), extensions: ns(), languages: ns(),
  workspace: ns({ textDocuments: [], getConfiguration: () => ({ get: () => undefined }) }),
  Uri: ns(), StatusBarAlignment: { Left: 1, Right: 2 }, ProgressLocation: { Notification: 15 },
  TreeItemCollapsibleState: { None: 0, Collapsed: 1 }, TreeItem: Stub, ThemeIcon: Stub, ThemeColor: Stub,
  EventEmitter: class { constructor() { this.event = () => ({ dispose() {} }); } fire() {} },
}, { get: (t, k) => (k in t ? t[k] : Stub) });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const t0 = performance.now();
const ext = require(require("node:path").resolve(process.argv[2]));
const ctx = { subscriptions: [], workspaceState: { get: () => undefined, update: async () => undefined } };
ext.activate(ctx);
console.log((performance.now() - t0).toFixed(3));
process.exit(0);
