// Scenario 1: kill -9 of an API instance while a part streams through it; the client resumes the
// same upload on another instance with the same session.
import type { Upload } from '@platform/contracts';
import { FaultClient, partBytes, sha256, sleep, stallingBody } from './fault-client.ts';
import { Recorder, type FaultWorld, type ScenarioReport } from './fault-kit.ts';

export async function apiKillMidUpload(world: FaultWorld): Promise<ScenarioReport> {
  const r = new Recorder('1. kill -9 of the API mid-upload');
  const [apiA, apiB] = world.apis;
  const { bytes } = world.video;
  const client = new FaultClient(apiA!.base, world.officer.cookie);
  const meetingId = await client.reportMeeting('故障-上传中断');
  const upload = await client.createUpload(meetingId, 'api-kill.mp4', bytes.length);
  r.say(
    `upload ${upload.id} on ${apiA!.name}: ${upload.partCount} parts of ${upload.partSize / 1048576} MB, direct=${upload.direct}, ` +
      `targets ${upload.parts[0]!.url.startsWith('http') ? 'presigned store URLs' : 'API part routes'}`,
  );

  // Part 1 straight to the store with its presigned URL, part 2 through API A's part route.
  const direct = await client.sendPart(upload, 1, partBytes(upload, bytes, 1), 'direct');
  r.say(`part 1 presigned PUT to the store: ${direct.status}`);
  const viaApi = await client.sendPart(upload, 2, partBytes(upload, bytes, 2), 'api');
  r.say(`part 2 through ${apiA!.name}'s part route: ${viaApi.status}`);

  // Part 3 through API A, stalled after 1 MB; API A is killed while it waits for the rest.
  const part3 = partBytes(upload, bytes, 3);
  const stalled = stallingBody(part3, 1024 * 1024);
  const streaming = client.sendPart(upload, 3, stalled.stream, 'api');
  await sleep(500);
  const killedAt = Date.now();
  apiA!.kill('SIGKILL');
  await apiA!.exited;
  stalled.release();
  const cut = await streaming;
  r.say(
    `${apiA!.name} SIGKILLed with 1 of ${(part3.length / 1048576).toFixed(1)} MB of part 3 sent: the client saw ${cut.status || cut.code}`,
  );

  // Resume on API B with the same cookie (sessions live in the database).
  client.base = apiB!.base;
  const resumed = await client.json<Upload>('GET', `/api/uploads/${upload.id}`);
  const received = resumed.received.map((p) => p.partNumber);
  r.time('resume answer on the other instance', Date.now() - killedAt);
  r.say(`${apiB!.name} says received parts [${received.join(', ')}], missing [${resumed.parts.map((p) => p.partNumber).join(', ')}]`);
  r.expect(received.includes(1) && received.includes(2), `parts stored before the kill (received: ${received.join(', ')})`);
  r.expect(!received.includes(3), 'a half-sent part counted as received');
  for (const part of resumed.parts) {
    const answer = await client.sendPart(resumed, part.partNumber, partBytes(resumed, bytes, part.partNumber), 'api');
    r.expect(answer.status === 200, `part ${part.partNumber} on ${apiB!.name}: ${answer.status} ${answer.code ?? ''}`);
  }
  const completed = await client.call<{ assetId: string }>('POST', `/api/uploads/${upload.id}/complete`);
  r.expect(completed.status === 200, `complete: ${completed.status} ${completed.code ?? ''}`);
  const media = await client.waitForMedia(upload.assetId, ['READY'], 180_000);
  r.time('kill → asset READY', Date.now() - killedAt);
  r.expect(media?.status === 'READY', `asset ${upload.assetId} is ${media?.status ?? 'unknown'}, not READY`);
  const stored = await world.cluster.store.bucket.read(`media/${upload.assetId}/source`);
  const same = sha256(stored) === world.video.sha256;
  r.say(`stored original ${stored.length} bytes, sha256 ${same ? 'equals' : 'DIFFERS FROM'} the source file's`);
  r.expect(same, `original's bytes (${stored.length} of ${bytes.length})`);
  return r.finish();
}
