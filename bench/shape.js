// The benchmark API, the same in every variant: N resources, each with GET and POST, each method
// with a MOCK integration and three status codes (200 default, 400 and 500 by selection pattern),
// deployed to one stage.
exports.METHODS = ['GET', 'POST'];
exports.RESPONSES = [
  { statusCode: '200' },
  { statusCode: '400', selectionPattern: '4\\d{2}' },
  { statusCode: '500', selectionPattern: '5\\d{2}' },
];

/** Runs `build`, then reports peak memory and phase times as one JSON line on stdout. */
exports.measure = function measure(loadStarted, load, build) {
  const loaded = process.hrtime.bigint();
  const modules = load();
  const afterLoad = process.hrtime.bigint();
  const loadRssKb = Math.round(process.memoryUsage().rss / 1024);
  const n = Number(process.argv[2]);
  const outdir = process.argv[3];
  const synth = build(modules, n, outdir);
  const built = process.hrtime.bigint();
  synth();
  const done = process.hrtime.bigint();
  const ms = (a, b) => Number(b - a) / 1e6;
  process.stdout.write(JSON.stringify({
    loadMs: ms(loaded, afterLoad) + ms(loadStarted, loaded),
    loadRssKb,
    buildMs: ms(afterLoad, built),
    synthMs: ms(built, done),
    maxRssKb: process.resourceUsage().maxRSS,
  }) + '\n');
};
