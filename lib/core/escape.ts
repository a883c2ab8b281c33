import { Token } from 'cdktf';

/**
 * API Gateway has a `${...}` syntax of its own (`${stageVariables.backend}` in URIs and
 * templates, IAM policy variables such as `${aws:username}`), and Terraform reads `${` and `%{`
 * in any string as its own interpolation and directive. Every string the library writes goes
 * through `literal()`, which escapes them (`$${`, `%%{`) so that API Gateway receives them as
 * written; the placeholders that cdktf puts in strings for tokens are left alone, so references
 * and variables keep working.
 */

const TOKEN_MARKER = /\$\{TfToken\[[a-zA-Z0-9:._-]+\]\}/g;
/** A `${` that does not open a token placeholder, or a `%{`: the strings that need escaping. */
const NEEDS_ESCAPE = /\$\{(?!TfToken\[)|%\{/;

function escapeText(text: string): string {
  return text.replace(/([$%])\{/g, '$1$1{');
}

function escapeString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  if (!Token.isUnresolved(value)) return escapeText(value);
  let out = '';
  let last = 0;
  for (const match of value.matchAll(TOKEN_MARKER)) {
    out += escapeText(value.slice(last, match.index)) + match[0];
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapeText(value.slice(last));
}

/** Escapes Terraform's template syntax in every string of a configuration (keys stay as they are). */
export function literal<T>(value: T): T {
  if (typeof value === 'string') return escapeString(value) as unknown as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (Token.isUnresolved(value) ? value : value.map(literal)) as unknown as T;
  // Resolvable objects (tokens, lazies) and class instances are not configuration to walk.
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: { [key: string]: unknown } = {};
  for (const [k, v] of Object.entries(value as { [key: string]: unknown })) out[k] = literal(v);
  return out as T;
}
