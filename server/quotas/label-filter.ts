/**
 * F5's `label_filter`: a Kubernetes-style label selector, e.g. `env in (staging, testing),tier!=db`.
 * Requirements are separated by commas (outside parentheses) and all must hold:
 * `key`, `!key`, `key=value`, `key==value`, `key!=value`, `key in (a, b)`, `key notin (a, b)`.
 * Anything else is a 400, never a silently empty list.
 */
import { badRequest } from '../errors';

export type LabelRequirement =
  | { op: 'exists' | 'not_exists'; key: string }
  | { op: 'in' | 'notin'; key: string; values: string[] };

const KEY = '[A-Za-z0-9]([A-Za-z0-9._/-]{0,62}[A-Za-z0-9])?';
const VALUE = '[A-Za-z0-9._-]{0,1024}';
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^()]*)\\)$`);
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`);
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);
const VALUE_ONLY = new RegExp(`^${VALUE}$`);

function splitTopLevel(filter: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of filter) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (depth < 0 || depth > 1) throw badRequest('invalid label_filter: unbalanced parentheses', 'INVALID_ARGUMENT');
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  if (depth !== 0) throw badRequest('invalid label_filter: unbalanced parentheses', 'INVALID_ARGUMENT');
  return [...parts, current];
}

function parseRequirement(text: string): LabelRequirement {
  const part = text.trim();
  const set = SET.exec(part);
  if (set) {
    const values = set[4]!.split(',').map((v) => v.trim());
    if (values.some((v) => v === '' || !VALUE_ONLY.test(v))) throw badRequest(`invalid label_filter: bad value list in "${part}"`, 'INVALID_ARGUMENT');
    return { op: set[3] as 'in' | 'notin', key: set[1]!, values };
  }
  const equality = EQUALITY.exec(part);
  if (equality) return { op: equality[3] === '!=' ? 'notin' : 'in', key: equality[1]!, values: [equality[4]!] };
  const exists = EXISTS.exec(part);
  if (exists) return { op: exists[1] === '!' ? 'not_exists' : 'exists', key: exists[2]! };
  throw badRequest(`invalid label_filter: cannot read "${part.slice(0, 80)}"`, 'INVALID_ARGUMENT');
}

/** Parses a selector; an empty or blank filter selects everything. */
export function parseLabelFilter(filter: string | undefined): LabelRequirement[] {
  if (filter === undefined || filter.trim() === '') return [];
  return splitTopLevel(filter).map(parseRequirement);
}

export function matchesLabels(labels: Record<string, string>, requirements: readonly LabelRequirement[]): boolean {
  return requirements.every((req) => {
    const has = Object.hasOwn(labels, req.key);
    switch (req.op) {
      case 'exists': return has;
      case 'not_exists': return !has;
      case 'in': return has && req.values.includes(labels[req.key]!);
      case 'notin': return !has || !req.values.includes(labels[req.key]!);
    }
  });
}
