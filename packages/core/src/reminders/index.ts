export type * from './reminder.port.ts';
export {
  dayLink,
  dayPath,
  missingMeetingMessage,
  shanghaiClock,
  testMessage,
  windowText,
  type ReminderFacts,
  type RobotMessage,
} from './reminder-message.ts';
export { dingTalkSignature, replyStatus, robotRequest, type RobotRequest } from './robot-request.ts';
export { RobotDeliveryError, RobotUnreachableError, type UnreachableReason } from './robot-errors.ts';
export { RobotDelivery, type DeliveryOutcome } from './robot-delivery.ts';
export { ReminderService, robotJobId, type ReminderSettings } from './reminder.service.ts';
export { WebhookService } from './webhook.service.ts';
export { NotificationService } from './notification.service.ts';
export { checkWebhookUrl, isPrivateAddress, type UrlCheck, type WebhookUrlPolicy } from './webhook-url.ts';
