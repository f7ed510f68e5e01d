import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateAddress } from './webhook-url.ts';

const strict = { allowHttp: false, allowPrivate: false };
const codeOf = (url: string, policy = strict) => {
  const check = checkWebhookUrl(url, policy);
  return check.ok ? 'OK' : check.code;
};

describe('checkWebhookUrl', () => {
  it('accepts the robots’ https URLs', () => {
    expect(codeOf('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe('OK');
    expect(codeOf('https://oapi.dingtalk.com/robot/send?access_token=abc')).toBe('OK');
  });

  it('refuses http unless allowed, and what is not a URL', () => {
    expect(codeOf('http://oapi.dingtalk.com/robot/send')).toBe('WEBHOOK_URL_INSECURE');
    expect(codeOf('http://oapi.dingtalk.com/robot/send', { allowHttp: true, allowPrivate: false })).toBe('OK');
    expect(codeOf('ftp://example.com/x')).toBe('WEBHOOK_URL_INSECURE');
    expect(codeOf('not a url')).toBe('WEBHOOK_URL_INVALID');
    expect(codeOf('https://user:pw@example.com/')).toBe('WEBHOOK_URL_INVALID');
  });

  it('refuses loopback, private and link-local hosts unless allowed (SSRF)', () => {
    for (const url of [
      'https://127.0.0.1/x',
      'https://localhost/x',
      'https://10.1.2.3/x',
      'https://192.168.1.1/x',
      'https://172.20.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://0.0.0.0/x',
    ])
      expect(codeOf(url), url).toBe('WEBHOOK_URL_PRIVATE');
    expect(codeOf('https://127.0.0.1/x', { allowHttp: false, allowPrivate: true })).toBe('OK');
  });
});

describe('isPrivateAddress', () => {
  it('tells public from private addresses', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2408:8000::1')).toBe(false);
    expect(isPrivateAddress('100.64.0.1')).toBe(true);
    expect(isPrivateAddress('fd00::1')).toBe(true);
    expect(isPrivateAddress('example.com')).toBe(false);
  });
});
