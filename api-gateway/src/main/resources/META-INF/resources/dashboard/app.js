'use strict';
// The dashboard: sign in with an API key, upload a CSV, review the suggested mapping, start the import and watch it.
// Everything goes through the public API. Values from files are only ever set as text (textContent, value).

const SAMPLE_BYTES = 256 * 1024;
const CORE = { email: 'Email', first_name: 'First name', last_name: 'Last name', unsubscribed: 'Unsubscribed' };
const TYPES = ['string', 'number', 'boolean', 'date'];
const state = { key: sessionStorage.getItem('contact-imports.api-key'), file: null, suggestions: null, properties: [], poll: null };
const $ = (id) => document.getElementById(id);

class ApiError extends Error {}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: { Authorization: `Bearer ${state.key}`, ...(options.headers ?? {}) } });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok) {
    throw new ApiError(body?.message ?? `The server answered ${response.status}.`);
  }
  return body;
}

function showError(error) {
  $('error').textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
  $('error').hidden = false;
  $('error').scrollIntoView({ block: 'nearest' });
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  return node;
}

function formatSize(bytes) {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// Sign in and out

async function signIn(event) {
  event.preventDefault();
  clearError();
  state.key = $('api-key').value.trim();
  try {
    await api('/contacts/imports?limit=1');
    sessionStorage.setItem('contact-imports.api-key', state.key);
    await showApp();
  } catch (error) {
    state.key = null;
    showError(error);
  }
}

function signOut() {
  sessionStorage.removeItem('contact-imports.api-key');
  location.reload();
}

async function showApp() {
  $('sign-in').hidden = true;
  ['new-import', 'history', 'sign-out'].forEach((id) => { $(id).hidden = false; });
  $('file').focus();
  await Promise.all([loadHistory(), loadSegments(), loadProperties()]);
}

async function loadProperties() {
  state.properties = (await api('/contact-properties?limit=100')).data;
}

async function loadSegments() {
  const segments = (await api('/segments?limit=100')).data;
  const box = $('segments');
  box.replaceChildren();
  if (segments.length === 0) {
    box.append(element('p', 'No segments yet.', { class: 'muted' }));
  }
  for (const segment of segments) {
    const label = element('label');
    const input = element('input', null, { type: 'checkbox', value: segment.id, name: 'segment' });
    label.append(input, ` ${segment.name}`);
    box.append(label);
  }
}

// Choosing a file and reviewing the suggestions

async function chooseFile(file) {
  clearError();
  if (!file) return;
  state.file = file;
  $('file-info').textContent = `${file.name} (${formatSize(file.size)})`;
  $('review').hidden = true;
  const form = new FormData();
  form.append('file', file.slice(0, SAMPLE_BYTES), file.name);
  try {
    await loadProperties();
    state.suggestions = await api('/contacts/imports/suggestions', { method: 'POST', body: form });
    renderReview(state.suggestions);
  } catch (error) {
    showError(error);
  }
}

function renderReview(suggestions) {
  const delimiter = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }[suggestions.delimiter] ?? suggestions.delimiter;
  $('detected').textContent = `Encoding ${suggestions.encoding}, separated by ${delimiter}, ${suggestions.header.length} columns.`;
  const head = $('preview').tHead;
  const headRow = element('tr');
  suggestions.header.forEach((column) => headRow.append(element('th', column, { scope: 'col' })));
  head.replaceChildren(headRow);
  const body = $('preview').tBodies[0];
  body.replaceChildren(...suggestions.sample_rows.map((row) => {
    const tr = element('tr');
    suggestions.header.forEach((_, i) => tr.append(element('td', row[i] ?? '')));
    return tr;
  }));
  const mapping = $('mapping').tBodies[0];
  mapping.replaceChildren(...suggestions.columns.map((column, i) => mappingRow(column, suggestions.sample_rows[0]?.[i] ?? '')));
  $('review').hidden = false;
}

function mappingRow(column, firstValue) {
  const tr = element('tr');
  const select = element('select', null, {
    'aria-label': `Import column ${column.header} as`, 'data-column': column.header, 'data-format': column.format ?? '',
  });
  for (const [value, label] of Object.entries(CORE)) select.append(element('option', label, { value }));
  for (const property of state.properties) {
    select.append(element('option', `Property ${property.key} (${property.type})`, { value: `existing:${property.key}` }));
  }
  select.append(element('option', 'New property', { value: 'new' }), element('option', "Don't import", { value: 'ignore' }));
  select.value = column.target === 'existing_property' ? `existing:${column.key}`
    : column.target === 'new_property' ? 'new' : column.target;

  const key = element('input', null, { type: 'text', 'aria-label': `Property key for ${column.header}` });
  key.value = column.key ?? '';
  const type = element('select', null, { 'aria-label': `Property type for ${column.header}` });
  TYPES.forEach((t) => type.append(element('option', t, { value: t })));
  type.value = column.type ?? 'string';
  const badge = element('span', 'new property', { class: 'badge' });
  const propertyCell = element('td');
  propertyCell.append(key, type, badge);
  const update = () => {
    const isNew = select.value === 'new';
    key.hidden = !isNew;
    type.hidden = !isNew;
    badge.hidden = !isNew;
    if (isNew && !key.value) key.value = column.header.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  };
  select.addEventListener('change', update);
  update();
  const name = element('th', column.header, { scope: 'row' });
  tr.append(name, element('td', firstValue), element('td'), propertyCell,
    element('td', `${column.reason} (${Math.round(column.confidence * 100)}%)`, { class: 'muted' }));
  tr.children[2].append(select);
  return tr;
}

function columnMap() {
  const map = { properties: {} };
  for (const row of $('mapping').tBodies[0].rows) {
    const select = row.querySelector('select[data-column]');
    const column = select.dataset.column;
    const choice = select.value;
    // Day/month dates are read in the order the suggestions found in the values (DD/MM/YYYY or MM/DD/YYYY).
    const property = (type) => (type === 'date' && select.dataset.format
      ? { column, type, format: select.dataset.format } : { column, type });
    if (choice in CORE) {
      if (map[choice]) throw new Error(`Only one column can be imported as ${CORE[choice].toLowerCase()}: “${map[choice]}” and “${column}”.`);
      map[choice] = column;
    } else if (choice.startsWith('existing:')) {
      const key = choice.slice('existing:'.length);
      if (map.properties[key]) throw new Error(`Only one column can fill the property ${key}.`);
      const type = state.properties.find((p) => p.key === key)?.type ?? 'string';
      map.properties[key] = property(type);
    } else if (choice === 'new') {
      const key = row.querySelector('input[type=text]').value.trim();
      if (!/^[A-Za-z0-9_]{1,50}$/.test(key)) throw new Error(`The property key for “${column}” must be 1 to 50 letters, digits or underscores.`);
      if (map.properties[key]) throw new Error(`Two columns would create the property ${key}.`);
      map.properties[key] = property(row.querySelectorAll('select')[1].value);
    }
  }
  if (!map.email) throw new Error('Choose the column that holds the email address.');
  return map;
}

function notImported() {
  return [...$('mapping').tBodies[0].rows].map((row) => row.querySelector('select[data-column]'))
    .filter((select) => select.value === 'ignore').map((select) => select.dataset.column);
}

// Starting the import and watching it

function start() {
  clearError();
  let map;
  try {
    map = columnMap();
  } catch (error) {
    showError(error);
    return;
  }
  const form = new FormData();
  form.append('file', state.file, state.file.name);
  form.append('column_map', JSON.stringify(map));
  form.append('on_conflict', document.querySelector('input[name=on-conflict]:checked').value);
  const segments = [...document.querySelectorAll('input[name=segment]:checked')].map((box) => ({ id: box.value }));
  if (segments.length > 0) form.append('segments', JSON.stringify(segments));
  // The columns reviewed and left out: a person's decision, which the next suggestions for the same headers follow.
  form.append('not_imported', JSON.stringify(notImported()));

  const request = new XMLHttpRequest();
  request.open('POST', '/contacts/imports');
  request.setRequestHeader('Authorization', `Bearer ${state.key}`);
  $('upload').hidden = false;
  $('start').disabled = true;
  request.upload.addEventListener('progress', (event) => {
    if (event.lengthComputable) {
      const percent = Math.round((event.loaded / event.total) * 100);
      $('upload-progress').value = percent;
      $('upload-percent').textContent = `${percent}%`;
    }
  });
  request.addEventListener('load', () => {
    $('start').disabled = false;
    let body = null;
    try { body = JSON.parse(request.responseText); } catch { body = null; }
    if (request.status === 201) {
      watch(body.id);
    } else {
      showError(new ApiError(body?.message ?? `The upload was refused (${request.status}).`));
    }
  });
  request.addEventListener('error', () => {
    $('start').disabled = false;
    showError(new Error('The upload did not reach the server. Check your connection and try again.'));
  });
  request.send(form);
}

function watch(id) {
  clearInterval(state.poll);
  $('current').hidden = false;
  $('current-title').textContent = `Import ${id}`;
  $('current-errors').onclick = () => downloadErrors(id);
  const refresh = async () => {
    try {
      const current = await api(`/contacts/imports/${id}`);
      renderCurrent(current);
      if (current.status === 'completed' || current.status === 'failed') {
        clearInterval(state.poll);
        await loadHistory();
      }
    } catch (error) {
      clearInterval(state.poll);
      showError(error);
    }
  };
  refresh();
  state.poll = setInterval(refresh, 1000);
  $('current').scrollIntoView({ block: 'nearest' });
}

function renderCurrent(current) {
  const counts = current.counts;
  $('current-status').textContent = current.status.replace('_', ' ');
  $('current-error').textContent = current.error ? ` — ${current.error.message}` : '';
  for (const name of ['total', 'created', 'updated', 'skipped', 'failed']) {
    $(`count-${name}`).textContent = counts[name].toLocaleString();
  }
  const processed = counts.created + counts.updated + counts.skipped + counts.failed;
  $('current-progress').max = Math.max(1, counts.total);
  $('current-progress').value = current.status === 'completed' ? Math.max(1, counts.total) : processed;
  $('current-errors').hidden = counts.failed === 0;
}

async function downloadErrors(id) {
  clearError();
  try {
    const response = await fetch(`/contacts/imports/${id}/errors?format=csv`, { headers: { Authorization: `Bearer ${state.key}` } });
    if (!response.ok) {
      const body = await response.json().catch(() => null);
      throw new ApiError(body?.message ?? `The server answered ${response.status}.`);
    }
    const link = element('a', null, { href: URL.createObjectURL(await response.blob()), download: `import-${id}-failed-rows.csv` });
    document.body.append(link);
    link.click();
    link.remove();
  } catch (error) {
    showError(error);
  }
}

async function loadHistory() {
  const imports = (await api('/contacts/imports?limit=20')).data;
  $('imports').tBodies[0].replaceChildren(...imports.map((item) => {
    const tr = element('tr');
    tr.append(element('td', item.created_at), element('td', item.file_name ?? ''), element('td', item.status.replace('_', ' ')));
    for (const name of ['total', 'created', 'updated', 'skipped', 'failed']) tr.append(element('td', item.counts[name].toLocaleString()));
    const actions = element('td');
    const view = element('button', 'View', { type: 'button', 'aria-label': `View import of ${item.file_name ?? item.id}` });
    view.addEventListener('click', () => watch(item.id));
    actions.append(view);
    tr.append(actions);
    return tr;
  }));
}

// Wiring

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
$('file').addEventListener('change', (event) => chooseFile(event.target.files[0]));
$('start').addEventListener('click', start);
$('refresh').addEventListener('click', () => loadHistory().catch(showError));
const dropZone = $('drop-zone');
dropZone.addEventListener('dragover', (event) => { event.preventDefault(); dropZone.classList.add('over'); });
dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('over');
  chooseFile(event.dataTransfer.files[0]);
});
if (state.key) {
  showApp().catch((error) => { showError(error); signOut(); });
}
