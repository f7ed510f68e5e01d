// The HTTP request each kind of group robot expects, and how to read its answer. Pure: the
// DingTalk signature takes the time as an argument.
import { createHmac } from 'node:crypto';
import type { WebhookKind } from '@platform/contracts';
import type { RobotMessage } from './reminder-message.ts';
import type { RobotReply } from './reminder.port.ts';

/** Where to post and what. */
export interface RobotRequest {
  url: string;
  body: unknown;
}

/**
 * DingTalk's 加签: `sign` = base64(HMAC-SHA256(secret, "<timestamp>\n<secret>")), sent URL-encoded
 * as a query parameter beside `timestamp` (milliseconds). DingTalk refuses a timestamp more than an
 * hour off, so it is computed for each attempt, never stored with the job.
 */
export function dingTalkSignature(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}

/**
 * The request for a robot of `kind`: WeCom `{"msgtype":"markdown","markdown":{"content"}}`,
 * DingTalk `{"msgtype":"markdown","markdown":{"title","text"}}` plus the signature when a secret
 * is set.
 */
export function robotRequest(kind: WebhookKind, url: string, message: RobotMessage, secret: string | null, nowMs: number): RobotRequest {
  if (kind === 'WECOM') return { url, body: { msgtype: 'markdown', markdown: { content: message.text } } };
  const target = new URL(url);
  if (secret) {
    target.searchParams.set('timestamp', String(nowMs));
    target.searchParams.set('sign', dingTalkSignature(secret, nowMs));
  }
  return { url: target.toString(), body: { msgtype: 'markdown', markdown: { title: message.title, text: message.text } } };
}

/**
 * The status code to record for a robot's answer: `OK` only for a 2xx whose JSON says `errcode: 0`
 * (both robots answer 200 with an errcode for a bad key, a bad signature or a rate limit);
 * `HTTP_<status>` for any other status; `ERRCODE_<n>`; `BAD_REPLY` for a 2xx that is not their JSON.
 */
export function replyStatus(reply: RobotReply): string {
  if (reply.status < 200 || reply.status > 299) return `HTTP_${reply.status}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body);
  } catch {
    return 'BAD_REPLY';
  }
  const errcode = (parsed as { errcode?: unknown } | null)?.errcode;
  if (typeof errcode !== 'number') return 'BAD_REPLY';
  return errcode === 0 ? 'OK' : `ERRCODE_${errcode}`;
}
