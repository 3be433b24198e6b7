/** Webhook event types the sandbox emits (hibob-api.md §7). */
export const BOB_EVENTS = {
  employeeCreated: 'employee.created',
  employeeUpdated: 'employee.updated',
  employeeDeleted: 'employee.deleted',
  employeeJoined: 'employee.joined',
  employeeLeft: 'employee.left',
  employeeActivated: 'employee.activated',
  employeeInactivated: 'employee.inactivated',
  employeeTemporaryLeave: 'employee.temporaryLeave',
  tableEntryCreated: 'table.entry.created',
  tableEntryUpdated: 'table.entry.updated',
  timeoffRequested: 'timeoff.request.requested',
  timeoffApproved: 'timeoff.request.approved',
  timeoffDeclined: 'timeoff.request.declined',
  timeoffCancelled: 'timeoff.request.cancelled',
  timeoffDeleted: 'timeoff.request.deleted',
  timeoffUpdated: 'timeoff.request.updated',
} as const;
