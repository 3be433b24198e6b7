import { describe, expect, it } from 'vitest';
import { categoryPermission, HIBOB_PERMISSIONS, mapHiBobError, permissionForPath } from '../src/internal.js';

describe('permissions in the words of Bob’s permission-group screens', () => {
  it.each([
    ['/v1/people/search', HIBOB_PERMISSIONS.directory],
    ['/v1/people/3332883884017713238', HIBOB_PERMISSIONS.directory],
    ['/v1/people/3332883884017713238/work', "People's Data › Work › View history"],
    ['/v1/bulk/people/lifecycle', "People's Data › Lifecycle › View history"],
    ['/v1/timeoff/whosout', "People's Data › Time off › See who's out"],
    ['/v1/timeoff/requests/changes', "People's Data › Time off › See who's out"],
    ['/v1/timeoff/employees/1/balance', "People's Data › Time off › Balance › See selected people's balances"],
    ['/v1/timeoff/policy-types', "Features › Time off › Settings › Manage company's time off settings"],
    ['/v1/company/named-lists', HIBOB_PERMISSIONS.permissionGroup],
  ])('%s needs %s', (path, permission) => expect(permissionForPath(path)).toBe(permission));

  it('category permissions', () => {
    expect(categoryPermission('Work Eligibility')).toBe("People's Data › Work Eligibility › View");
  });

  it('maps HiBob error bodies: 401 "No permissions…" is a permission problem, other 401s are credentials', () => {
    const headers = {};
    const denied = mapHiBobError({
      status: 401,
      body: { errorMessage: 'No permissions to position budget' },
      text: '',
      headers,
      request: 'POST /v1/people/search',
    });
    expect(denied?.code).toBe('PERMISSION');
    const refused = mapHiBobError({
      status: 401,
      body: { key: 'unauthorized', error: 'Unauthorized' },
      text: '',
      headers,
      request: 'POST /v1/people/search',
    });
    expect(refused?.code).toBe('AUTHENTICATION');
    const bad = mapHiBobError({
      status: 400,
      body: {
        errors: { '/work/x': { error: 'MISSING_MANDATORY_FIELD', message: "Missing mandatory field '/work/x'" } },
      },
      text: '',
      headers,
      request: 'POST /v1/people/search',
    });
    expect(bad?.message).toContain("Missing mandatory field '/work/x'");
    expect(bad?.retryable).toBe(false);
    expect(
      mapHiBobError({ status: 503, body: undefined, text: '', headers, request: 'GET /v1/timeoff/whosout' }),
    ).toBeUndefined();
  });
});
