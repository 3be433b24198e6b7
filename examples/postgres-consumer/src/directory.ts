import type { ChangeEvent, Employee } from '@hrkit/core';
import type { SyncReader } from '@hrkit/sync';
import type pg from 'pg';

/**
 * The app's own data: a people directory and an audit log, in the app's schema, next to hrkit's. Both are written
 * idempotently, because `drainEvents` delivers at least once (a crash between the sink and the delivered mark
 * hands the same batch over again, with the same event ids).
 */
export async function createDirectoryTables(pool: pg.Pool, schema: string): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE IF NOT EXISTS "${schema}".people (
      employee_id text PRIMARY KEY,
      display_name text,
      email text,
      job_title text,
      status text NOT NULL
    );
    CREATE TABLE IF NOT EXISTS "${schema}".audit_log (
      event_id text PRIMARY KEY,
      entity text NOT NULL,
      action text NOT NULL,
      entity_id text NOT NULL,
      changed_fields text[] NOT NULL,
      detected_at timestamptz NOT NULL
    );
  `);
}

/**
 * Apply one batch of change events in one transaction: log each event, and for employees copy the current record
 * (as hrkit stored it) into the directory. Replaying a batch changes nothing.
 */
export async function applyEvents(
  pool: pg.Pool,
  schema: string,
  store: SyncReader,
  connectionId: string,
  events: readonly ChangeEvent[],
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    for (const event of events) {
      await client.query(
        `INSERT INTO "${schema}".audit_log (event_id, entity, action, entity_id, changed_fields, detected_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
        [event.id, event.entity, event.action, event.entityId, event.changedFields, event.detectedAt],
      );
      if (event.entity !== 'employee') continue;
      const stored = await store.getRecord(connectionId, 'employee', event.entityId);
      if (!stored || stored.deleted) {
        await client.query(`DELETE FROM "${schema}".people WHERE employee_id = $1`, [event.entityId]);
        continue;
      }
      const employee = stored.data as Employee;
      await client.query(
        `INSERT INTO "${schema}".people (employee_id, display_name, email, job_title, status)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (employee_id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email,
           job_title = excluded.job_title, status = excluded.status`,
        [stored.id, employee.name.display, employee.emails.work, employee.jobTitle, employee.employmentStatus.value],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
