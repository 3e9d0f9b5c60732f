// SPDX-License-Identifier: EUPL-1.2
// Drives extension.js as VS Code would, against the real `covenantc lsp`, with a stand-in for the
// `vscode` module (only what the extension uses). No dependencies:
//
//   node editors/vscode/test/smoke.js [COVENANTC]     default: .build/debug/covenantc, else covenantc
//
// Opens covenants/boekel.covenant with a misspelt party, waits for the diagnostics, asks every
// provider once, applies the quick fix as an incremental change, runs the tests through the code
// lens command, opens a literate covenant, kills the server (the client restarts it), and stops it. Prints 'N passed, N failed'; exits 1 on a failure.
'use strict';

const assert = require('assert');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '..');
const built = path.join(root, '.build', 'debug', 'covenantc');
const covenantc = process.argv[2] || (fs.existsSync(built) ? built : 'covenantc');

// ---- a stand-in for the vscode module ----

class Position {
  constructor(line, character) { Object.assign(this, { line, character }); }
}
class Range {
  constructor(start, end) { Object.assign(this, { start, end }); }
}
class Uri {
  constructor(text) { this.text = text; this.scheme = text.split(':')[0]; this.fsPath = decodeURIComponent(text.replace(/^file:\/\//, '')); }
  static parse(text) { return new Uri(text); }
  static file(p) { return new Uri('file://' + encodeURI(p)); }
  toString() { return this.text; }
}
class EventEmitter {
  constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return { dispose() {} }; }; }
  fire(value) { for (const l of this.listeners) l(value); }
  dispose() {}
}
class MarkdownString {
  constructor(value = '') { this.value = value; }
  appendText(t) { this.value += t; return this; }
  appendCodeblock(t, l) { this.value += '```' + (l || '') + '\n' + t + '\n```\n'; return this; }
}
class WorkspaceEdit {
  constructor() { this.edits = []; }
  replace(uri, range, newText) { this.edits.push({ uri, range, newText }); }
  createFile() {} renameFile() {} deleteFile() {}
}
class CodeActionKind {
  constructor(value) { this.value = value; }
  append(part) { return new CodeActionKind(this.value ? `${this.value}.${part}` : part); }
}
CodeActionKind.Empty = new CodeActionKind('');

const providers = {};
const commands = {};
const emitters = { open: new EventEmitter(), change: new EventEmitter(), close: new EventEmitter(), config: new EventEmitter() };
const diagnostics = new Map();
const messages = [];
const documents = [];
const register = (name) => (selector, provider, ...rest) => { providers[name] = { provider, rest }; return { dispose() { delete providers[name]; } }; };

const vscode = {
  Position, Range, Uri, EventEmitter, MarkdownString, WorkspaceEdit, CodeActionKind,
  Location: class { constructor(uri, range) { Object.assign(this, { uri, range }); } },
  Hover: class { constructor(contents, range) { Object.assign(this, { contents, range }); } },
  Diagnostic: class { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  DiagnosticRelatedInformation: class { constructor(location, message) { Object.assign(this, { location, message }); } },
  CompletionItem: class { constructor(label, kind) { Object.assign(this, { label, kind }); } },
  CompletionList: class { constructor(items, isIncomplete) { Object.assign(this, { items, isIncomplete }); } },
  SnippetString: class { constructor(value) { this.value = value; } },
  TextEdit: { replace: (range, newText) => ({ range, newText }) },
  CodeAction: class { constructor(title, kind) { Object.assign(this, { title, kind }); } },
  DocumentSymbol: class { constructor(name, detail, kind, range, selectionRange) { Object.assign(this, { name, detail, kind, range, selectionRange }); } },
  SymbolInformation: class { constructor(name, kind, containerName, location) { Object.assign(this, { name, kind, containerName, location }); } },
  CodeLens: class { constructor(range, command) { Object.assign(this, { range, command }); } },
  version: '1.90.0',
  env: { appName: 'smoke test', language: 'en' },
  window: {
    createOutputChannel: () => ({ appendLine: (l) => process.env.SMOKE_LOG && console.log(l), append() {}, show() {}, dispose() {} }),
    showErrorMessage: (m) => { messages.push(['error', m]); return Promise.resolve(); },
    showWarningMessage: (m) => { messages.push(['warning', m]); return Promise.resolve(); },
    showInformationMessage: (m) => { messages.push(['info', m]); return Promise.resolve(); },
    activeTextEditor: undefined,
  },
  workspace: {
    workspaceFolders: [{ uri: Uri.file(root), name: 'covenant' }],
    textDocuments: documents,
    getConfiguration: () => ({ get: (key, fallback) => (key === 'server.path' ? covenantc : fallback) }),
    onDidOpenTextDocument: emitters.open.event,
    onDidChangeTextDocument: emitters.change.event,
    onDidCloseTextDocument: emitters.close.event,
    onDidChangeConfiguration: emitters.config.event,
    applyEdit: () => Promise.resolve(true),
  },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri, list) => diagnostics.set(uri.toString(), list),
      delete: (uri) => diagnostics.delete(uri.toString()),
      clear: () => diagnostics.clear(),
      dispose() {},
    }),
    registerHoverProvider: register('hover'),
    registerDefinitionProvider: register('definition'),
    registerReferenceProvider: register('references'),
    registerCompletionItemProvider: register('completion'),
    registerDocumentFormattingEditProvider: register('formatting'),
    registerCodeActionsProvider: register('codeAction'),
    registerDocumentSymbolProvider: register('documentSymbol'),
    registerCodeLensProvider: register('codeLens'),
  },
  commands: {
    registerCommand: (name, f) => { commands[name] = f; return { dispose() {} }; },
    executeCommand: () => Promise.resolve(),
  },
};

const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const extension = require(path.join(root, 'editors', 'vscode', 'extension.js'));

// ---- a document ----

function makeDocument(file, text) {
  const document = {
    uri: Uri.file(file), fileName: file, languageId: 'covenant', version: 1, text,
    getText() { return this.text; },
    offsetAt(p) { const lines = this.text.split('\n'); let o = 0; for (let i = 0; i < p.line; i++) o += lines[i].length + 1; return o + p.character; },
    positionAt(offset) { const before = this.text.slice(0, offset).split('\n'); return new Position(before.length - 1, before[before.length - 1].length); },
  };
  return document;
}

function find(document, needle, occurrence = 0) {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.text.indexOf(needle, at + 1);
  assert(at >= 0, `'${needle}' is in the document`);
  return document.positionAt(at);
}

const token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
const until = async (what, test, ms = 10000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { const value = test(); if (value) return value; await new Promise((r) => setTimeout(r, 20)); }
  throw new Error(`timed out waiting for ${what}`);
};

async function main() {
  let passed = 0;
  let failed = 0;
  const check = async (name, f) => {
    try { await f(); passed++; console.log(`ok   ${name}`); } catch (error) { failed++; console.log(`FAIL ${name}: ${error.stack || error}`); }
  };
  const file = path.join(root, 'covenants', 'boekel.covenant');
  const original = fs.readFileSync(file, 'utf8');
  const misspelt = original.replace('permit ggz -> wijkteam', 'permit ggzz -> wijkteam');
  assert.notStrictEqual(misspelt, original, 'the covenant has the line the smoke test changes');
  const document = makeDocument(file, misspelt);
  documents.push(document);
  const uri = document.uri.toString();

  const context = { subscriptions: [] };
  const extensionApi = extension.activate(context);

  await check('diagnostics on open: E201 at the misspelt name', async () => {
    const list = await until('diagnostics', () => diagnostics.get(uri) && diagnostics.get(uri).length && diagnostics.get(uri));
    const e201 = list.find((d) => (d.code && d.code.value ? d.code.value : d.code) === 'E201');
    assert(e201, `an E201 among ${list.map((d) => JSON.stringify(d.code)).join(', ')}`);
    const at = find(document, 'ggzz');
    assert.deepStrictEqual([e201.range.start.line, e201.range.start.character, e201.range.end.character], [at.line, at.character, at.character + 4]);
    assert.strictEqual(e201.severity, 0);
  });
  await check('hover on a party', async () => {
    const hover = await providers.hover.provider.provideHover(document, find(document, 'dorpsteam', 1), token);
    assert(hover && hover.contents.length && /Dorpsteam/.test(hover.contents.map((c) => c.value).join('\n')), JSON.stringify(hover));
  });
  await check('definition of a party', async () => {
    const locations = await providers.definition.provider.provideDefinition(document, find(document, 'dorpsteam', 2), token);
    const at = find(document, 'dorpsteam');
    assert(locations.length === 1 && locations[0].range.start.line === at.line, JSON.stringify(locations));
  });
  await check('references of a party', async () => {
    const locations = await providers.references.provider.provideReferences(document, find(document, 'dorpsteam'), { includeDeclaration: true }, token);
    assert(locations.length >= 3, JSON.stringify(locations));
  });
  await check('completion', async () => {
    const list = await providers.completion.provider.provideCompletionItems(document, find(document, 'ggzz'), token, { triggerKind: 0 });
    assert(list && list.items.length > 0, JSON.stringify(list));
  });
  await check('document symbols', async () => {
    const symbols = await providers.documentSymbol.provider.provideDocumentSymbols(document, token);
    assert(symbols.length > 5 && symbols.some((s) => s.name === 'dorpsteam' || /dorpsteam/.test(JSON.stringify(s))), JSON.stringify(symbols).slice(0, 300));
  });
  await check('formatting', async () => {
    const edits = await providers.formatting.provider.provideDocumentFormattingEdits(document, { tabSize: 2, insertSpaces: true }, token);
    assert(Array.isArray(edits), JSON.stringify(edits));
  });
  let fix;
  await check('code action: did you mean', async () => {
    const e201 = diagnostics.get(uri).find((d) => (d.code && d.code.value ? d.code.value : d.code) === 'E201');
    const actions = await providers.codeAction.provider.provideCodeActions(document, e201.range, { diagnostics: [e201], triggerKind: 1 }, token);
    fix = actions.find((a) => a.edit && a.edit.edits.some((e) => e.newText === 'ggz'));
    assert(fix, JSON.stringify(actions));
    assert(fix.diagnostics && fix.diagnostics.includes(e201), 'the action names the diagnostic it fixes');
  });
  await check('an incremental change clears the diagnostic', async () => {
    const edit = fix.edit.edits[0];
    const start = document.offsetAt(edit.range.start);
    const end = document.offsetAt(edit.range.end);
    document.text = document.text.slice(0, start) + edit.newText + document.text.slice(end);
    document.version++;
    emitters.change.fire({ document, contentChanges: [{ range: edit.range, rangeLength: end - start, text: edit.newText }] });
    await until('no E201', () => !(diagnostics.get(uri) || []).some((d) => (d.code && d.code.value ? d.code.value : d.code) === 'E201'));
    assert.strictEqual(document.text, original);
  });
  await check('code lenses run the tests', async () => {
    const lenses = await providers.codeLens.provider.provideCodeLenses(document, token);
    assert(lenses.length > 0 && lenses[0].command.command === 'covenant.runTests', JSON.stringify(lenses[0]));
    const result = await commands['covenant.runTests'](...lenses[0].command.arguments);
    assert(result !== null && result !== undefined, 'the command answered');
    await until('a message with the totals', () => messages.some(([, m]) => /\d/.test(m)));
  });
  await check('a literate covenant (Markdown) is checked too', async () => {
    const literate = path.join(root, 'covenants', 'woerden-wmo.covenant.md');
    const markdown = Object.assign(makeDocument(literate, fs.readFileSync(literate, 'utf8')), { languageId: 'markdown' });
    documents.push(markdown);
    emitters.open.fire(markdown);
    await until('diagnostics of the literate covenant', () => diagnostics.has(markdown.uri.toString()));
    const symbols = await providers.documentSymbol.provider.provideDocumentSymbols(markdown, token);
    assert(symbols.length > 5, JSON.stringify(symbols).slice(0, 200));
    emitters.close.fire(markdown);
  });
  await check('a server that dies is restarted and gets the open documents again', async () => {
    const { client } = extensionApi;
    const first = client.process;
    first.kill('SIGKILL');
    await until('a new server', () => client.running && client.process && client.process !== first);
    const hover = await providers.hover.provider.provideHover(document, find(document, 'dorpsteam', 1), token);
    assert(hover && hover.contents.length, 'the new server answers');
  });
  await check('close clears the diagnostics; stop ends the server', async () => {
    emitters.close.fire(document);
    assert(!diagnostics.has(uri));
    await extension.deactivate();
  });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((error) => { console.error(error); process.exit(1); });
