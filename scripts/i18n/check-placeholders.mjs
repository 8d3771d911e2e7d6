#!/usr/bin/env node
// Refuses a PO file whose translations break placeholders, so the build fails rather
// than a page showing "{nmae}" or losing a value. Usage: check-placeholders.mjs FILE.po…
//
// A placeholder is {name} (letters, digits, '_' and '.'). For each translated entry:
// - every brace must open or close a well-formed placeholder, and "{{" never appears
//   (templates would read it as mustache);
// - a translation may use only the placeholders of its English text;
// - it must use all of them, except that a plural form may leave out {count}
//   (French "un membre" for 1).
import { readPo } from './po.mjs';

const PLACEHOLDER = /\{([A-Za-z0-9_.]+)\}/g;
const names = (text) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]));

function problemsIn(text) {
  if (text.includes('{{') || text.includes('}}')) return 'contains "{{" or "}}"';
  const stripped = text.replace(PLACEHOLDER, '');
  if (stripped.includes('{') || stripped.includes('}')) return 'has a broken placeholder (a brace that opens or closes no {name})';
  return null;
}

let failures = 0;
for (const file of process.argv.slice(2)) {
  for (const entry of readPo(file)) {
    if (entry.msgid === '') continue;  // the header
    const where = `${file}:${entry.line}: "${entry.msgid}"`;
    const english = [entry.msgid, entry.msgid_plural].filter((t) => t !== undefined);
    for (const text of english) {
      const problem = problemsIn(text);
      if (problem) { console.error(`${where}: the English text ${problem}`); failures++; }
    }
    const allowed = new Set(english.flatMap((t) => [...names(t)]));
    entry.msgstr.forEach((translation, form) => {
      if (!translation) return;  // untranslated: falls back to English
      const problem = problemsIn(translation);
      if (problem) { console.error(`${where}: translation ${form} ${problem}`); failures++; return; }
      const used = names(translation);
      for (const name of used) {
        if (!allowed.has(name)) { console.error(`${where}: translation ${form} uses {${name}}, which the English text does not have`); failures++; }
      }
      for (const name of allowed) {
        const optional = entry.msgid_plural !== undefined && name === 'count';
        if (!used.has(name) && !optional) { console.error(`${where}: translation ${form} leaves out {${name}}`); failures++; }
      }
    });
  }
}
if (failures) {
  console.error(`check-placeholders: ${failures} problem(s)`);
  process.exit(1);
}
