// Shared pieces of the hostile-link corpus (./hostileLinks): what a link is, the malicious strings
// planted in it, and how a study payload is packed into a share link.
import LZString from 'lz-string';
import type { Rng } from '../core/rng';
export type HostileKind = 'garbled' | 'corrupted' | 'query' | 'payload' | 'valid';
export interface HostileLink {
  kind: HostileKind;
  label: string;
  search: string;
  hash: string;
}

/** Text that must never reach the page as markup, a URL scheme, or invisible reordering. */
export const MALICIOUS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "'-alert(1)-'",
  'javascript:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  'a\u202Egnp.exe',
  '\u2066tiny\u2069',
  'ti\u200Bny',
  'x\u0000y',
  'line\nbreak',
  '\u001b[31mred',
  'tab\there',
  '\uFEFFbom',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  '%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  '&#60;script&#62;',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '\uD800',
  '\uDFFF\uD800',
  '😀'.repeat(30),
  'A'.repeat(5000),
  '',
  ' ',
  'ＴＩＮＹ',
  'tiny ',
  'TINY',
] as const;

export const pack = (json: string) => LZString.compressToEncodedURIComponent(json);
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.nextInt(xs.length)];
export type Json = Record<string, unknown>;
export const clone = (x: unknown) => JSON.parse(JSON.stringify(x)) as Json;
