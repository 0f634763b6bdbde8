import { goQuote } from './goText'

/** apimachinery `field.Invalid(path, value, detail).Error()` for a string value. */
export const invalidValue = (path: string, value: string, detail: string): string =>
  `${path}: Invalid value: ${goQuote(value)}: ${detail}`

/** apimachinery `field.Required(path, "").Error()`. */
export const requiredValue = (path: string): string => `${path}: Required value`
