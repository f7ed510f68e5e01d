import { describe, expect, it } from 'vitest';
import { uploadQuotaBreach } from './upload-quota.ts';

const quota = { openPerUser: 2, openPerEnterprise: 3, openBytesPerEnterprise: 10 * 1024 ** 3 };
const none = { byUser: 0, byEnterprise: 0, bytesByEnterprise: 0 };

describe('uploadQuotaBreach', () => {
  it('lets an upload through below every limit', () => {
    expect(uploadQuotaBreach(none, 1024, quota)).toBeNull();
    expect(uploadQuotaBreach({ byUser: 1, byEnterprise: 2, bytesByEnterprise: 9 * 1024 ** 3 }, 1024 ** 3, quota)).toBeNull();
  });

  it('names the user limit first, then the enterprise count, then the bytes', () => {
    expect(uploadQuotaBreach({ byUser: 2, byEnterprise: 3, bytesByEnterprise: 0 }, 1, quota)).toEqual({
      code: 'UPLOAD_QUOTA_USER',
      params: { limit: 2 },
    });
    expect(uploadQuotaBreach({ byUser: 0, byEnterprise: 3, bytesByEnterprise: 0 }, 1, quota)).toEqual({
      code: 'UPLOAD_QUOTA_ENTERPRISE',
      params: { limit: 3 },
    });
    expect(uploadQuotaBreach({ byUser: 0, byEnterprise: 0, bytesByEnterprise: 9 * 1024 ** 3 }, 1024 ** 3 + 1, quota)).toEqual({
      code: 'UPLOAD_QUOTA_BYTES',
      params: { limit: '10.0 GB' },
    });
  });
});
