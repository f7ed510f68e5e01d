/** Why a post got no answer: the code recorded as the robot's last status. */
export type UnreachableReason = 'TIMEOUT' | 'UNREACHABLE' | 'ADDRESS_REFUSED';

/** No answer from a robot: timed out, refused, unknown host, or a host resolving to a refused address. */
export class RobotUnreachableError extends Error {
  override name = 'RobotUnreachableError';

  constructor(
    readonly reason: UnreachableReason,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}

/**
 * A robot answered but did not deliver (non-2xx, or 200 with `errcode` ≠ 0). Thrown by the job so
 * pg-boss retries with backoff; `status` is what was recorded (`HTTP_500`, `ERRCODE_310000`).
 */
export class RobotDeliveryError extends Error {
  override name = 'RobotDeliveryError';

  constructor(
    readonly status: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
  }
}
