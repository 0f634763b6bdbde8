export { claimObjects, type Claim, type Claimer } from './claimObjects'
