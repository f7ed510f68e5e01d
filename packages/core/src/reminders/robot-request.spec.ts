import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingTalkSignature, replyStatus, robotRequest } from './robot-request.ts';

const message = { title: '标题', text: '### 正文' };

describe('robotRequest', () => {
  it('posts WeCom markdown as content, to the URL as given', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc';
    expect(robotRequest('WECOM', url, message, null, 0)).toEqual({ url, body: { msgtype: 'markdown', markdown: { content: '### 正文' } } });
  });

  it('posts DingTalk markdown with a title, signed with timestamp and sign when a secret is set', () => {
    const request = robotRequest('DINGTALK', 'https://oapi.dingtalk.com/robot/send?access_token=t', message, 'SECxyz', 1_700_000_000_000);
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('t');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', 'SECxyz').update('1700000000000\nSECxyz').digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    // URL-encoded on the wire: base64's + / = never appear raw in the query.
    expect(request.url).not.toMatch(/sign=[^&]*[+/=]/);
    expect(request.body).toEqual({ msgtype: 'markdown', markdown: { title: '标题', text: '### 正文' } });
  });

  it('sends DingTalk unsigned without a secret', () => {
    const request = robotRequest('DINGTALK', 'https://oapi.dingtalk.com/robot/send?access_token=t', message, null, 1);
    expect(request.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=t');
  });

  it("matches DingTalk's documented example signature shape", () => {
    expect(dingTalkSignature('SEC000', 1)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});

describe('replyStatus', () => {
  it('is OK only for a 2xx whose errcode is 0', () => {
    expect(replyStatus({ status: 200, body: '{"errcode":0,"errmsg":"ok"}' })).toBe('OK');
    expect(replyStatus({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' })).toBe('ERRCODE_310000');
    expect(replyStatus({ status: 500, body: 'oops' })).toBe('HTTP_500');
    expect(replyStatus({ status: 200, body: '<html>portal</html>' })).toBe('BAD_REPLY');
    expect(replyStatus({ status: 200, body: '{}' })).toBe('BAD_REPLY');
  });
});
