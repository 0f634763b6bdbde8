import * as fs from 'node:fs'
import type { Command } from 'commander'
import * as E from 'fp-ts/Either'
import { stringify } from 'yaml'
import { expandJobTemplate, formatExpandProblem, type ExpandedJob } from '../../../core/job'
import type { CliIo } from '../io'

export interface ExpandOptions {
  readonly filename: ReadonlyArray<string>
  /** `--items` values as given; each may hold several comma-separated items. */
  readonly items: ReadonlyArray<string>
  readonly output: string
}

type ExpandFormat = 'yaml' | 'json'
const formats: ReadonlyArray<ExpandFormat> = ['yaml', 'json']

/** Multi-document YAML (the seed's `./jobs/*.yaml` in one stream) or a v1 List, as `kubectl create -f` takes them. */
const render = (jobs: ReadonlyArray<ExpandedJob>, format: ExpandFormat): string =>
  format === 'json'
    ? `${JSON.stringify({ apiVersion: 'v1', kind: 'List', items: jobs.map((j) => j.manifest) }, null, 2)}\n`
    : jobs.map((j) => stringify(j.manifest)).join('---\n')

const readTemplate = (file: string, io: CliIo): E.Either<string, string> => {
  if (file === '-') return E.right(io.readStdin())
  try {
    if (fs.statSync(file).isDirectory()) return E.left(`error: the path "${file}" is a directory; expand takes a template file`)
    return E.right(fs.readFileSync(file, 'utf8'))
  } catch {
    return E.left(`error: the path "${file}" does not exist`)
  }
}

/**
 * `kuberules expand -f job-tmpl.yaml --items apple,banana,cherry [-o yaml|json]`: the seed's
 * sed loop over a Job template, validated. Prints the Jobs, warnings on standard error; exit 1
 * with kubectl-style lines and nothing on standard output when any item gives no valid Job.
 */
export const runExpand = (opts: ExpandOptions, io: CliIo): number => {
  if (!formats.includes(opts.output as ExpandFormat)) {
    io.err(`error: unable to match a printer suitable for the output format "${opts.output}", allowed formats are: ${formats.join(',')}\n`)
    return 1
  }
  if (opts.filename.length === 0) {
    io.err('error: must specify -f with a Job template\n')
    return 1
  }
  if (opts.items.length === 0) {
    io.err('error: must specify --items (e.g. --items apple,banana,cherry)\n')
    return 1
  }
  const items = opts.items.flatMap((list) => list.split(','))
  const errors: string[] = []
  const jobs: ExpandedJob[] = []
  for (const file of opts.filename) {
    const text = readTemplate(file, io)
    if (E.isLeft(text)) {
      errors.push(text.left)
      continue
    }
    const expanded = expandJobTemplate(text.right, items)
    if (E.isLeft(expanded)) errors.push(...expanded.left.flatMap((p) => formatExpandProblem(p, file === '-' ? 'STDIN' : file)))
    else jobs.push(...expanded.right)
  }
  if (errors.length > 0) {
    io.err(`${errors.join('\n')}\n`)
    return 1
  }
  for (const warning of jobs.flatMap((j) => j.warnings)) io.err(`Warning: ${warning}\n`)
  io.out(render(jobs, opts.output as ExpandFormat))
  return 0
}

const collect = (value: string, previous: ReadonlyArray<string>): ReadonlyArray<string> => [...previous, value]

/** Registers `expand` on the program; the action stores its exit code in `result`. */
export const addExpandCommand = (program: Command, io: CliIo, result: { code: number }): Command =>
  program
    .command('expand')
    .description("turn a Job template holding $ITEM into one Job per item (the seed's sed loop, validated)")
    .option('-f, --filename <file>', 'Job template file, or - for standard input (repeatable)', collect, [])
    .option('--items <list>', 'comma-separated items to substitute for $ITEM (repeatable)', collect, [])
    .option('-o, --output <format>', 'yaml (one document per Job) or json (a v1 List)', 'yaml')
    .action((opts: ExpandOptions) => {
      result.code = runExpand(opts, io)
    })
