import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';

const root = join(__dirname, '..');
const lib = join(root, 'lib');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Source text without comments, so that prose about imports or `instanceof` is not read as code. */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const code = (file: string): string => withoutComments(readFileSync(file, 'utf8'));

/** Every module a file names (see `specifiersIn`). */
const specifiers = (file: string): string[] => specifiersIn(code(file));

/**
 * Every module a source text names: `import ... from`, `import type ... from`, `export ... from`,
 * side-effect `import '...'`, `require('...')` and `import('...')`.
 */
function specifiersIn(text: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]));
}

/** The folder of lib/ (core, rest, websocket) a relative import lands in, or undefined for packages and lib/index.ts. */
function areaOf(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(lib, resolve(dirname(file), specifier));
  if (target.startsWith('..')) return '<outside lib>';
  const [first, ...rest] = target.split(sep);
  return rest.length ? first : undefined;
}

const areaFiles = (area: string) => sources(join(lib, area));

describe('layering of lib/', () => {
  test('GIVEN the import scanner THEN it sees the imports lib/ does make (the check below is not vacuous)', () => {
    const edges = sources(lib).flatMap((f) => specifiers(f).map((s) => [relative(root, f), areaOf(f, s)] as const));
    expect(edges).toContainEqual(['lib/rest/method.ts', 'core']);
    expect(edges).toContainEqual(['lib/websocket/route.ts', 'core']);
    expect(edges).toContainEqual(['lib/rest/integrations/lambda.ts', 'core']);
    expect(edges).toContainEqual(['lib/rest/root-resource.ts', 'rest']);
    expect(areaFiles('rest').length).toBeGreaterThan(5);
    expect(areaFiles('websocket').length).toBeGreaterThan(5);
    expect(areaFiles('core').length).toBeGreaterThan(3);
  });

  test.each([
    ['rest', 'lib/websocket', ['websocket']],
    ['websocket', 'lib/rest', ['rest']],
    ['core', 'lib/rest or lib/websocket', ['rest', 'websocket']],
  ])('GIVEN every file under lib/%s THEN none imports from %s', (area, _, forbidden) => {
    const offenders = areaFiles(area).flatMap((file) => specifiers(file)
      .filter((s) => forbidden.includes(areaOf(file, s) ?? ''))
      .map((s) => `${relative(root, file)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  test.each(['rest', 'websocket', 'core'])('GIVEN every file under lib/%s THEN it does not import lib/index.ts (the package entry)', (area) => {
    const offenders = areaFiles(area).flatMap((file) => specifiers(file)
      .filter((s) => s.startsWith('.') && [lib, join(lib, 'index')].includes(resolve(dirname(file), s)))
      .map((s) => `${relative(root, file)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  test('GIVEN the scanner WHEN it reads every import form THEN it reports each, and not the commented-out one', () => {
    const file = join(lib, 'core', 'x.ts');
    const text = [
      "import { A } from '../rest/a';",
      "import type { B } from '../websocket/b';",
      "export { C } from '../rest/c';",
      "export * from '../websocket/d';",
      "import '../rest/e';",
      "const f = require('../rest/f');",
      "const g = import('../websocket/g');",
      "import {\n  H,\n  I,\n} from '../rest/h';",
      "// import { J } from '../rest/j';",
      "/* import { K } from '../rest/k'; */",
      "const url = 'https://example.com'; import { L } from './l';",
    ].join('\n');
    expect(specifiersIn(withoutComments(text)).map((s) => `${areaOf(file, s)}:${s}`).sort()).toEqual([
      'core:./l', 'rest:../rest/a', 'rest:../rest/c', 'rest:../rest/e', 'rest:../rest/f', 'rest:../rest/h',
      'websocket:../websocket/b', 'websocket:../websocket/d', 'websocket:../websocket/g',
    ]);
  });
});

describe('type tests in lib/', () => {
  const INSTANCEOF = /\binstanceof\s+([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)/g;

  /** Public classes declared in lib/ (`export class`, `export abstract class`), with what they extend. */
  function declaredClasses(): Map<string, string | undefined> {
    const classes = new Map<string, string | undefined>();
    for (const file of sources(lib)) {
      for (const m of code(file).matchAll(/\bexport\s+(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)(?:<[^>{]*>)?(?:\s+extends\s+([A-Za-z_$][\w$.]*))?/g)) {
        classes.set(m[1], m[2]);
      }
    }
    return classes;
  }

  /** Whether a class is an error class (extends Error, directly or through other classes of lib/). */
  function isErrorClass(name: string, classes: Map<string, string | undefined>): boolean {
    for (let current: string | undefined = name; current; current = classes.get(current)) {
      if (current === 'Error' || (/Error$/.test(current) && !classes.has(current))) return true;
    }
    return false;
  }

  /** The library's own public classes (constructs, backends, keys...), errors aside. */
  function libraryClasses(): string[] {
    const classes = declaredClasses();
    return [...classes.keys()].filter((c) => !isErrorClass(c, classes));
  }

  test('GIVEN the class list THEN it holds every construct of the library', () => {
    const classes = libraryClasses();
    for (const name of ['RestApi', 'ResourceBase', 'Resource', 'RootResource', 'Method', 'MethodResponse', 'Integration', 'IntegrationResponse',
      'Deployment', 'Stage', 'WebSocketApi', 'Route', 'RouteResponse', 'IntegrationResponseKey', 'IntegrationBackend', 'MockIntegration',
      'HttpIntegration', 'AwsIntegration', 'LambdaIntegration']) {
      expect(classes).toContain(name);
    }
    expect(classes).not.toContain('ValidationError');
  });

  test('GIVEN every file under lib/ THEN no instanceof tests a class of the library (symbol brands instead)', () => {
    const own = new Set(libraryClasses());
    const offenders: string[] = [];
    for (const file of sources(lib)) {
      for (const m of code(file).matchAll(INSTANCEOF)) {
        const target = m[1].replace(/\s/g, '');
        const name = target.split('.').pop()!;
        if (own.has(name)) offenders.push(`${relative(root, file)}: instanceof ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('GIVEN the instanceof scanner THEN it would catch a type switch on a construct, also through a namespace', () => {
    const own = new Set(libraryClasses());
    const sample = 'if (x instanceof Method) {} else if (y instanceof websocket . Route) {} else if (e instanceof Error) {}';
    const hits = [...sample.matchAll(INSTANCEOF)]
      .map((m) => m[1].replace(/\s/g, '').split('.').pop()!)
      .filter((n) => own.has(n));
    expect(hits).toEqual(['Method', 'Route']);
  });
});
