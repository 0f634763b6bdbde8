export {
  type Operator,
  type Requirement,
  type Selector,
  nothing,
  everything,
  matchesRequirement,
  matchesSelector,
  isEverything,
} from './requirement'
export { fromLabelSelector, labelSelectorMatches } from './fromLabelSelector'
export { parseSelector } from './parseSelector'
export { formatSelector } from './formatSelector'
