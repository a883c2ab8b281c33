import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const root = join(__dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

test('GIVEN lib/ THEN nothing imports @cdktf/provider-aws from its index (only submodules)', () => {
  const offenders = sources(join(root, 'lib')).filter((file) => {
    const text = readFileSync(file, 'utf8');
    return /from\s+['"]@cdktf\/provider-aws['"]|require\(\s*['"]@cdktf\/provider-aws['"]\s*\)|import\(\s*['"]@cdktf\/provider-aws['"]\s*\)/.test(text);
  }).map((file) => relative(root, file));
  expect(offenders).toEqual([]);
  // The check itself must see imports: lib/ does use the provider through submodules.
  const submoduleImports = sources(join(root, 'lib')).filter((f) => /from '@cdktf\/provider-aws\/lib\/[a-z0-9-]+'/.test(readFileSync(f, 'utf8')));
  expect(submoduleImports.length).toBeGreaterThan(5);
});

test('GIVEN the compiled library THEN loading it does not load the provider index', () => {
  jest.isolateModules(() => {
    require('../lib');
  });
  const loaded = Object.keys(require.cache).filter((p) => /@cdktf[\\/]provider-aws[\\/]lib[\\/]index\.js$/.test(p));
  expect(loaded).toEqual([]);
});

test('GIVEN lib/ THEN it throws only ValidationError (no bare Error)', () => {
  const offenders = sources(join(root, 'lib')).filter((f) => /throw new Error\(/.test(readFileSync(f, 'utf8')));
  expect(offenders.map((f) => relative(root, f))).toEqual([]);
});
