// One scenario, driven through one official Resend client (unchanged, pointed here by RESEND_BASE_URL):
//   node scenario.mjs sdk|cli|mcp <csv file>
// It exits non-zero, naming the step, as soon as the client sees something a user would not expect.
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Resend } from 'resend';

const [client, csvFile] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = (name) => path.join(here, 'node_modules', '.bin', name);
const columnMap = { email: 'Email', firstName: 'First Name', properties: { score: { column: 'Score', type: 'number' } } };
const badColumnMap = { email: 'No Such Column' };

function sdkClient() {
  const resend = new Resend(process.env.RESEND_API_KEY);
  const data = ({ data, error }) => {
    assert.equal(error, null, `unexpected error ${JSON.stringify(error)}`);
    return data;
  };
  const failure = ({ data, error }) => {
    assert.equal(data, null);
    return { statusCode: error.statusCode, name: error.name, message: error.message };
  };
  return {
    createSegment: async (name) => data(await resend.segments.create({ name })).id,
    createImport: async (file, map, segmentId) => resend.contacts.imports.create({
      file: new Blob([await readFile(file)], { type: 'text/csv' }), columnMap: map, onConflict: 'upsert',
      segments: segmentId ? [{ id: segmentId }] : undefined,
    }),
    created: (response) => data(response).id,
    failed: failure,
    getImport: async (id) => resend.contacts.imports.get(id),
    importOf: (response) => data(response),
    listImportIds: async (status) => data(await resend.contacts.imports.list({ status })).data.map((i) => i.id),
    getContact: async (email) => {
      const contact = data(await resend.contacts.get({ email }));
      return { email: contact.email, firstName: contact.first_name, score: contact.properties.score?.value };
    },
    contactSegmentIds: async (email) => data(await resend.contacts.segments.list({ email })).data.map((s) => s.id),
  };
}

function cliClient() {
  const run = (...args) => new Promise((resolve) => {
    // Answers go to stdout; with --json, an error is a JSON document on stderr after the SDK's own log lines.
    execFile(bin('resend'), [...args, '--json'], { env: process.env }, (error, stdout, stderr) => {
      resolve({ ok: !error, json: JSON.parse(error ? stderr.slice(stderr.lastIndexOf('\n{') + 1) : stdout) });
    });
  });
  const data = (result) => {
    assert.ok(result.ok, `unexpected error ${JSON.stringify(result.json)}`);
    return result.json;
  };
  return {
    createSegment: async (name) => data(await run('segments', 'create', '--name', name)).id,
    createImport: async (file, map, segmentId) => run('contacts', 'imports', 'create', '--file', file,
      '--column-map', JSON.stringify(map), '--on-conflict', 'upsert', ...(segmentId ? ['--segment-id', segmentId] : [])),
    created: (result) => data(result).id,
    failed: (result) => {
      assert.ok(!result.ok, 'the command should have failed');
      return { statusCode: result.json.error.statusCode, message: result.json.error.message };
    },
    getImport: async (id) => run('contacts', 'imports', 'get', id),
    importOf: (result) => data(result),
    listImportIds: async (status) => data(await run('contacts', 'imports', 'list', '--status', status)).data.map((i) => i.id),
    getContact: async (email) => {
      const contact = data(await run('contacts', 'get', email));
      return { email: contact.email, firstName: contact.first_name, score: contact.properties.score?.value };
    },
    contactSegmentIds: async (email) => data(await run('contacts', 'segments', email)).data.map((s) => s.id),
  };
}

/** The MCP server over stdio: JSON-RPC 2.0, one message per line. Tool results are text for an agent to read. */
async function mcpClient() {
  const server = spawn(bin('resend-mcp'), [], { env: process.env, stdio: ['pipe', 'pipe', 'inherit'] });
  const pending = new Map();
  createInterface({ input: server.stdout }).on('line', (line) => {
    const message = JSON.parse(line);
    pending.get(message.id)?.(message);
  });
  let nextId = 1;
  const rpc = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    server.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
  });
  await rpc('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'compat-test', version: '1' } });
  server.stdin.write(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }) + '\n');
  const tools = (await rpc('tools/list', {})).result.tools.map((t) => t.name);
  for (const tool of ['create-contact-import', 'get-contact-import', 'list-contact-imports', 'create-segment', 'get-contact']) {
    assert.ok(tools.includes(tool), `the MCP server offers ${tool}`);
  }
  const call = async (name, args) => {
    const { result } = await rpc('tools/call', { name, arguments: args });
    return { ok: !result.isError, text: result.content.map((c) => c.text).join('\n') };
  };
  const text = (result) => {
    assert.ok(result.ok, `unexpected tool error: ${result.text}`);
    return result.text;
  };
  const field = (body, label) => body.match(new RegExp(`${label}: (.*)`))?.[1];
  return {
    close: () => server.kill(),
    createSegment: async (name) => field(text(await call('create-segment', { name })), 'ID'),
    createImport: async (file, map, segmentId) => call('create-contact-import',
      { filePath: file, columnMap: map, onConflict: 'upsert', ...(segmentId ? { segmentIds: [segmentId] } : {}) }),
    created: (result) => field(text(result), 'Import ID'),
    failed: (result) => {
      assert.ok(!result.ok, 'the tool call should have failed');
      return JSON.parse(result.text.slice(result.text.indexOf('{')));
    },
    getImport: async (id) => call('get-contact-import', { id }),
    importOf: (result) => {
      const body = text(result);
      const count = (label) => Number(field(body, label));
      return { id: field(body, 'ID'), status: field(body, 'Status'), counts: {
        total: count('Total'), created: count('Created'), updated: count('Updated'), skipped: count('Skipped'), failed: count('Failed'),
      } };
    },
    listImportIds: async (status) => [...text(await call('list-contact-imports', { status })).matchAll(/^ID: (.*)$/gm)].map((m) => m[1]),
    getContact: async (email) => {
      const body = text(await call('get-contact', { email }));
      const properties = JSON.parse(field(body, 'Properties') ?? '{}');
      return { email: field(body, 'Email'), firstName: field(body, 'First name'), score: properties.score?.value };
    },
    contactSegmentIds: async (email) => [...text(await call('list-contact-segments', { email })).matchAll(/^ID: (.*)$/gm)].map((m) => m[1]),
  };
}

const api = client === 'sdk' ? sdkClient() : client === 'cli' ? cliClient() : await mcpClient();
try {
  const segmentId = await api.createSegment(`${client} compatibility`);
  assert.match(segmentId ?? '', /^[0-9a-f-]{36}$/, 'create segment answers an id');

  const importId = api.created(await api.createImport(csvFile, columnMap, segmentId));
  let current;
  for (let attempt = 0; attempt < 240; attempt++) {
    current = api.importOf(await api.getImport(importId));
    if (current.status === 'completed' || current.status === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.equal(current.status, 'completed', `import ${importId} completes`);
  assert.deepEqual({ ...current.counts }, { total: 3, created: 2, updated: 1, skipped: 0, failed: 0 });
  assert.ok((await api.listImportIds('completed')).includes(importId), 'the completed import is listed');
  assert.ok(!(await api.listImportIds('failed')).includes(importId), 'and not among failed ones');

  const email = `${client}-ada@example.com`;
  const contact = await api.getContact(email.toUpperCase());
  assert.deepEqual(contact, { email, firstName: 'Ada', score: 42.5 }, 'the contact as imported (the later row wins)');
  assert.deepEqual(await api.contactSegmentIds(email), [segmentId], 'the contact joined the segment');

  const rejected = api.failed(await api.createImport(csvFile, badColumnMap));
  assert.equal(rejected.statusCode, 422);
  assert.match(rejected.message, /No Such Column/);
  const missing = api.failed(await api.getImport(randomUUID()));
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.message, 'Contact import not found');
  console.log(JSON.stringify({ client, importId, segmentId, ok: true }));
} finally {
  api.close?.();
}
