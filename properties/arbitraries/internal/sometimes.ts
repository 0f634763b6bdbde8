import * as fc from 'fast-check'

/** `arb` in `present` of `present + absent` cases, else undefined (fc.option only biases towards the value). */
export const sometimes = <T>(arb: fc.Arbitrary<T>, present: number, absent: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: absent, arbitrary: fc.constant(undefined) }, { weight: present, arbitrary: arb })
