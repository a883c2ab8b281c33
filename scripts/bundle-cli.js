#!/usr/bin/env node
/*
 * Bundles the adopt/inventory command (src/cli/) with the AWS SDK into one self-contained file,
 * bin/cdktf-apigateway.js, the package's `bin`. The SDK is thereby no runtime dependency of the
 * jsii module, and the Python wheel runs the same file through the jsii runtime's node.
 */
const { buildSync } = require('esbuild');
const { chmodSync, mkdirSync } = require('fs');
const { join } = require('path');

const root = join(__dirname, '..');
const outfile = join(root, 'bin', 'cdktf-apigateway.js');
mkdirSync(join(root, 'bin'), { recursive: true });
buildSync({
  entryPoints: [join(root, 'src', 'cli', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: false,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);
