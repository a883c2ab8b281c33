// A syntax checker for java.util.regex.Pattern (Java 17), the dialect API Gateway uses for selection
// patterns. It follows the steps of OpenJDK's own recursive-descent parser (a cursor over code points
// ending in two NULs, a \Q...\E pre-pass, (?x) comment skipping) because Java's quirks are only
// reproducible that way: a dangling `]` or `}` is a literal, `{2}` alone compiles, `\1` needs no group,
// `[\1]` is an error, `[]a]` is a class, a digit straight after \Q is protected with \x3.
//
// Property names: general categories, POSIX (\p{Alpha}), java.lang.Character (\p{javaLowerCase}) and
// the binary properties after `Is` (\p{IsAlphabetic}) are validated strictly against Java 17's lists.
// Unicode scripts (\p{IsLatin}, \p{sc=Latn}), blocks (\p{InGreek}, \p{blk=...}) and character names
// (\N{...}) are only checked for shape: Java knows ~160 scripts with aliases, ~320 blocks in three
// spellings and every Unicode character name, and each Java release adds some. Known gap: a well-formed
// but unknown name such as \p{IsFoo}, \p{IsEmoji} (Java 21+) or \N{AB} is accepted here, rejected by Java;
// so is a reversed range such as [\N{LATIN SMALL LETTER Z}-a].
//
// Look-behind needs "an obvious maximum length". Java decides that with TreeInfo.study() over its node
// graph, 32-bit overflow included, so (?<=a+) and (?<=(a)*+) compile on Java 17 while (?<=(ab)*+),
// (?<=(a|b){2}) and (?<=\1) do not. study() below ports that walk over a reduced node list.

const MAX = 0x7fffffff;
const UNIX_LINES = 1;
const COMMENTS = 4;
const CANON_EQ = 128;
const UNICODE_CLASS = 256;
const FLAGS: { [flag: string]: number } = { i: 2, m: 8, s: 32, d: UNIX_LINES, u: 64, c: CANON_EQ, x: COMMENTS, U: UNICODE_CLASS | 64 };
const ESCAPES: { [escape: string]: number } = { a: 7, e: 27, f: 12, n: 10, r: 13, t: 9 };

const words = (s: string) => new Set(s.split(' '));
// CharPredicates.forProperty (case-sensitive): general categories, POSIX and java.lang.Character names.
const PROPERTIES = words('Cn Lu Ll Lt Lm Lo Mn Me Mc Nd Nl No Zs Zl Zp Cc Cf Co Cs Pd Ps Pe Pc Po Sm Sc Sk So Pi Pf L M N Z C P S LC LD L1 all '
  + 'ASCII Alnum Alpha Blank Cntrl Digit Graph Lower Print Punct Space Upper XDigit javaLowerCase javaUpperCase javaAlphabetic '
  + 'javaIdeographic javaTitleCase javaDigit javaDefined javaLetter javaLetterOrDigit javaJavaIdentifierStart javaJavaIdentifierPart '
  + 'javaUnicodeIdentifierStart javaUnicodeIdentifierPart javaIdentifierIgnorable javaSpaceChar javaWhitespace javaISOControl javaMirrored');
// CharPredicates.forPOSIXName (upper-cased): after `Is`, and without prefix under (?U).
const UNICODE_POSIX = words('ALPHA LOWER UPPER SPACE PUNCT XDIGIT ALNUM CNTRL DIGIT BLANK GRAPH PRINT');
// CharPredicates.getUnicodePredicate (upper-cased) in Java 17; the Emoji properties came in Java 21.
const BINARY_PROPERTIES = words('ALPHABETIC ASSIGNED CONTROL HEXDIGIT HEX_DIGIT IDEOGRAPHIC JOINCONTROL JOIN_CONTROL LETTER LOWERCASE '
  + 'NONCHARACTERCODEPOINT NONCHARACTER_CODE_POINT TITLECASE PUNCTUATION UPPERCASE WHITESPACE WHITE_SPACE WORD');
const isScript = (s: string) => /^[A-Za-z][A-Za-z_]*$/.test(s);
const isBlock = (s: string) => /^[A-Za-z][A-Za-z0-9 _-]*$/.test(s);

function knownProperty(name: string, unicodeClass: boolean): boolean {
  const eq = name.indexOf('=');
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if (key === 'sc' || key === 'script') return isScript(value);
    if (key === 'blk' || key === 'block') return isBlock(value);
    return (key === 'gc' || key === 'general_category') && PROPERTIES.has(value);
  }
  if (name.startsWith('In')) return isBlock(name.slice(2));
  if (!name.startsWith('Is')) return (unicodeClass && UNICODE_POSIX.has(name.toUpperCase())) || PROPERTIES.has(name);
  const rest = name.slice(2);
  return BINARY_PROPERTIES.has(rest.toUpperCase()) || UNICODE_POSIX.has(rest.toUpperCase()) || PROPERTIES.has(rest) || isScript(rest);
}

const chr = (c: number) => (c >= 0 && c <= 0x10ffff ? String.fromCodePoint(c) : '\ufffd');
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isHex = (c: number) => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
const hexValue = (c: number) => (isDigit(c) ? c - 48 : (c | 32) - 87);
const isOctal = (c: number) => c >= 48 && c <= 55;
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

// The parts of Pattern's node graph that study() reads; zero-width nodes are left out.
type Node =
  | { readonly k: 'len'; readonly min: number; readonly max: number; readonly det: boolean } // characters, slices, \R, \X
  | { readonly k: 'ref' } | { readonly k: 'loop' } // back reference; Loop (a non-deterministic repeated group)
  | { readonly k: 'greedy'; readonly min: number } // CharPropertyGreedy: x* or x+ on a single character
  | { readonly k: 'ques'; readonly atom: Node[]; readonly independent: boolean }
  | { readonly k: 'curly'; readonly atom: Node[]; readonly min: number; readonly max: number }
  | { readonly k: 'branch'; readonly alts: Node[][] }; // the rest of the branch's list is its continuation
interface Quantifier { readonly open: boolean; readonly min: number; readonly max: number; readonly type: string }
interface Info { min: number; max: number; valid: boolean; det: boolean }

/** A one-character CharProperty: only this very object may become a CharPropertyGreedy. */
const CHAR: Node = { k: 'len', min: 1, max: 1, det: true };
const fresh = (): Info => ({ min: 0, max: 0, valid: true, det: true });

function study(nodes: Node[], from: number, f: Info): void {
  for (let i = from; i < nodes.length; i++) {
    const n = nodes[i];
    if (n.k === 'len') {
      f.min = (f.min + n.min) | 0; f.max = (f.max + n.max) | 0; f.det = f.det && n.det;
    } else if (n.k === 'ref') {
      f.valid = false;
    } else if (n.k === 'loop') {
      f.valid = false; f.det = false;
      return;
    } else if (n.k === 'greedy') {
      f.min = (f.min + n.min) | 0; f.det = false;
      if (f.valid) f.max = (f.max + MAX) | 0;
    } else if (n.k === 'ques') {
      const min = f.min;
      study(n.atom, 0, f);
      if (!n.independent) { f.min = min; f.det = false; }
    } else if (n.k === 'curly') {
      const a = fresh();
      study(n.atom, 0, a);
      const min = (Math.imul(a.min, n.min) + f.min) | 0;
      f.min = min < f.min ? 0xfffffff : min;
      const max = (Math.imul(a.max, n.max) + f.max) | 0;
      f.valid = f.valid && a.valid && max >= f.max;
      f.max = f.valid ? max : a.max;
      f.det = a.det && n.min === n.max && f.det;
    } else {
      let min = MAX; let max = -1; let valid = f.valid;
      for (const alt of n.alts) {
        const a = fresh();
        study(alt, 0, a);
        min = Math.min(min, a.min); max = Math.max(max, a.max); valid = valid && a.valid;
      }
      const rest = fresh();
      study(nodes, i + 1, rest);
      f.min = (rest.min + f.min + min) | 0; f.max = (rest.max + ((f.max + max) | 0)) | 0; f.valid = rest.valid && valid; f.det = false;
      return;
    }
  }
}

class Problem {
  constructor(public readonly message: string) {}
}

class Parser {
  private readonly t: number[] = []; // code points after \Q...\E removal, then two NULs: Java's `temp`
  private readonly at: number[] = []; // for each entry of t, its UTF-16 index in the original pattern
  private readonly n: number;
  private c = 0;
  private flags = 0;
  private groups = 1;
  private readonly names = new Set<string>();
  private escaped: Node[] = []; // what the last escape() returning -1 stood for

  constructor(pattern: string) {
    const cps: number[] = [];
    const pos: number[] = [];
    for (let i = 0; i < pattern.length; i += cps[cps.length - 1] > 0xffff ? 2 : 1) { cps.push(pattern.codePointAt(i) ?? 0); pos.push(i); }
    this.unquote(cps, pos);
    this.n = this.t.length;
    this.t.push(0, 0);
    this.at.push(pattern.length, pattern.length);
  }

  public check(): void {
    this.expr();
    if (this.c === this.n) return;
    if (this.peek() === 41) this.fail('unmatched closing ")"', this.c);
    this.fail(this.c === this.n + 1 && this.t[this.n - 1] === 92 ? 'trailing unescaped backslash' : 'unexpected end of pattern');
  }

  // Pattern.RemoveQEQuoting: \Q...\E turns into escaped literals before parsing, even inside [...].
  private unquote(s: number[], pos: number[]): void {
    const push = (c: number, from: number) => { this.t.push(c); this.at.push(pos[from]); };
    let i = 0;
    while (i < s.length - 1 && !(s[i] === 92 && s[i + 1] === 81)) i += s[i] === 92 ? 2 : 1;
    const found = i < s.length - 1;
    s.slice(0, found ? i : s.length).forEach((c, k) => push(c, k));
    if (!found) return;
    let quoted = true; let begin = true;
    for (i += 2; i < s.length;) {
      const c = s[i++];
      if (c > 127 || isAlpha(c)) push(c, i - 1);
      else if (isDigit(c)) { if (begin) [92, 120, 51].forEach((e) => push(e, i - 1)); push(c, i - 1); }
      else if (c !== 92) { if (quoted) push(92, i - 1); push(c, i - 1); }
      else if (quoted) { if (s[i] === 69) { i++; quoted = false; } else { push(92, i - 1); push(92, i - 1); } }
      else if (s[i] === 81) { i++; quoted = true; begin = true; continue; }
      else { push(c, i - 1); if (i !== s.length) { push(s[i], i); i++; } }
      begin = false;
    }
  }

  private fail(message: string, at = this.c - 1): never {
    throw new Problem(`${message} at index ${this.at[Math.max(0, Math.min(at, this.n))]}`);
  }
  private has(flag: number): boolean { return (this.flags & flag) !== 0; }
  private get(i: number): number { return i > this.n + 1 ? this.fail('unexpected end of pattern', this.n) : this.t[i]; }
  private peek(): number { return this.pastSpace(this.get(this.c), false); }
  private read(): number { return this.pastSpace(this.get(this.c++), true); }
  private next(): number { return this.pastSpace(this.get(++this.c), false); }
  private skip(): number { this.c += 2; return this.get(this.c - 1); }
  private unread(): void { this.c--; }

  // Under (?x) whitespace and #-comments vanish wherever Java calls peek/read/next (not inside escapes).
  private pastSpace(ch: number, consume: boolean): number {
    if (!this.has(COMMENTS)) return ch;
    const step = () => (consume ? this.get(this.c++) : this.get(++this.c));
    const lineEnd = (c: number) => c === 10 || (!this.has(UNIX_LINES) && (c === 13 || (c | 1) === 0x2029 || c === 0x85));
    while (isSpace(ch) || ch === 35) {
      while (isSpace(ch)) ch = step();
      if (ch !== 35) continue;
      do ch = step(); while (ch !== 0 && !lineEnd(ch));
      if (ch === 0 && this.c > this.n) { this.c = this.n; ch = consume ? this.get(this.c++) : this.get(this.c); }
    }
    return ch;
  }

  private expr(): Node[] {
    const alts = [this.sequence()];
    while (this.peek() === 124) { this.next(); alts.push(this.sequence()); }
    return alts.length === 1 ? alts[0] : [{ k: 'branch', alts }];
  }

  private sequence(): Node[] {
    const out: Node[] = [];
    for (;;) {
      const ch = this.peek();
      let atom: Node[];
      switch (chr(ch)) {
        case '(': this.group(out); continue;
        case '[': this.clazz(true); atom = this.charClass(); break;
        case '^': case '$': this.next(); atom = []; break;
        case '.': this.next(); atom = [CHAR]; break;
        case '|': case ')': return out;
        case '?': case '*': case '+': this.next(); this.fail(`dangling quantifier "${chr(ch)}" with nothing to repeat`);
        default:
          if (ch === 0 && this.c >= this.n) return out;
          atom = this.atom();
      }
      out.push(...this.quantified(atom, this.quantifier()));
    }
  }

  private quantified(atom: Node[], q: Quantifier | undefined): Node[] {
    if (!q) return atom;
    if (!q.open && q.min === 0 && q.max === 1) return [{ k: 'ques', atom, independent: false }];
    if (q.open && q.type === 'greedy' && atom.length === 1 && atom[0] === CHAR) return [{ k: 'greedy', min: q.min }];
    return [{ k: 'curly', atom, min: q.min, max: q.max }];
  }

  // Under (?c) classes and properties become an NFCCharProperty: no CharProperty, and not deterministic.
  private charClass(): Node[] {
    return [this.has(CANON_EQ) ? { k: 'len', min: 1, max: 0, det: false } : CHAR];
  }

  // Pattern.atom(): a run of literals, of which a following quantifier takes only the last.
  private atom(): Node[] {
    let count = 0; let prev = -1; let ch = this.peek();
    for (;;) {
      if ('*+?{'.includes(chr(ch))) { if (count > 1) { this.c = prev; count--; } break; }
      if ('$.^([|)'.includes(chr(ch)) || (ch === 0 && this.c >= this.n)) break;
      if (ch !== 92) { prev = this.c; count++; ch = this.next(); continue; }
      const p = this.get(this.c + 1);
      if ((p === 112 || p === 80) && count > 0) break;
      if (p === 112 || p === 80) { this.property(); return this.charClass(); }
      prev = this.c;
      ch = this.escape(false, count === 0, false);
      if (ch >= 0) { count++; ch = this.peek(); continue; }
      if (count === 0) return this.escaped;
      this.c = prev;
      break;
    }
    return count === 1 ? [CHAR] : [{ k: 'len', min: count, max: count, det: true }];
  }

  // The character an escape stands for, or -1 after storing its node(s) in this.escaped.
  private escape(inClass: boolean, create: boolean, isRange: boolean): number {
    const start = this.c;
    const ch = this.skip();
    const e = chr(ch);
    const meta = (nodes: Node[]) => { if (create) this.escaped = nodes; return -1; };
    const illegal = () => this.fail(`illegal or unsupported escape sequence "\\${e}"`);
    if (inClass && /^[1-9ABGRXZbkz]$/.test(e)) illegal();
    if (/^[DHSVWdhsvw]$/.test(e)) return e === 'v' && isRange ? 11 : meta([CHAR]);
    if (/^[ABGZz]$/.test(e)) return meta([]);
    if (ESCAPES[e] !== undefined) return ESCAPES[e];
    switch (e) {
      case '0': return this.octal();
      case 'c': return this.c < this.n ? this.read() ^ 64 : this.fail('"\\c" needs a control character');
      case 'x': return this.hex();
      case 'u': return this.unicode();
      case 'N': return this.characterName();
      case 'R': return meta([{ k: 'len', min: 1, max: 2, det: true }]);
      case 'X': return meta([{ k: 'len', min: 1, max: 0, det: false }]);
      case 'b':
        if (create && this.peek() === 123) {
          if (this.skip() === 103) return this.read() === 125 ? meta([]) : illegal();
          this.unread(); this.unread();
        }
        return meta([]);
      case 'k': {
        if (this.read() !== 60) this.fail('"\\k" must be followed by <name>');
        const name = this.groupName(this.read());
        if (!this.names.has(name)) this.fail(`back reference \\k<${name}> to a group not defined before it`, start);
        return meta([{ k: 'ref' }]);
      }
    }
    if (isAlpha(ch)) illegal();
    if (!isDigit(ch)) return ch;
    // Pattern.ref(): further digits join the group number only while such a group exists.
    for (let ref = ch - 48, d = this.peek(); isDigit(d) && ref * 10 + d - 48 < this.groups; d = this.peek()) { ref = ref * 10 + d - 48; this.read(); }
    return meta([{ k: 'ref' }]);
  }

  private octal(): number {
    const a = this.read();
    if (!isOctal(a)) this.fail('illegal octal escape (\\0 must be followed by 1 to 3 octal digits)');
    const b = this.read();
    if (!isOctal(b)) { this.unread(); return a - 48; }
    const c = this.read();
    if (isOctal(c) && a <= 51) return (a - 48) * 64 + (b - 48) * 8 + c - 48;
    this.unread();
    return (a - 48) * 8 + b - 48;
  }

  private hex(): number {
    let d = this.read();
    if (isHex(d)) {
      const e = this.read();
      if (isHex(e)) return hexValue(d) * 16 + hexValue(e);
    } else if (d === 123 && isHex(this.peek())) {
      let value = 0;
      while (isHex(d = this.read())) if ((value = value * 16 + hexValue(d)) > 0x10ffff) this.fail('hexadecimal code point is above 10FFFF');
      return d === 125 ? value : this.fail('unclosed "\\x{"');
    }
    return this.fail('illegal hexadecimal escape (use \\xhh or \\x{h...h})');
  }

  private unicode(): number {
    const four = () => [0, 1, 2, 3].reduce((v) => {
      const d = this.read();
      return isHex(d) ? v * 16 + hexValue(d) : this.fail('illegal Unicode escape (use \\uhhhh)');
    }, 0);
    const high = four();
    if (high < 0xd800 || high > 0xdbff) return high;
    const back = this.c;
    if (this.read() === 92 && this.read() === 117) {
      const low = four();
      if (low >= 0xdc00 && low <= 0xdfff) return (high - 0xd800) * 0x400 + low - 0xdc00 + 0x10000;
    }
    this.c = back;
    return high;
  }

  // Character.codePointOf knows every Unicode name; only the shape is checked (see the gap above), and
  // its code point is unknown, so a class range with \N{...} at either end is not order-checked.
  private characterName(): number {
    if (this.read() !== 123) this.fail('"\\N" must be followed by {character name}');
    const from = this.c;
    while (this.read() !== 125) if (this.c >= this.n) this.fail('unclosed "\\N{"');
    const name = this.t.slice(from, this.c - 1).map(chr).join('').replace(/^[\0- ]+|[\0- ]+$/g, '');
    if (!/^[A-Z0-9][A-Z0-9 -]*[A-Z0-9]$/i.test(name) || !/[A-Z]{2}/i.test(name)) this.fail(`unknown character name \\N{${name}}`);
    return 0;
  }

  private groupName(ch: number): string {
    let name = '';
    if (!isAlpha(ch)) this.fail('group name must start with a Latin letter');
    do name += chr(ch); while (isAlpha(ch = this.read()) || isDigit(ch));
    return ch === 62 ? name : this.fail(`group name <${name} must be Latin letters and digits ending with ">"`);
  }

  // \p{...} or \pX, with the cursor on the backslash.
  private property(): void {
    const start = this.c;
    const negated = this.get(++this.c) === 80;
    const braced = this.next() === 123;
    if (!braced) this.unread();
    this.next();
    const from = this.c;
    let name = chr(this.get(from));
    if (!braced) {
      this.read();
    } else {
      this.t[this.n] = 125; // like Java, stop the scan at the end of the pattern
      while (this.read() !== 125) { /* find the closing brace */ }
      this.t[this.n] = 0;
      if (this.c > this.n) this.fail('unclosed character property "\\p{"', start);
      if (from + 1 >= this.c) this.fail('empty character property "\\p{}"');
      name = this.t.slice(from, this.c - 1).map(chr).join('');
    }
    if (!knownProperty(name, this.has(UNICODE_CLASS))) this.fail(`unknown character property \\${negated ? 'P' : 'p'}${braced ? `{${name}}` : name}`, start);
  }

  // Pattern.clazz(): errors only depend on whether anything was collected yet.
  private clazz(consume: boolean): void {
    const open = this.c;
    let any = false;
    let ch = this.next();
    if (ch === 94 && this.t[this.c - 1] === 91) ch = this.next();
    for (;;) {
      if (ch === 91) { this.clazz(true); any = true; ch = this.peek(); continue; }
      if (ch === 38 && this.next() === 38) {
        let right = false;
        for (ch = this.next(); ch !== 93 && ch !== 38; ch = this.peek(), right = true) {
          if (ch !== 91) this.unread();
          this.clazz(ch === 91);
        }
        if (!any && !right) this.fail('"&&" in a character class needs a class on at least one side');
        any = true;
        continue;
      }
      if (ch === 38) this.unread();
      else if (ch === 0 && this.c >= this.n) this.fail('unclosed character class "["', open);
      else if (ch === 93 && any) { if (consume) this.next(); return; }
      this.range();
      any = true;
      ch = this.peek();
    }
  }

  // Pattern.range(): one member of a class: a character, a range a-z, an escape or a property.
  private range(): void {
    let ch = this.peek();
    if (ch === 92) {
      const p = this.get(this.c + 1);
      if (p === 112 || p === 80) { this.property(); return; }
      if ((ch = this.escape(true, true, this.t[this.c + 2] === 45)) < 0) return;
    } else {
      this.next();
    }
    if (this.peek() !== 45 || this.t[this.c + 1] === 91 || this.t[this.c + 1] === 93) return;
    let m = this.next();
    const named = m === 92 && this.t[this.c + 1] === 78; // \N{...} stands for 0 here, its real code point being unknown
    if (m === 92) m = this.escape(true, false, true); else this.next();
    if (m < ch && !named) this.fail(`illegal character range ${chr(ch)}-${m < 0 ? 'class' : chr(m)} (end before start, or a class as an end)`);
  }

  private group(out: Node[]): void {
    const save = this.flags;
    const open = this.c;
    let content: Node[] = [];
    let kind = 'plain';
    if (this.next() !== 63) {
      this.groups++;
      content = this.expr();
    } else {
      const ch = this.skip();
      const c = ch === 60 ? this.read() : ch;
      if (ch === 58) content = this.expr();
      else if (ch === 61 || ch === 33) { this.expr(); kind = 'zero'; }
      else if (ch === 62) { content = this.expr(); kind = 'independent'; }
      else if (ch === 60 && c !== 61 && c !== 33) {
        const name = this.groupName(c);
        if (this.names.has(name)) this.fail(`group name <${name}> is already defined`);
        this.groups++;
        this.names.add(name);
        content = this.expr();
      } else if (ch === 60) {
        const info = fresh();
        study(this.expr(), 0, info);
        if (!info.valid) this.fail(`lookbehind (?<${chr(c)}...) needs a bounded maximum length (no back references, no repeated groups of varying length)`, open);
        kind = 'zero';
      } else if (ch === 36 || ch === 64) {
        this.fail(`unknown group type "(?${chr(ch)}"`);
      } else {
        this.unread();
        this.inlineFlags();
        const end = this.read();
        if (end === 41) return; // (?i) holds until the end of the enclosing group
        if (end !== 58) this.fail(`unknown inline flag "${chr(end)}" (expected one of idmsuxcU, "-", ":" or ")")`);
        content = this.expr();
      }
    }
    if (this.pastSpace(this.get(this.c++), true) !== 41) this.fail('unclosed group "("', open);
    this.flags = save;
    const q = this.quantifier();
    if (kind !== 'plain') {
      out.push(...this.quantified(kind === 'zero' ? [] : [{ k: 'ques', atom: content, independent: true }], q));
    } else if (!q || q.type === 'possessive') {
      out.push(...this.quantified(content, q));
    } else if (!q.open && q.min === 0 && q.max === 1) {
      out.push({ k: 'branch', alts: [content, []] });
    } else {
      const info = fresh();
      study(content, 0, info);
      out.push(info.det ? { k: 'curly', atom: content, min: q.min, max: q.max } : { k: 'loop' });
    }
  }

  private inlineFlags(): void {
    let on = true;
    for (let ch = this.peek(); ; ch = this.next()) {
      if (on && ch === 45) { on = false; continue; }
      const bits = FLAGS[chr(ch)];
      if (bits === undefined) return;
      this.flags = on ? this.flags | bits : this.flags & ~bits;
    }
  }

  private quantifier(): Quantifier | undefined {
    let ch = this.peek();
    if (ch === 63) return { open: false, min: 0, max: 1, type: this.kind() };
    if (ch === 42 || ch === 43) return { open: true, min: ch === 43 ? 1 : 0, max: MAX, type: this.kind() };
    if (ch !== 123) return undefined;
    const open = this.c;
    ch = this.skip();
    if (!isDigit(ch)) this.fail('"{" must start a repetition such as {2}, {2,} or {2,5} (escape a literal brace as \\{)');
    const number = () => {
      let value = 0;
      for (; isDigit(ch); ch = this.read()) if ((value = value * 10 + ch - 48) > MAX) this.fail('repetition count is too large', open);
      return value;
    };
    const min = number();
    let max = min;
    if (ch === 44) {
      ch = this.read();
      if (ch === 125) { this.unread(); return { open: true, min, max: MAX, type: this.kind() }; }
      max = number();
    }
    if (ch !== 125) this.fail('unclosed repetition "{"', open);
    if (max < min) this.fail(`repetition {${min},${max}} has its maximum below its minimum`, open);
    this.unread();
    return { open: false, min, max, type: this.kind() };
  }

  private kind(): string {
    const ch = this.next();
    if (ch === 63 || ch === 43) this.next();
    return ch === 63 ? 'lazy' : ch === 43 ? 'possessive' : 'greedy';
  }
}

/** Why Java's Pattern.compile would reject `pattern`, or undefined when it compiles. */
export function javaRegexProblem(pattern: string): string | undefined {
  // An API repeats a few patterns on many integration responses: each is parsed once.
  if (CHECKED.has(pattern)) return CHECKED.get(pattern);
  let problem: string | undefined;
  try {
    new Parser(pattern).check();
  } catch (e) {
    if (e instanceof Problem) problem = e.message;
    else if (e instanceof RangeError) problem = 'pattern is nested too deeply';
    else throw e;
  }
  if (CHECKED.size >= 1000) CHECKED.clear();
  CHECKED.set(pattern, problem);
  return problem;
}

const CHECKED = new Map<string, string | undefined>();
