// Reads a GNU gettext PO file into entries, for the build's checks and the per-language
// JSON of the scripts' strings. Handles what our catalogues use: comments, flags,
// msgctxt, msgid, msgid_plural, msgstr and msgstr[N], strings continued over lines.
import { readFileSync } from 'node:fs';

function unquote(text, where) {
  const m = /^"(.*)"$/.exec(text.trim());
  if (!m) throw new Error(`${where}: expected a quoted string, found ${text.trim()}`);
  return m[1].replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\' })[c] ?? c);
}

// Each entry: { msgctxt, msgid, msgid_plural, msgstr: [..], flags: Set, references: [..],
// line }.
export function readPo(path) {
  const lines = readFileSync(path, 'utf8').split('\n');
  const entries = [];
  let entry = null;
  let field = null;
  const finish = () => {
    if (entry && entry.msgid !== undefined) entries.push(entry);
    entry = null;
    field = null;
  };
  lines.forEach((raw, index) => {
    const where = `${path}:${index + 1}`;
    const line = raw.trim();
    if (line === '') { finish(); return; }
    if (line.startsWith('#~')) return;  // obsolete
    if (!entry) entry = { msgstr: [], flags: new Set(), references: [], line: index + 1 };
    if (line.startsWith('#:')) {
      entry.references.push(...line.slice(2).trim().split(/\s+/).map((r) => r.replace(/:\d+$/, '')));
      return;
    }
    if (line.startsWith('#,')) {
      for (const flag of line.slice(2).split(',')) entry.flags.add(flag.trim());
      return;
    }
    if (line.startsWith('#')) return;
    if (line.startsWith('"')) {
      if (!field) throw new Error(`${where}: a string continued after no keyword`);
      field.append(unquote(line, where));
      return;
    }
    const m = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`${where}: cannot read ${line}`);
    if (m[1] === 'msgctxt' && entry.msgid !== undefined) { finish(); entry = { msgstr: [], flags: new Set(), references: [], line: index + 1 }; }
    const value = unquote(m[3], where);
    if (m[1].startsWith('msgstr')) {
      const n = m[2] === undefined ? 0 : Number(m[2]);
      entry.msgstr[n] = value;
      field = { append: (s) => { entry.msgstr[n] += s; } };
    } else {
      const key = m[1];
      entry[key] = value;
      field = { append: (s) => { entry[key] += s; } };
    }
  });
  finish();
  return entries;
}

// The header's fields ("Plural-Forms" …) as an object.
export function headerOf(entries) {
  const header = entries.find((e) => e.msgid === '' && e.msgctxt === undefined);
  const fields = {};
  for (const line of (header?.msgstr[0] ?? '').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return fields;
}
