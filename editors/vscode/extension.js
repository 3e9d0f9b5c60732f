// SPDX-License-Identifier: EUPL-1.2
// The Covenant extension: a small Language Server Protocol client for `covenantc lsp`, in plain
// JavaScript with no dependencies (no build step, no node_modules), so that the folder installs as
// it is. It starts the server over stdio (JSON-RPC 2.0 with Content-Length framing), keeps the
// open covenants in sync (.covenant files, and literate *.covenant.md files in Markdown), shows the
// server's diagnostics, and forwards hover, definition, references, completion, formatting, code
// actions, document symbols, code lenses and the server's commands (covenant.runTests).
'use strict';

const vscode = require('vscode');
const childProcess = require('child_process');

const SELECTOR = [
  { language: 'covenant', scheme: 'file' },
  { language: 'covenant', scheme: 'untitled' },
  { language: 'markdown', scheme: 'file', pattern: '**/*.covenant.md' },
];

/** Whether the server reads this document: a .covenant file or a literate *.covenant.md. */
function isCovenant(document) {
  if (document.uri.scheme !== 'file' && document.uri.scheme !== 'untitled') return false;
  return document.languageId === 'covenant' || document.fileName.endsWith('.covenant.md');
}

// ---- JSON-RPC over a child process's stdio ----

class Connection {
  constructor(input, output, log) {
    this.output = output;
    this.log = log;
    this.buffer = Buffer.alloc(0);
    this.nextId = 1;
    this.pending = new Map();
    this.onNotification = () => {};
    this.onRequest = () => null;
    this.closed = false;
    input.on('data', (chunk) => this.receive(chunk));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length:\s*(\d+)/i.exec(header);
      if (!length) {
        this.log(`dropped a message without Content-Length: ${header}`);
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const start = headerEnd + 4;
      const end = start + Number(length[1]);
      if (this.buffer.length < end) return;
      const body = this.buffer.subarray(start, end).toString('utf8');
      this.buffer = this.buffer.subarray(end);
      let message;
      try {
        message = JSON.parse(body);
      } catch (error) {
        this.log(`dropped a message that is not JSON: ${error.message}`);
        continue;
      }
      this.dispatch(message);
    }
  }

  dispatch(message) {
    this.log(message, 'received');
    if (message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), message.error));
      else waiting.resolve(message.result === undefined ? null : message.result);
    } else if (message.id !== undefined) {
      Promise.resolve()
        .then(() => this.onRequest(message.method, message.params))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result === undefined ? null : result }),
          (error) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } })
        );
    } else {
      this.onNotification(message.method, message.params);
    }
  }

  send(message) {
    if (this.closed) return;
    this.log(message, 'sent');
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.output.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.output.write(body);
  }

  request(method, params, token) {
    if (this.closed) return Promise.reject(new Error('the Covenant language server is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ jsonrpc: '2.0', id, method, params });
      if (token) {
        token.onCancellationRequested(() => {
          if (!this.pending.has(id)) return;
          this.pending.delete(id);
          this.notify('$/cancelRequest', { id });
          resolve(null);
        });
      }
    });
  }

  notify(method, params) {
    this.send({ jsonrpc: '2.0', method, params });
  }

  close() {
    this.closed = true;
    for (const waiting of this.pending.values()) waiting.reject(new Error('the Covenant language server stopped'));
    this.pending.clear();
  }
}

// ---- Conversions between LSP and VS Code ----

const toPosition = (p) => new vscode.Position(p.line, p.character);
const toRange = (r) => new vscode.Range(toPosition(r.start), toPosition(r.end));
const fromPosition = (p) => ({ line: p.line, character: p.character });
const fromRange = (r) => ({ start: fromPosition(r.start), end: fromPosition(r.end) });
const toUri = (uri) => vscode.Uri.parse(uri);
const SEVERITY = [undefined, 'Error', 'Warning', 'Information', 'Hint'];
const SHOW = [undefined, 'showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'showInformationMessage'];

function toMarkdown(content) {
  if (content === null || content === undefined) return undefined;
  if (Array.isArray(content)) return content.map(toMarkdown);
  if (typeof content === 'string') return new vscode.MarkdownString(content);
  if (content.kind === 'plaintext') return new vscode.MarkdownString().appendText(content.value);
  if (content.kind === 'markdown') return new vscode.MarkdownString(content.value);
  return new vscode.MarkdownString().appendCodeblock(content.value, content.language);
}

function toLocation(location) {
  if (location.targetUri) {
    return {
      originSelectionRange: location.originSelectionRange && toRange(location.originSelectionRange),
      targetUri: toUri(location.targetUri),
      targetRange: toRange(location.targetRange),
      targetSelectionRange: toRange(location.targetSelectionRange || location.targetRange),
    };
  }
  return new vscode.Location(toUri(location.uri), toRange(location.range));
}

function toLocations(result) {
  if (!result) return [];
  return (Array.isArray(result) ? result : [result]).map(toLocation);
}

const toTextEdit = (edit) => vscode.TextEdit.replace(toRange(edit.range), edit.newText);

function toWorkspaceEdit(lsp) {
  const edit = new vscode.WorkspaceEdit();
  if (!lsp) return edit;
  for (const [uri, edits] of Object.entries(lsp.changes || {})) {
    for (const e of edits) edit.replace(toUri(uri), toRange(e.range), e.newText);
  }
  for (const change of lsp.documentChanges || []) {
    if (change.kind === 'create') edit.createFile(toUri(change.uri), change.options);
    else if (change.kind === 'rename') edit.renameFile(toUri(change.oldUri), toUri(change.newUri), change.options);
    else if (change.kind === 'delete') edit.deleteFile(toUri(change.uri), change.options);
    else for (const e of change.edits) edit.replace(toUri(change.textDocument.uri), toRange(e.range), e.newText);
  }
  return edit;
}

function toCompletionItem(lsp) {
  const label = lsp.labelDetails
    ? { label: lsp.label, detail: lsp.labelDetails.detail, description: lsp.labelDetails.description }
    : lsp.label;
  const item = new vscode.CompletionItem(label, lsp.kind ? lsp.kind - 1 : undefined);
  item.detail = lsp.detail;
  item.documentation = toMarkdown(lsp.documentation);
  item.sortText = lsp.sortText;
  item.filterText = lsp.filterText;
  item.preselect = lsp.preselect;
  const text = lsp.textEdit ? lsp.textEdit.newText : lsp.insertText;
  if (text !== undefined) item.insertText = lsp.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
  if (lsp.textEdit) {
    item.range = lsp.textEdit.range
      ? toRange(lsp.textEdit.range)
      : { inserting: toRange(lsp.textEdit.insert), replacing: toRange(lsp.textEdit.replace) };
  }
  if (lsp.additionalTextEdits) item.additionalTextEdits = lsp.additionalTextEdits.map(toTextEdit);
  if (lsp.commitCharacters) item.commitCharacters = lsp.commitCharacters;
  if (lsp.command) item.command = toCommand(lsp.command);
  return item;
}

const toCommand = (lsp) => lsp && { title: lsp.title, command: lsp.command, arguments: lsp.arguments };

function toSymbol(lsp, uri) {
  if (lsp.location) {
    return new vscode.SymbolInformation(
      lsp.name, lsp.kind - 1, lsp.containerName || '',
      new vscode.Location(toUri(lsp.location.uri), toRange(lsp.location.range)));
  }
  const symbol = new vscode.DocumentSymbol(
    lsp.name, lsp.detail || '', lsp.kind - 1, toRange(lsp.range), toRange(lsp.selectionRange || lsp.range));
  symbol.children = (lsp.children || []).map((child) => toSymbol(child, uri));
  return symbol;
}

// ---- The client ----

class CovenantClient {
  constructor(context) {
    this.context = context;
    this.output = vscode.window.createOutputChannel('Covenant');
    this.diagnostics = vscode.languages.createDiagnosticCollection('covenant');
    /** The LSP diagnostic each VS Code diagnostic was made from, sent back with code action requests. */
    this.original = new WeakMap();
    this.registrations = [];
    this.synced = new Set();
    this.lensesChanged = new vscode.EventEmitter();
    this.crashes = [];
    this.stopping = false;
    /** True once the server answered `initialize`, until it stops. */
    this.running = false;
    /** Set when the server could not be started: requests do not try again until a restart. */
    this.broken = false;
    this.process = undefined;
    this.connection = undefined;
    this.ready = undefined;
  }

  log(line) {
    this.output.appendLine(line);
  }

  trace(message, direction) {
    const level = vscode.workspace.getConfiguration('covenant').get('trace.server', 'off');
    if (level === 'off') return;
    if (typeof message === 'string') return this.log(message);
    const id = message.id !== undefined ? ` (${message.id})` : '';
    const what = message.method ? `${message.method}${id}` : `response${id}`;
    this.log(`[${direction}] ${what}${level === 'verbose' ? `\n${JSON.stringify(message, null, 2)}` : ''}`);
  }

  /** Starts the server unless it runs; resolves when it answered `initialize`. */
  start(force) {
    if (this.ready) return this.ready;
    if (this.broken && !force) return Promise.resolve();
    this.broken = false;
    const config = vscode.workspace.getConfiguration('covenant');
    const command = config.get('server.path', 'covenantc') || 'covenantc';
    const args = config.get('server.arguments', ['lsp']);
    const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
    this.stopping = false;
    this.log(`starting ${command} ${args.join(' ')}`);
    let child;
    try {
      child = childProcess.spawn(command, args, {
        cwd: folder && folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      return this.failed(command, error);
    }
    this.process = child;
    const connection = new Connection(child.stdout, child.stdin, (m, d) => this.trace(m, d));
    this.connection = connection;
    connection.onNotification = (method, params) => this.notification(method, params);
    connection.onRequest = (method, params) => this.serverRequest(method, params);
    child.stderr.on('data', (chunk) => this.output.append(chunk.toString('utf8')));
    child.stdin.on('error', (error) => this.log(`writing to the server failed: ${error.message}`));
    const started = new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        connection.close();
        reject(new Error(`covenantc exited (${signal || code})`));
      });
      this.initialize(connection).then(resolve, reject);
    });
    child.on('exit', (code, signal) => this.exited(child, code, signal));
    this.ready = started.catch((error) => this.failed(command, error));
    return this.ready;
  }

  failed(command, error) {
    this.ready = undefined;
    this.teardown();
    if (this.stopping) return undefined;
    this.broken = true;
    const missing = error && error.code === 'ENOENT';
    const message = missing
      ? `Covenant: '${command}' was not found. Install covenantc and put it on PATH, or set covenant.server.path.`
      : `Covenant: the language server did not start: ${error && error.message}`;
    this.log(message);
    vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log').then((choice) => {
      if (choice === 'Open Settings') {
        vscode.commands.executeCommand('workbench.action.openSettings', 'covenant.server');
      }
      if (choice === 'Show Log') this.output.show();
    });
    return undefined;
  }

  async initialize(connection) {
    const folders = (vscode.workspace.workspaceFolders || []).map((f) => ({ uri: f.uri.toString(), name: f.name }));
    const result = await connection.request('initialize', {
      processId: process.pid,
      clientInfo: { name: vscode.env.appName, version: vscode.version },
      locale: vscode.env.language,
      rootUri: folders.length ? folders[0].uri : null,
      workspaceFolders: folders.length ? folders : null,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        workspace: {
          applyEdit: true,
          workspaceEdit: { documentChanges: true },
          codeLens: { refreshSupport: true },
          executeCommand: {},
          configuration: false,
        },
        textDocument: {
          synchronization: { didSave: false, willSave: false },
          publishDiagnostics: {
            relatedInformation: true, codeDescriptionSupport: true, tagSupport: { valueSet: [1, 2] },
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: true },
          references: {},
          completion: {
            completionItem: {
              snippetSupport: true,
              documentationFormat: ['markdown', 'plaintext'],
              labelDetailsSupport: true,
              insertReplaceSupport: true,
            },
            contextSupport: true,
          },
          formatting: {},
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
            isPreferredSupport: true,
          },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeLens: {},
        },
        window: { showMessage: {}, workDoneProgress: false },
      },
    });
    connection.notify('initialized', {});
    this.capabilities = (result && result.capabilities) || {};
    this.running = true;
    this.register();
    for (const document of vscode.workspace.textDocuments) this.open(document);
    this.log('the language server is running');
  }

  exited(child, code, signal) {
    if (child !== this.process) return;
    this.log(`the language server exited (${signal || code})`);
    const wasRunning = this.running;
    if (!wasRunning) return; // a server that never answered `initialize`: failed() reports it
    this.ready = undefined;
    this.teardown();
    if (this.stopping) return;
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < 3 * 60 * 1000).concat(now);
    if (this.crashes.length <= 4) {
      this.log('restarting the language server');
      this.start();
    } else {
      const message = 'Covenant: the language server stopped 5 times in 3 minutes and is not restarted.';
      vscode.window.showErrorMessage(message, 'Restart', 'Show Log').then((choice) => {
        if (choice === 'Restart') {
          this.crashes = [];
          this.start(true);
        }
        if (choice === 'Show Log') this.output.show();
      });
    }
  }

  /** Forgets a stopped server: its providers, its diagnostics and which documents it had. */
  teardown() {
    if (this.connection) this.connection.close();
    this.running = false;
    this.connection = undefined;
    this.process = undefined;
    for (const registration of this.registrations) registration.dispose();
    this.registrations = [];
    this.synced.clear();
    this.diagnostics.clear();
  }

  async stop() {
    this.stopping = true;
    const connection = this.connection;
    const child = this.process;
    if (!connection || !child) return;
    try {
      await Promise.race([connection.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      connection.notify('exit', null);
    } catch (error) {
      // The server is gone already.
    }
    const exited = new Promise((resolve) => {
      child.once('exit', resolve);
      setTimeout(() => {
        child.kill();
        resolve();
      }, 1000);
    });
    await exited;
    this.ready = undefined;
    this.teardown();
  }

  async restart() {
    await this.stop();
    this.crashes = [];
    await this.start(true);
  }

  // -- what the server sends --

  notification(method, params) {
    if (method === 'textDocument/publishDiagnostics') {
      const uri = toUri(params.uri);
      this.diagnostics.set(uri, params.diagnostics.map((d) => this.toDiagnostic(d)));
    } else if (method === 'window/showMessage') {
      vscode.window[SHOW[params.type] || 'showInformationMessage'](params.message);
    } else if (method === 'window/logMessage') {
      this.log(params.message);
    }
  }

  serverRequest(method, params) {
    switch (method) {
      case 'workspace/applyEdit':
        return vscode.workspace.applyEdit(toWorkspaceEdit(params.edit)).then((applied) => ({ applied }));
      case 'workspace/codeLens/refresh':
        this.lensesChanged.fire();
        return null;
      case 'window/showMessageRequest': {
        const titles = (params.actions || []).map((a) => a.title);
        return vscode.window[SHOW[params.type] || 'showInformationMessage'](params.message, ...titles)
          .then((title) => (title ? { title } : null));
      }
      case 'window/showDocument':
        return vscode.window
          .showTextDocument(toUri(params.uri), { selection: params.selection && toRange(params.selection) })
          .then(() => ({ success: true }), () => ({ success: false }));
      case 'workspace/configuration':
        return (params.items || []).map(() => null);
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
        return null;
      default:
        throw new Error(`unhandled request ${method}`);
    }
  }

  toDiagnostic(lsp) {
    const severity = vscode.DiagnosticSeverity[SEVERITY[lsp.severity || 1]];
    const diagnostic = new vscode.Diagnostic(toRange(lsp.range), lsp.message, severity);
    if (lsp.code !== undefined) {
      diagnostic.code = lsp.codeDescription ? { value: lsp.code, target: toUri(lsp.codeDescription.href) } : lsp.code;
    }
    diagnostic.source = lsp.source;
    if (lsp.relatedInformation) {
      diagnostic.relatedInformation = lsp.relatedInformation.map(
        (r) => new vscode.DiagnosticRelatedInformation(
          new vscode.Location(toUri(r.location.uri), toRange(r.location.range)), r.message));
    }
    if (lsp.tags) diagnostic.tags = lsp.tags;
    this.original.set(diagnostic, lsp);
    return diagnostic;
  }

  // -- documents --

  open(document) {
    const key = document.uri.toString();
    if (!this.running || !isCovenant(document) || this.synced.has(key)) return;
    this.synced.add(key);
    this.connection.notify('textDocument/didOpen', {
      textDocument: { uri: key, languageId: document.languageId, version: document.version, text: document.getText() },
    });
  }

  change(event) {
    const key = event.document.uri.toString();
    if (!this.running || !this.synced.has(key) || event.contentChanges.length === 0) return;
    const sync = this.capabilities.textDocumentSync;
    const kind = typeof sync === 'number' ? sync : sync && sync.change !== undefined ? sync.change : 1;
    if (kind === 0) return;
    const contentChanges = kind === 2
      ? event.contentChanges.map((c) => ({ range: fromRange(c.range), rangeLength: c.rangeLength, text: c.text }))
      : [{ text: event.document.getText() }];
    this.connection.notify('textDocument/didChange', {
      textDocument: { uri: key, version: event.document.version },
      contentChanges,
    });
  }

  close(document) {
    const key = document.uri.toString();
    if (!this.running || !this.synced.delete(key)) return;
    this.connection.notify('textDocument/didClose', { textDocument: { uri: key } });
    this.diagnostics.delete(document.uri);
  }

  // -- requests VS Code asks for --

  async ask(method, params, token) {
    await this.start();
    if (!this.running) return null;
    try {
      return await this.connection.request(method, params, token);
    } catch (error) {
      this.log(`${method} failed: ${error.message}`);
      return null;
    }
  }

  register() {
    const caps = this.capabilities;
    const doc = (document) => ({ uri: document.uri.toString() });
    const at = (document, position) => ({ textDocument: doc(document), position: fromPosition(position) });
    const add = (registration) => this.registrations.push(registration);
    const languages = vscode.languages;

    if (caps.hoverProvider) {
      add(languages.registerHoverProvider(SELECTOR, {
        provideHover: async (document, position, token) => {
          const hover = await this.ask('textDocument/hover', at(document, position), token);
          if (!hover || !hover.contents) return null;
          const contents = toMarkdown(hover.contents);
          return new vscode.Hover(Array.isArray(contents) ? contents : [contents], hover.range && toRange(hover.range));
        },
      }));
    }
    if (caps.definitionProvider) {
      add(languages.registerDefinitionProvider(SELECTOR, {
        provideDefinition: async (document, position, token) =>
          toLocations(await this.ask('textDocument/definition', at(document, position), token)),
      }));
    }
    if (caps.referencesProvider) {
      add(languages.registerReferenceProvider(SELECTOR, {
        provideReferences: async (document, position, context, token) => {
          const params = { ...at(document, position), context: { includeDeclaration: context.includeDeclaration } };
          return toLocations(await this.ask('textDocument/references', params, token));
        },
      }));
    }
    if (caps.completionProvider) {
      const triggers = caps.completionProvider.triggerCharacters || [];
      add(languages.registerCompletionItemProvider(SELECTOR, {
        provideCompletionItems: async (document, position, token, context) => {
          const result = await this.ask('textDocument/completion', {
            ...at(document, position),
            context: { triggerKind: context.triggerKind + 1, triggerCharacter: context.triggerCharacter },
          }, token);
          if (!result) return null;
          const items = Array.isArray(result) ? result : result.items || [];
          const incomplete = !Array.isArray(result) && !!result.isIncomplete;
          return new vscode.CompletionList(items.map(toCompletionItem), incomplete);
        },
      }, ...triggers));
    }
    if (caps.documentFormattingProvider) {
      add(languages.registerDocumentFormattingEditProvider(SELECTOR, {
        provideDocumentFormattingEdits: async (document, options, token) => {
          const edits = await this.ask('textDocument/formatting', {
            textDocument: doc(document),
            options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
          }, token);
          return (edits || []).map(toTextEdit);
        },
      }));
    }
    if (caps.codeActionProvider) {
      add(languages.registerCodeActionsProvider(SELECTOR, {
        provideCodeActions: async (document, range, context, token) => {
          const shown = context.diagnostics;
          const result = await this.ask('textDocument/codeAction', {
            textDocument: doc(document),
            range: fromRange(range),
            context: {
              diagnostics: shown.map((d) => this.original.get(d)).filter(Boolean),
              only: context.only ? [context.only.value] : undefined,
              triggerKind: context.triggerKind,
            },
          }, token);
          return (result || []).map((lsp) => {
            if (typeof lsp.command === 'string') return toCommand(lsp);
            const kind = lsp.kind ? vscode.CodeActionKind.Empty.append(lsp.kind) : undefined;
            const action = new vscode.CodeAction(lsp.title, kind);
            if (lsp.edit) action.edit = toWorkspaceEdit(lsp.edit);
            if (lsp.command) action.command = toCommand(lsp.command);
            action.isPreferred = lsp.isPreferred;
            if (lsp.diagnostics) {
              const same = (a, b) => a.message === b.message && a.range.start.line === b.range.start.line
                && a.range.start.character === b.range.start.character;
              action.diagnostics = shown.filter((d) => {
                const original = this.original.get(d);
                return original && lsp.diagnostics.some((l) => same(l, original));
              });
            }
            return action;
          });
        },
      }, {
        providedCodeActionKinds: (caps.codeActionProvider.codeActionKinds || [])
          .map((k) => vscode.CodeActionKind.Empty.append(k)),
      }));
    }
    if (caps.documentSymbolProvider) {
      add(languages.registerDocumentSymbolProvider(SELECTOR, {
        provideDocumentSymbols: async (document, token) =>
          ((await this.ask('textDocument/documentSymbol', { textDocument: doc(document) }, token)) || [])
            .map((s) => toSymbol(s, document.uri)),
      }));
    }
    if (caps.codeLensProvider) {
      add(languages.registerCodeLensProvider(SELECTOR, {
        onDidChangeCodeLenses: this.lensesChanged.event,
        provideCodeLenses: async (document, token) =>
          ((await this.ask('textDocument/codeLens', { textDocument: doc(document) }, token)) || [])
            .map((lens) => new vscode.CodeLens(toRange(lens.range), toCommand(lens.command))),
      }));
    }
    this.serverCommands = new Set((caps.executeCommandProvider && caps.executeCommandProvider.commands) || []);
  }

  /** Runs one of the server's commands (workspace/executeCommand). */
  async execute(command, args) {
    await this.start();
    if (!this.serverCommands || !this.serverCommands.has(command)) {
      vscode.window.showWarningMessage(`Covenant: the language server does not offer '${command}'.`);
      return null;
    }
    return this.ask('workspace/executeCommand', { command, arguments: args });
  }
}

// ---- Activation ----

let client;

function activate(context) {
  client = new CovenantClient(context);
  const subscriptions = context.subscriptions;
  subscriptions.push(client.output, client.diagnostics, client.lensesChanged);
  const startIfNeeded = (document) => {
    if (!isCovenant(document)) return;
    if (client.running) client.open(document);
    else client.start();
  };
  subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startIfNeeded),
    vscode.workspace.onDidChangeTextDocument((event) => client.change(event)),
    vscode.workspace.onDidCloseTextDocument((document) => client.close(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('covenant.server')) client.restart();
    }),
    vscode.commands.registerCommand('covenant.restartServer', () => client.restart()),
    // The command of the test code lenses (with the document's URI), and of the command palette
    // (for the active editor's covenant).
    vscode.commands.registerCommand('covenant.runTests', (uri) => {
      const editor = vscode.window.activeTextEditor;
      const active = editor && isCovenant(editor.document) ? editor.document.uri.toString() : undefined;
      const target = uri ? String(uri) : active;
      if (!target) {
        vscode.window.showInformationMessage('Covenant: open a covenant to run its tests.');
        return null;
      }
      return client.execute('covenant.runTests', [target]);
    })
  );
  // The server starts with the first covenant, not with every Markdown file.
  for (const document of vscode.workspace.textDocuments) startIfNeeded(document);
  return { client };
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, Connection, isCovenant };
