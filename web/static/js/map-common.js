// Shared by the community map's modules (map.js): calls to the map API, the words the
// map uses, and the elements it builds. Text from the server is only ever set with
// textContent, and links from the server are used only when they are paths on this site.

import { language, t, tn } from './i18n.js';

export const kSvgNs = 'http://www.w3.org/2000/svg';

// ---------------------------------------------------------------------------------------
// Talking to the API.

// The URL of an API path with the non-empty parameters of `params`, and `lang=` the
// page's language (<html lang>), so the API's messages come in the page's language.
export function apiUrl(path, params) {
  const url = new URL(path, window.location.origin);
  url.searchParams.set('lang', language);
  for (const [name, value] of Object.entries(params)) {
    if (value !== '' && value !== undefined && value !== null) url.searchParams.set(name, String(value));
  }
  return url;
}

// Fetches JSON; throws an Error whose message is the server's own sentence on failure.
export async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = body?.error?.message;  // the API's one error shape: {error: {status, message}}
    throw new Error(error || t('The server answered {status}.', { status: response.status }));
  }
  return body;
}

// A path on this site, or null: what the API gives as a link is used only when it is one.
export function sitePath(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null;
}

// Wraps `load` so that only the newest call's answer (or failure) comes back: an older
// call that ends later resolves to undefined instead. `forget()` makes every call still
// under way older than the newest, for when the page moves on without asking again (no
// role ticked): a late answer must not draw over what the page says now.
export function latestOnly(load) {
  let generation = 0;
  const latest = async (...args) => {
    const mine = ++generation;
    try {
      const result = await load(...args);
      return mine === generation ? result : undefined;
    } catch (error) {
      if (mine === generation) throw error;
      return undefined;
    }
  };
  latest.forget = () => { ++generation; };
  return latest;
}

// ---------------------------------------------------------------------------------------
// Words.

// A number written for the page's language ("1,900", "1900", "1 900").
export const number = (n) => n.toLocaleString(language);

// "12 members", in the page's language.
export const members = (n) => tn('{count} member', '{count} members', n);

// One role's count in words: the same messages as the server's (profiles/profile.cc), so
// each language agrees the role with the number.
function roleCount(name, n) {
  switch (name) {
    case 'affected': return tn('{count} affected', '{count} affected', n);
    case 'family': return tn('{count} family & friends', '{count} family & friends', n);
    case 'adviser': return tn('{count} adviser', '{count} advisers', n);
    case 'researcher': return tn('{count} researcher', '{count} researchers', n);
    case 'professional': return tn('{count} healthcare professional', '{count} healthcare professionals', n);
    case 'organisation': return tn('{count} organisation', '{count} organisations', n);
    default: return `${number(n)} ${name}`;
  }
}

// "12 members: 10 affected, 2 family & friends", as the API's totals say it.
export function roleSummary(count, counts, roles) {
  const parts = roleCounts(counts, roles);
  return parts ? tn('{count} member: {roles}', '{count} members: {roles}', count, { roles: parts }) : members(count);
}

// "10 affected, 2 family & friends" (no total), or "" when every count is 0.
export function roleCounts(counts, roles) {
  return roles.filter((r) => (counts?.[r.name] ?? 0) > 0).map((r) => roleCount(r.name, counts[r.name])).join(', ');
}

// ---------------------------------------------------------------------------------------
// Elements.

// A compact cell of role counts: each role's shape and number on screen (one short line
// even on a 360 px phone), the same counts in words for screen readers.
export function roleChips(counts, roles) {
  const cell = element('span', 'role-chips');
  const chips = element('span', 'role-chip-row');
  chips.setAttribute('aria-hidden', 'true');
  for (const role of roles) {
    const n = counts?.[role.name] ?? 0;
    if (n <= 0) continue;
    const chip = element('span', 'role-chip');
    chip.title = role.label;
    chip.append(shapeSvg(role, 14), number(n));
    chips.append(chip);
  }
  cell.append(chips, element('span', 'visually-hidden', roleCounts(counts, roles)));
  return cell;
}

export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// The role's shape as an SVG picture, hidden from screen readers (the words say it).
export function shapeSvg(role, size = 20) {
  const svg = document.createElementNS(kSvgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(kSvgNs, 'path');
  path.setAttribute('d', role.path);
  path.setAttribute('fill', role.colour);
  svg.append(path);
  return svg;
}

// One member of a card or of the list: their name (a link to the profile), their role,
// "(demo member)" for a synthetic one, "Send a message" when the API says the viewer
// may contact them, and the conditions whose communities they joined.
export function memberItem(member) {
  const item = element('li', 'member');
  const profile = sitePath(member.url);
  const name = profile ? element('a', 'member-name', member.display_name) : element('span', 'member-name', member.display_name);
  if (profile) name.href = profile;
  const role = element('span', 'member-role',
    member.verified ? t('{role}, verified', { role: member.role_label }) : member.role_label);
  item.append(name, ' ', role);
  if (member.synthetic) item.append(' ', element('span', 'member-demo', t('(demo member)')));
  const contact = sitePath(member.contact_url);
  if (contact) {
    const link = element('a', 'contact-link', t('Send a message'));
    link.href = contact;
    link.append(element('span', 'visually-hidden', ' ' + t('to {name}', { name: member.display_name })));
    item.append(' ', link);
  }
  if (Array.isArray(member.conditions) && member.conditions.length > 0) {
    item.append(element('span', 'member-conditions',
      t('Conditions: {names}', { names: member.conditions.map(String).join(', ') })));
  }
  return item;
}

