// Who may see and do what: the one access module (docs/architecture.md, "Access"). The role matrix,
// record ownership in SQL, the viewer's record scope, the views the KPI engine accepts, which filters
// a viewer may choose, and which goals a viewer may see or change.
export { can, assertCan, PermissionError, type Permission, type SessionUser } from './roles';
export {
  recordScope, viewableTeamIds, mayCreateRecordKind, mayWriteRecord, hasMemberViews,
  type RecordAccess, type RecordScope, type MemberView,
} from './records';
export { ownerIdOf, ownedBy, ownerGroupExpr, teamMembers, visibleRecords } from './ownership';
export {
  authorizeView, trustedView, goalView, assertAuthorized, authorizedRows, filtersWithinReadScope, KpiForbiddenError,
  type AuthorizedView, type RowFilters, type GoalScope,
} from './view';
export { mayManageGoal, creatableScopes, visibleGoals } from './goals';
export { scopeChoices, type ScopeChoice } from './filter-choices';
