/**
 * Fill unset config keys from environment variables: `{ serviceUserId: 'HIBOB_SERVICE_USER_ID' }`.
 * Explicit values always win. Used inside adapters' connection schemas (z.preprocess).
 */
export function withEnvironment(
  input: unknown,
  variables: Record<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): unknown {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) return input;
  const result: Record<string, unknown> = { ...(input as Record<string, unknown> | undefined) };
  for (const [key, variable] of Object.entries(variables)) {
    if (result[key] === undefined && env[variable] !== undefined && env[variable] !== '') result[key] = env[variable];
  }
  return result;
}
