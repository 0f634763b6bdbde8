import * as E from 'fp-ts/Either'
import type { ReadonlyNonEmptyArray } from 'fp-ts/ReadonlyNonEmptyArray'
import { parseAllDocuments } from 'yaml'
import type { Job } from '../api/job'
import { decodeManifest, formatManifestError, type ManifestError } from '../api/manifest'
import { namespaceOf, nameOf } from '../api/meta'
import { isJson } from '../api/json'
import { dns1123LabelErrors } from '../api/validation/names'

/** The placeholder of the seed's Job template (`process-item-$ITEM`). */
export const itemPlaceholder = '$ITEM'

/** One Job the template gave for one item. */
export interface ExpandedJob {
  readonly item: string
  /** The template text with the item substituted: what the seed's loop writes to `./jobs/job-<item>.yaml`. */
  readonly text: string
  /** The Job manifest as written (not defaulted), ready for `kubectl create -f`. */
  readonly manifest: Readonly<Record<string, unknown>>
  /** The same Job as the API server would store it (defaults, generated selector), validated. */
  readonly job: Job
  /** Create-time warnings, as kubectl prints them after `Warning: `. */
  readonly warnings: ReadonlyArray<string>
}

/** Why a template and its items give no Jobs; `formatExpandProblem` prints each as kubectl would. */
export type ExpandProblem =
  | { readonly _tag: 'NoItems' }
  | { readonly _tag: 'NoJob' }
  | { readonly _tag: 'Unparseable'; readonly item: string; readonly line?: number; readonly column?: number; readonly message: string }
  | { readonly _tag: 'NotAJob'; readonly item: string; readonly document: number; readonly kind: string }
  | { readonly _tag: 'InvalidJob'; readonly item: string; readonly error: ManifestError }
  | { readonly _tag: 'DuplicateName'; readonly item: string; readonly firstItem: string; readonly name: string }

/**
 * Replaces every `$ITEM` in the text. The seed's `sed "s/\$ITEM/$i/"` replaces only the first
 * occurrence on each line; the seed's template has at most one per line, so both agree there, and
 * replacing all of them is what a template means. Like sed, the match is literal (`$ITEMS` gives
 * `<item>S`) and textual, so an item can change the YAML: every result is parsed and validated.
 */
export const substituteItem = (templateText: string, item: string): string => templateText.split(itemPlaceholder).join(item)

/** `WarningsOnCreate` of the Job strategy: the name becomes a pod name and hostname prefix. */
const nameWarnings = (job: Job): ReadonlyArray<string> => {
  const msgs = dns1123LabelErrors(nameOf(job))
  return msgs.length === 0
    ? []
    : [`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`]
}

const expandItem = (templateText: string, item: string): E.Either<ReadonlyArray<ExpandProblem>, ReadonlyArray<ExpandedJob>> => {
  const text = substituteItem(templateText, item)
  const problems: ExpandProblem[] = []
  const jobs: ExpandedJob[] = []
  parseAllDocuments(text).forEach((doc, document) => {
    const [error] = doc.errors
    if (error !== undefined) {
      const pos = error.linePos?.[0]
      // yaml repeats the position at the end of its first line; it is printed once, up front.
      const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
      problems.push({ _tag: 'Unparseable', item, message, ...(pos !== undefined ? { line: pos.line, column: pos.col } : {}) })
      return
    }
    const raw: unknown = doc.toJS({ maxAliasCount: 100 })
    if (raw === null || raw === undefined) return
    const header = isJson(raw) ? `${String(raw['apiVersion'] ?? '')}/${String(raw['kind'] ?? '')}` : typeof raw
    if (!isJson(raw) || header !== 'batch/v1/Job') {
      problems.push({ _tag: 'NotAJob', item, document: document + 1, kind: header })
      return
    }
    const decoded = decodeManifest(raw)
    if (E.isLeft(decoded)) problems.push({ _tag: 'InvalidJob', item, error: decoded.left })
    else if (decoded.right._tag === 'Job') {
      const job = decoded.right.object
      jobs.push({ item, text, manifest: raw, job, warnings: nameWarnings(job) })
    }
  })
  return problems.length > 0 ? E.left(problems) : E.right(jobs)
}

/** Two items that name the same Job: the second create would fail with AlreadyExists. */
const duplicates = (jobs: ReadonlyArray<ExpandedJob>): ReadonlyArray<ExpandProblem> => {
  const firstBy = new Map<string, string>()
  return jobs.flatMap((j) => {
    const key = `${namespaceOf(j.job)}/${nameOf(j.job)}`
    const first = firstBy.get(key)
    if (first === undefined) {
      firstBy.set(key, j.item)
      return []
    }
    return [{ _tag: 'DuplicateName' as const, item: j.item, firstItem: first, name: nameOf(j.job) }]
  })
}

/**
 * The seed's "external manager + Job template" pattern as a pure function: for each item, the
 * template with `$ITEM` replaced, parsed (any number of YAML or JSON documents, each a batch/v1
 * Job), defaulted and validated with Kubernetes' messages (the name as a DNS-1123 subdomain, a
 * warning when it is no DNS-1123 label). Every problem of every item is reported, or none.
 */
export const expandJobTemplate = (
  templateText: string,
  items: ReadonlyArray<string>,
): E.Either<ReadonlyNonEmptyArray<ExpandProblem>, ReadonlyArray<ExpandedJob>> => {
  if (items.length === 0) return E.left([{ _tag: 'NoItems' }])
  const problems: ExpandProblem[] = []
  const jobs: ExpandedJob[] = []
  for (const item of items) {
    const expanded = expandItem(templateText, item)
    if (E.isLeft(expanded)) problems.push(...expanded.left)
    else jobs.push(...expanded.right)
  }
  if (problems.length === 0 && jobs.length === 0) problems.push({ _tag: 'NoJob' })
  problems.push(...duplicates(jobs))
  const [first, ...rest] = problems
  return first === undefined ? E.right(jobs) : E.left([first, ...rest])
}

/** One line per problem, as kubectl words them; `source` names the template (a file name or `STDIN`). */
export const formatExpandProblem = (problem: ExpandProblem, source: string): ReadonlyArray<string> => {
  switch (problem._tag) {
    case 'NoItems':
      return ['error: no items to expand the template with']
    case 'NoJob':
      return [`error: no objects passed to expand: ${source} holds no Job`]
    case 'Unparseable': {
      const where = problem.line !== undefined ? `line ${problem.line}, column ${problem.column ?? 0}` : 'unknown position'
      return [`error: error parsing ${source} with ${itemPlaceholder}=${JSON.stringify(problem.item)}: ${where}: ${problem.message}`]
    }
    case 'NotAJob':
      return [`error: ${source} with ${itemPlaceholder}=${JSON.stringify(problem.item)}: document ${problem.document} is ${problem.kind}, not a batch/v1 Job`]
    case 'InvalidJob':
      return formatManifestError(problem.error)
    case 'DuplicateName':
      return [`error: items ${JSON.stringify(problem.firstItem)} and ${JSON.stringify(problem.item)} both expand to the Job ${JSON.stringify(problem.name)}`]
  }
}
