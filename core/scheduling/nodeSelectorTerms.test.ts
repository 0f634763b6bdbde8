import * as E from 'fp-ts/Either'
import type { Node, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm } from '../api'
import { compileNodeSelectorTerms, matchesNodeSelectorTerms } from './nodeSelectorTerms'

const node = (name: string, labels?: Record<string, string>): Node => ({ metadata: { name, ...(labels ? { labels } : {}) } })
const req = (key: string, operator: string, values?: string[]): NodeSelectorRequirement => ({
  key,
  operator,
  ...(values !== undefined ? { values } : {}),
})
const selector = (...nodeSelectorTerms: NodeSelectorTerm[]): NodeSelector => ({ nodeSelectorTerms })
const exprs = (...matchExpressions: NodeSelectorRequirement[]): NodeSelectorTerm => ({ matchExpressions })
const fields = (...matchFields: NodeSelectorRequirement[]): NodeSelectorTerm => ({ matchFields })
const matches = (n: Node, s: NodeSelector | null): boolean => E.getOrElse(() => false)(matchesNodeSelectorTerms(n, s))

const nameRegexMessage = `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`
const labelValueMessage = `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`

describe('TestNodeSelectorMatch (nodeaffinity_test.go)', () => {
  const host1 = fields(req('metadata.name', 'In', ['host_1']))
  const label1 = req('label_1', 'In', ['label_1_val'])

  it('invalid field selector and label selector: errors reported when nothing matches', () => {
    const s = selector(
      fields(req('metadata.name', 'In', ['host_1', 'host_2'])),
      { matchExpressions: [label1], matchFields: [req('metadata.name', 'In', ['host_1'])] },
      exprs(req('invalid key', 'In', ['label_value'])),
    )
    expect(matchesNodeSelectorTerms(node('host_1'), s)).toEqual(
      E.left(
        `[nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["host_1","host_2"]: must have one element, ` +
          `nodeSelectorTerms[2].matchExpressions[0].key: Invalid value: "invalid key": ${nameRegexMessage}]`,
      ),
    )
    // The valid middle term is still tried.
    expect(matchesNodeSelectorTerms(node('host_1', { label_1: 'label_1_val' }), s)).toEqual(E.right(true))
  })

  const both: NodeSelectorTerm = { matchExpressions: [label1], matchFields: host1.matchFields ?? [] }
  it.each<[string, NodeSelectorTerm, Node, boolean]>([
    ['node matches field selector, but not labels', both, node('host_1'), false],
    ['node matches field selector and label selector', both, node('host_1', { label_1: 'label_1_val' }), true],
  ])('%s', (_name, term, n, want) => {
    expect(matchesNodeSelectorTerms(n, selector(term))).toEqual(E.right(want))
  })

  it('second term matches', () => {
    expect(matchesNodeSelectorTerms(node('host_1'), selector(exprs(label1), host1))).toEqual(E.right(true))
  })
})

describe('TestMatchNodeSelectorTerms (helpers_test.go)', () => {
  const label1In = req('label_1', 'In', ['label_1_val'])
  const nameIn = req('metadata.name', 'In', ['host_1'])
  it.each<[string, NodeSelector | null, Node, boolean]>([
    ['nil terms', null, node(''), false],
    ['node label matches matchExpressions terms', selector(exprs(label1In)), node('', { label_1: 'label_1_val' }), true],
    ['node field matches matchFields terms', selector(fields(nameIn)), node('host_1'), true],
    ['invalid node field requirement', selector(fields(req('metadata.name', 'In', ['host_1', 'host_2']))), node('host_1'), false],
    ['fieldSelectorTerm with node labels', selector(fields(nameIn)), node('not_host_1', { 'metadata.name': 'host_1' }), false],
    ['labelSelectorTerm with node fields', selector(exprs(req('metadata.name', 'In', ['host_1']))), node('host_1'), false],
    ['labelSelectorTerm and fieldSelectorTerm was set, but only node fields', selector({ matchExpressions: [label1In], matchFields: [nameIn] }), node('host_1'), false],
    ['labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (both matched)', selector({ matchExpressions: [label1In], matchFields: [nameIn] }), node('host_1', { label_1: 'label_1_val' }), true],
    ['labelSelectorTerm and fieldSelectorTerm was set, both node fields and labels (one mismatched)', selector({ matchExpressions: [label1In], matchFields: [nameIn] }), node('host_1', { label_1: 'label_1_val-failed' }), false],
    ['multi-selector was set, both node fields and labels (one mismatched)', selector(exprs(label1In), fields(nameIn)), node('host_1', { label_1: 'label_1_val-failed' }), true],
  ])('%s', (_name, s, n, want) => {
    expect(matches(n, s)).toBe(want)
  })
})

describe('TestMatchNodeSelectorTermsStateless (helpers_test.go)', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o !== null && typeof o === 'object') Object.values(o).forEach(deepFreeze)
    return Object.freeze(o)
  }
  it.each([
    ['nodeLabels: unordered matchExpressions and nil matchFields', exprs(req('label_1', 'In', ['label_2_val', 'label_1_val']))],
    ['nodeFields: nil matchExpressions and unordered matchFields', fields(req('metadata.name', 'In', ['host_2', 'host_1']))],
    ['nodeLabels and nodeFields: unordered matchExpressions and unordered matchFields', {
      matchExpressions: [req('label_1', 'In', ['label_2_val', 'label_1_val'])],
      matchFields: [req('metadata.name', 'In', ['host_2', 'host_1'])],
    }],
  ])('%s: the selector is not modified', (_name, term) => {
    const s = deepFreeze(selector(term))
    const before = JSON.stringify(s)
    matchesNodeSelectorTerms(node('host_1', { label_1: 'label_1_val' }), s)
    expect(JSON.stringify(s)).toBe(before)
  })
})

describe('TestNodeSelectorRequirementsAsSelector (nodeaffinity_test.go) and labels.NewRequirement errors', () => {
  const errorOf = (r: NodeSelectorRequirement): E.Either<string, boolean> => matchesNodeSelectorTerms(node('n', { foo: '5' }), selector(exprs(r)))
  const at = 'nodeSelectorTerms[0].matchExpressions[0]'
  it.each<[string, NodeSelectorRequirement, string]>([
    ['Exists with values', req('foo', 'Exists', ['bar', 'baz']), `${at}.values: Invalid value: ["bar","baz"]: values set must be empty for exists and does not exist`],
    ['DoesNotExist with values', req('foo', 'DoesNotExist', ['bar']), `${at}.values: Invalid value: ["bar"]: values set must be empty for exists and does not exist`],
    ['In without values', req('foo', 'In'), `${at}.values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty`],
    ['NotIn with an empty list', req('foo', 'NotIn', []), `${at}.values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty`],
    ['Gt with two values', req('foo', 'Gt', ['1', '2']), `${at}.values: Invalid value: ["1","2"]: for 'Gt', 'Lt' operators, exactly one value is required`],
    ['Lt with a non-integer', req('foo', 'Lt', ['abc']), `${at}.values[0]: Invalid value: "abc": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['Gt beyond int64', req('foo', 'Gt', ['9223372036854775808']), `${at}.values[0]: Invalid value: "9223372036854775808": for 'Gt', 'Lt' operators, the value must be an integer`],
    ['Gt with a negative bound is not a label value', req('foo', 'Gt', ['-1']), `${at}.values[0][foo]: Invalid value: "-1": ${labelValueMessage}`],
    ['NotIn with an invalid value', req('foo', 'NotIn', ['invalid value: ___@#$%^']), `${at}.values[0][foo]: Invalid value: "invalid value: ___@#$%^": ${labelValueMessage}`],
    ['unsupported operator', req('foo', 'Foo', ['x']), `${at}.operator: Unsupported value: "Foo": supported values: "In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"`],
  ])('%s', (_name, r, message) => {
    expect(errorOf(r)).toEqual(E.left(message))
  })

  it('collects key and value errors of one requirement in upstream order', () => {
    expect(errorOf(req('bad key', 'In'))).toEqual(
      E.left(`[${at}.key: Invalid value: "bad key": ${nameRegexMessage}, ${at}.values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty]`),
    )
  })

  it('reports matchExpressions before matchFields within one term (newNodeSelectorTerm)', () => {
    const term = { matchFields: [req('metadata.name', 'Exists')], matchExpressions: [req('foo', 'Lt', ['x'])] }
    expect(matchesNodeSelectorTerms(node('n'), selector(term))).toEqual(
      E.left(
        `[${at}.values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer, ` +
          `nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"]`,
      ),
    )
  })

  it.each([
    ['foo>1', req('foo', 'Gt', ['1']), true],
    ['bar<7', req('bar', 'Lt', ['7']), false],
  ])('%s parses', (_name, r, want) => {
    expect(errorOf(r)).toEqual(E.right(want))
  })
})

describe('operators over node labels (labels.Requirement.Matches)', () => {
  it.each<[string, NodeSelectorRequirement, Record<string, string>, boolean]>([
    ['In: value listed', req('k', 'In', ['a', 'b']), { k: 'b' }, true],
    ['In: value not listed', req('k', 'In', ['a']), { k: 'c' }, false],
    ['In: label absent', req('k', 'In', ['a']), {}, false],
    ['NotIn: label absent matches', req('k', 'NotIn', ['a']), {}, true],
    ['NotIn: other value', req('k', 'NotIn', ['a']), { k: 'b' }, true],
    ['NotIn: listed value', req('k', 'NotIn', ['a']), { k: 'a' }, false],
    ['Exists: empty value counts', req('k', 'Exists'), { k: '' }, true],
    ['Exists: absent', req('k', 'Exists'), {}, false],
    ['DoesNotExist: absent', req('k', 'DoesNotExist'), {}, true],
    ['DoesNotExist: present', req('k', 'DoesNotExist'), { k: 'x' }, false],
    ['Gt: leading zeros "0206" > "0204"', req('kernel-version', 'Gt', ['0204']), { 'kernel-version': '0206' }, true],
    ['Gt: equal is not greater', req('k', 'Gt', ['5']), { k: '5' }, false],
    ['Lt: negative label value', req('k', 'Lt', ['2']), { k: '-3' }, true],
    ['Gt: "+7" parses as 7', req('k', 'Gt', ['6']), { k: '+7' }, true],
    ['Gt: non-integer label', req('k', 'Gt', ['1']), { k: 'abc' }, false],
    ['Gt: label absent', req('k', 'Gt', ['1']), {}, false],
    ['Gt: label beyond int64 fails to parse', req('k', 'Gt', ['1']), { k: '9223372036854775808' }, false],
    ['Lt: int64 min is still an integer', req('k', 'Lt', ['0']), { k: '-9223372036854775808' }, true],
    ['a key named like an Object method is just absent', req('constructor', 'Exists'), {}, false],
  ])('%s', (_name, r, labels, want) => {
    expect(matchesNodeSelectorTerms(node('n', labels), selector(exprs(r)))).toEqual(E.right(want))
  })
})

describe('matchFields over the node name', () => {
  it.each<[string, NodeSelectorRequirement, string, boolean]>([
    ['In: same name', req('metadata.name', 'In', ['host_1']), 'host_1', true],
    ['NotIn: other name', req('metadata.name', 'NotIn', ['host_1']), 'host_2', true],
    ['NotIn: same name', req('metadata.name', 'NotIn', ['host_1']), 'host_1', false],
    ['unknown field reads as "": In fails', req('metadata.foo', 'In', ['bar']), 'host_1', false],
    ['unknown field reads as "": NotIn succeeds', req('metadata.foo', 'NotIn', ['bar']), 'host_1', true],
    ['empty node name quirk: field requirements are skipped', req('metadata.name', 'In', ['host_1']), '', true],
  ])('%s', (_name, r, name, want) => {
    expect(matchesNodeSelectorTerms(node(name), selector(fields(r)))).toEqual(E.right(want))
  })

  it('empty node name still checks the term labels', () => {
    const term = { matchExpressions: [req('k', 'In', ['v'])], matchFields: [req('metadata.name', 'In', ['host_1'])] }
    expect(matchesNodeSelectorTerms(node(''), selector(term))).toEqual(E.right(false))
  })

  it.each<[string, NodeSelectorRequirement, string]>([
    ['Exists', req('metadata.name', 'Exists'), `nodeSelectorTerms[0].matchFields[0].operator: Unsupported value: "Exists": supported values: "In", "NotIn"`],
    ['NotIn with two values', req('metadata.name', 'NotIn', ['a', 'b']), `nodeSelectorTerms[0].matchFields[0].values: Invalid value: ["a","b"]: must have one element`],
    ['In without values', req('metadata.name', 'In'), `nodeSelectorTerms[0].matchFields[0].values: Invalid value: null: must have one element`],
  ])('rejects %s', (_name, r, message) => {
    expect(matchesNodeSelectorTerms(node('host_1'), selector(fields(r)))).toEqual(E.left(message))
  })
})

describe('term lists', () => {
  const good = exprs(req('k', 'In', ['v']))
  const bad = exprs(req('k', 'In'))
  it.each<[string, NodeSelector | null | undefined, boolean]>([
    ['undefined selector', undefined, false],
    ['nil term list', {}, false],
    ['null term list', { nodeSelectorTerms: null }, false],
    ['empty term list', selector(), false],
    ['only an empty term', selector({}), false],
    ['only empty lists', selector({ matchExpressions: [], matchFields: null }), false],
    ['an empty term is dropped, the next one decides', selector({}, good), true],
  ])('%s', (_name, s, want) => {
    expect(matchesNodeSelectorTerms(node('n', { k: 'v' }), s)).toEqual(E.right(want))
  })

  it('a term that fails to parse never matches, but other terms are tried', () => {
    expect(matchesNodeSelectorTerms(node('n', { k: 'v' }), selector(bad, good))).toEqual(E.right(true))
    expect(E.isLeft(matchesNodeSelectorTerms(node('n', { k: 'x' }), selector(bad, good)))).toBe(true)
  })

  it('compiles once and answers for many nodes', () => {
    const match = compileNodeSelectorTerms(selector(good))
    expect([node('a', { k: 'v' }), node('b'), node('c', { k: 'v' })].map((n) => match(n))).toEqual([E.right(true), E.right(false), E.right(true)])
  })
})
