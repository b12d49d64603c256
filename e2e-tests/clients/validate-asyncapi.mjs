// Validates an AsyncAPI document with the AsyncAPI parser (the one behind `asyncapi validate`), resolving its $refs
// (the JSON Schemas beside it) from where it is: `node validate-asyncapi.mjs <url>`. Prints one JSON line:
// {"ok": true|false, "channels": n, "messages": n, "diagnostics": [{severity, code, message, path}]}.
import { Parser, fromURL } from '@asyncapi/parser';

const url = process.argv[2];
const { document, diagnostics } = await fromURL(new Parser(), url).parse();
const errors = diagnostics.filter(d => d.severity === 0);
console.log(JSON.stringify({
  ok: document !== undefined && errors.length === 0,
  channels: document ? document.channels().length : 0,
  messages: document ? document.messages().length : 0,
  diagnostics: diagnostics.map(d => ({ severity: d.severity, code: d.code, message: d.message, path: d.path })),
}));
