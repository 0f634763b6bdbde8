export { claimObjects, type Claim, type Claimer, type OwnershipWrite } from './claimObjects'
