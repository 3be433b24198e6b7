import { emptyReply, jsonReply, type Reply, type SandboxRequest, textReply } from '@hrkit/sandbox-kit';
import { toXml, type XmlNode } from './xml.js';

const HTML = 'text/html; charset=UTF-8';

/**
 * BambooHR's error answer: empty body, text/html, the message in `X-BambooHR-Error-Message` (on 404s also in the
 * misspelled `…-Messsage` twin, as recorded).
 */
export function bambooError(status: number, message: string, extra: Record<string, string> = {}): Reply {
  const headers: Record<string, string> = { 'content-type': HTML, 'X-BambooHR-Error-Message': message, ...extra };
  if (status === 404) headers['X-BambooHR-Error-Messsage'] = message;
  return emptyReply(status, headers);
}

export function wantsJson(request: SandboxRequest): boolean {
  return (request.header('accept') ?? '').toLowerCase().includes('application/json');
}

/** JSON when the client sent `Accept: application/json`, BambooHR's XML otherwise. */
export function negotiate(request: SandboxRequest, json: unknown, xml: () => XmlNode): Reply {
  if (wantsJson(request)) return jsonReply(200, json, { 'content-type': 'application/json' });
  return textReply(200, toXml(xml()), 'text/xml; charset=UTF-8');
}

export function htmlOk(body = ''): Reply {
  return textReply(200, body, HTML);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isDate(value: string | null | undefined): value is string {
  return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value));
}

/** BambooHR's JSON timestamps: `2026-05-29T14:29:44+00:00`. */
export function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
