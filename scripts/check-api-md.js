#!/usr/bin/env node
// Fails when API.md differs from what jsii-docgen generates from the current .jsii assembly.
// Run `npm run docgen` to regenerate it.
const { execFileSync } = require('child_process');
const { mkdtempSync, readFileSync, existsSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');

const root = join(__dirname, '..');
const out = join(mkdtempSync(join(tmpdir(), 'api-md-')), 'API.md');
execFileSync(process.execPath, [require.resolve('jsii-docgen/bin/jsii-docgen'), '-o', out], { cwd: root, stdio: 'inherit' });
const expected = readFileSync(out, 'utf8');
const actual = existsSync(join(root, 'API.md')) ? readFileSync(join(root, 'API.md'), 'utf8') : '';
if (expected !== actual) {
  console.error('API.md is out of date with the public API: run `npm run docgen` and commit API.md.');
  process.exit(1);
}
console.log('API.md is current.');
