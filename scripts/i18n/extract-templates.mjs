#!/usr/bin/env node
// Writes a .pot of the translatable text in mustache templates: every
// {{#t}}…{{/t}} section, its whitespace collapsed exactly as platform/templates.cc
// collapses it before looking it up. Usage: extract-templates.mjs OUT.pot TEMPLATE…
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const [output, ...templates] = process.argv.slice(2);
const quote = (s) => '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
const found = new Map();  // msgid -> [references]
for (const file of templates) {
  const text = readFileSync(file, 'utf8');
  const pattern = /\{\{#t\}\}([\s\S]*?)\{\{\/t\}\}/g;
  for (const m of text.matchAll(pattern)) {
    const msgid = m[1].replace(/\s+/g, ' ').trim();
    const reference = relative(process.cwd(), file);
    if (!found.has(msgid)) found.set(msgid, []);
    if (!found.get(msgid).includes(reference)) found.get(msgid).push(reference);
  }
}
let pot = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n';
for (const [msgid, references] of found) {
  pot += `#: ${references.join(' ')}\nmsgid ${quote(msgid)}\nmsgstr ""\n\n`;
}
writeFileSync(output, pot);
