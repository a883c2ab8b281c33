import { createHash } from 'crypto';
import { IConstruct } from 'constructs';
import { unresolved } from './validation';

/**
 * Construct IDs the library chooses, built in one place. A construct ID becomes part of a
 * Terraform address, so it must be stable: derived from the key the construct is known by in
 * API Gateway, never from cdktf's token numbering, and distinct for distinct keys.
 */

/** `%`, `/` and `#` are escaped so that `chat/send` and `chat_send` get different IDs. */
function encodeKey(key: string): string {
  return key.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The ID of a construct known by a key among its siblings: `Response200`, `Route_$connect`.
 * A key given as a token is numbered by its position instead (`Response#0`), which no literal
 * key can produce.
 */
export function keyedId(prefix: string, key: unknown, index: number): string {
  if (typeof key !== 'string' || unresolved(key)) return `${prefix}#${index}`;
  return `${prefix}${encodeKey(key)}`;
}

const RESERVED_CHILD_IDS = new Set(['Resource', 'GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'ANY']);

/**
 * The ID of a child resource. Every variable path part (`{id}`, `{proxy+}`) gets the same ID:
 * API Gateway allows one among siblings, and a stable ID turns a rename (`{id}` → `{petId}`)
 * into an in-place update of `path_part` instead of a replacement that would briefly need two
 * variable siblings. A path part that is also the ID of the resource's own Terraform resource
 * or of a method (`Resource`, `GET`) is put in parentheses, which no path part contains.
 */
export function resourceId(pathPart: string): string {
  if (pathPart.startsWith('{')) return '{}';
  return RESERVED_CHILD_IDS.has(pathPart) ? `(${pathPart})` : pathPart;
}

/**
 * A name derived from a construct's path below its stack (`Auth/Token` → `Auth-Token`), for
 * resources whose name the user may leave out: stable as long as the construct stays where it
 * is, and made of letters, digits, `-` and `_` only. A name longer than `max` keeps its start
 * and ends with a hash of the whole path, so two long paths do not collide.
 */
export function nameFromPath(scope: IConstruct, max: number = 128): string {
  const segments = scope.node.scopes.slice(1).map((s) => s.node.id).filter((id) => id !== '');
  // The first scope below the app is the stack: its name is not part of the API's world.
  const below = segments.length > 1 ? segments.slice(1) : segments;
  const name = below.join('-').replace(/[^A-Za-z0-9_-]/g, '_');
  if (name.length <= max) return name;
  const hash = createHash('sha256').update(scope.node.path).digest('hex').slice(0, 8);
  return `${name.slice(0, max - 9)}-${hash}`;
}
