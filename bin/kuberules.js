#!/usr/bin/env node
'use strict'
// Thin launcher: the CLI lives in adapters/cli and is compiled to dist/ by `npm run build` (run by `prepare`).
require('../dist/adapters/cli/main.js').main(process.argv).then(
  (code) => { process.exitCode = code },
  (err) => { process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1 },
)
