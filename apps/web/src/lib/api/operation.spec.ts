// Runs under vitest; the `@ts-expect-error` lines and `expectTypeOf` are checked by svelte-check
// (`npm run check -w @platform/web`), so a client that drifts from the contract fails there.
import type { Meeting, Page, MeetingSummary, UploadCompletion, Upload } from '@platform/contracts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { resolveOperation, type Body, type PathParams, type Query, type Result } from './operation.ts';

describe('resolveOperation', () => {
  it('takes method and path from the contract and fills in encoded params', () => {
    expect(resolveOperation('getMeeting', { params: { id: 'a b/c' } })).toEqual({
      method: 'GET',
      path: '/api/meetings/a%20b%2Fc',
      query: undefined,
      body: undefined,
    });
    expect(resolveOperation('updateUser', { params: { id: 'u1' }, body: { active: false } })).toMatchObject({
      method: 'PATCH',
      path: '/api/users/u1',
      body: { active: false },
    });
    expect(resolveOperation('listMeetings', { query: { page: 2 } })).toMatchObject({
      method: 'GET',
      path: '/api/meetings',
      query: { page: 2 },
    });
  });

  it('keeps the slashes of a wildcard param', () => {
    expect(resolveOperation('streamMediaFile', { params: { id: 'm', token: 't', '*': 'hls/720p/seg 1.m4s' } }).path).toBe(
      '/api/media/m/stream/t/hls/720p/seg%201.m4s',
    );
  });

  it('fails to compile a call the contract does not allow', () => {
    // Each of these throws or is wrong at run time too; the point is that they do not type-check.
    const attempts = [
      // @ts-expect-error: no such operation
      () => resolveOperation('getMeetings', {}),
      // @ts-expect-error: the path has an :id
      () => resolveOperation('getMeeting', {}),
      // @ts-expect-error: the param is called id
      () => resolveOperation('getMeeting', { params: { meetingId: 'x' } }),
      // @ts-expect-error: a GET takes no body
      () => resolveOperation('getMeeting', { params: { id: 'x' }, body: {} }),
      // @ts-expect-error: the body is required and must be a zone
      () => resolveOperation('createZone', { body: { name: 'only a name' } }),
      // @ts-expect-error: not a filter of the meeting list
      () => resolveOperation('listMeetings', { query: { colour: 'red' } }),
    ];
    expect(attempts).toHaveLength(6);
  });

  it('types answers, bodies and params from the route table', () => {
    expectTypeOf<Result<'getMeeting'>>().toEqualTypeOf<Meeting>();
    expectTypeOf<Result<'listMeetings'>>().toEqualTypeOf<{
      items: MeetingSummary[];
      total: number;
      totalCapped?: boolean | undefined;
      page: number;
      pageSize: number;
    }>();
    expectTypeOf<Result<'listMeetings'>>().toMatchTypeOf<Page<MeetingSummary>>();
    expectTypeOf<Result<'completeUpload'>>().toEqualTypeOf<UploadCompletion>();
    expectTypeOf<Result<'createUpload'>>().toEqualTypeOf<Upload>();
    expectTypeOf<Result<'abortUpload'>>().toEqualTypeOf<void>();
    // Fields with a server default are optional for the client.
    expectTypeOf<Body<'createZone'>>().toMatchTypeOf<{ code: string; name: string; sortOrder?: number }>();
    expectTypeOf<{ code: string; name: string; kind: 'TOWN' }>().toMatchTypeOf<Body<'createZone'>>();
    expectTypeOf<Query<'listEnterprises'>>().toMatchTypeOf<{ page?: number; q?: string }>();
    expectTypeOf<PathParams<'uploadPart'>>().toEqualTypeOf<{ id: string; partNumber: string }>();
  });
});
