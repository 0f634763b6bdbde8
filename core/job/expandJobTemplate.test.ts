import * as fs from 'node:fs'
import * as path from 'node:path'
import * as E from 'fp-ts/Either'
import { expandJobTemplate, formatExpandProblem, substituteItem, type ExpandProblem } from './expandJobTemplate'

const seedTemplate = fs.readFileSync(path.resolve(__dirname, '../../examples/seed/templates/job-tmpl.yaml'), 'utf8')
const problemsOf = (text: string, items: ReadonlyArray<string>): ReadonlyArray<string> => {
  const r = expandJobTemplate(text, items)
  return E.isLeft(r) ? r.left.flatMap((p: ExpandProblem) => formatExpandProblem(p, 'job-tmpl.yaml')) : []
}
const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

const labelValueMessage =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

describe('expandJobTemplate', () => {
  it('turns the seed template into process-item-apple, -banana and -cherry, all labelled jobgroup=jobexample', () => {
    const r = expandJobTemplate(seedTemplate, ['apple', 'banana', 'cherry'])
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    expect(r.right.map((j) => j.job.metadata.name)).toEqual(['process-item-apple', 'process-item-banana', 'process-item-cherry'])
    expect(r.right.map((j) => j.job.metadata.labels?.['jobgroup'])).toEqual(['jobexample', 'jobexample', 'jobexample'])
    const [apple] = r.right
    // The manifest stays as written (what `kubectl create -f` gets); the decoded Job carries the defaults.
    expect(apple?.manifest).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'process-item-apple', labels: { jobgroup: 'jobexample' } },
      spec: {
        template: {
          metadata: { name: 'jobexample', labels: { jobgroup: 'jobexample' } },
          spec: {
            containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo Processing item apple && sleep 5'] }],
            restartPolicy: 'Never',
          },
        },
      },
    })
    expect(apple?.job.spec).toMatchObject({ parallelism: 1, completions: 1, backoffLimit: 6 })
    expect(apple?.text).toContain('name: process-item-apple\n')
    expect(apple?.warnings).toEqual([])
  })

  it('replaces every $ITEM, not only the first on a line as the seed sed loop does', () => {
    expect(substituteItem('name: $ITEM-$ITEM', 'a')).toBe('name: a-a')
    // Literal like sed: a longer word is not a different placeholder.
    expect(substituteItem('$ITEMS', 'a')).toBe('aS')
    const r = expandJobTemplate(seedTemplate.replace('echo Processing item $ITEM', 'echo $ITEM $ITEM'), ['fig'])
    expect(E.isRight(r) && r.right[0]?.manifest).toMatchObject({ spec: { template: { spec: { containers: [{ command: ['sh', '-c', 'echo fig fig && sleep 5'] }] } } } })
  })

  it('rejects names that are no DNS-1123 subdomain with the API server message', () => {
    expect(problemsOf(seedTemplate, ['apple', 'Banana', ''])).toEqual([
      `The Job "process-item-Banana" is invalid: metadata.name: Invalid value: "process-item-Banana": ${subdomainMessage}`,
      `The Job "process-item-" is invalid: metadata.name: Invalid value: "process-item-": ${subdomainMessage}`,
      // The generated job-name labels (legacy and prefixed) carry the bad name too.
      `The Job "process-item-" is invalid: spec.template.metadata.labels: Invalid value: "process-item-": ${labelValueMessage}`,
      `The Job "process-item-" is invalid: spec.template.metadata.labels: Invalid value: "process-item-": ${labelValueMessage}`,
    ])
  })

  it('warns, without failing, when a name is a subdomain but no DNS-1123 label (dots, or more than 63 characters)', () => {
    const r = expandJobTemplate(seedTemplate, ['v1.2'])
    expect(E.isRight(r) && r.right[0]?.warnings).toEqual([
      "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')]",
    ])
  })

  it('rejects a name too long for the job-name label the API server adds to the pod template', () => {
    const long = 'x'.repeat(60)
    const lines = problemsOf(seedTemplate, [long])
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every((l) => l.startsWith(`The Job "process-item-${long}" is invalid: spec.template.metadata.labels`))).toBe(true)
    expect(lines[0]).toContain('must be no more than 63 characters')
  })

  it('reports an item that breaks the YAML with line and column, and one that turns a document into another kind', () => {
    expect(problemsOf(seedTemplate, ['a: b'])).toEqual([
      'error: error parsing job-tmpl.yaml with $ITEM="a: b": line 6, column 9: Nested mappings are not allowed in compact mappings',
    ])
    expect(problemsOf('apiVersion: v1\nkind: $ITEM\nmetadata: {name: x}\n', ['ConfigMap'])).toEqual([
      'error: job-tmpl.yaml with $ITEM="ConfigMap": document 1 is v1/ConfigMap, not a batch/v1 Job',
    ])
  })

  it('rejects two items that name the same Job, and a template without a Job or without items', () => {
    expect(problemsOf(seedTemplate, ['apple', 'apple'])).toEqual(['error: items "apple" and "apple" both expand to the Job "process-item-apple"'])
    expect(problemsOf(seedTemplate.replace('process-item-$ITEM', 'process-item'), ['a', 'b'])).toEqual([
      'error: items "a" and "b" both expand to the Job "process-item"',
    ])
    expect(problemsOf('# nothing\n', ['a'])).toEqual(['error: no objects passed to expand: job-tmpl.yaml holds no Job'])
    expect(problemsOf(seedTemplate, [])).toEqual(['error: no items to expand the template with'])
  })

  it('expands every Job of a multi-document template, in order', () => {
    const two = `${seedTemplate}---\n${seedTemplate.replace('process-item-$ITEM', 'check-$ITEM')}`
    const r = expandJobTemplate(two, ['a', 'b'])
    expect(E.isRight(r) && r.right.map((j) => j.job.metadata.name)).toEqual(['process-item-a', 'check-a', 'process-item-b', 'check-b'])
  })

  it('reports Job validation problems other than the name too, with every problem of every item', () => {
    const always = seedTemplate.replace('restartPolicy: Never', 'restartPolicy: Always')
    expect(problemsOf(always, ['a', 'b'])).toEqual([
      'The Job "process-item-a" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
      'The Job "process-item-b" is invalid: spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ])
  })
})
