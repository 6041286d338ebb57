import type { Messages } from '../zh-CN';

export const impersonation: Messages['impersonation'] = {
  action: 'Impersonate',
  dialogTitle: 'Impersonate tenant',
  dialogDescription: 'View this tenant’s portal with a bounded role. Every request is audited, and the tenant’s owners and admins see the reason.',
  reason: 'Reason',
  reasonHint: '10–500 characters, visible to the tenant.',
  duration: 'Duration',
  minutes: '{n} minutes',
  hours: '{n} hours',
  start: 'Start impersonating',
  cancel: 'Cancel',
  banner: '{staff} is impersonating this tenant as {role}',
  reasonLabel: 'Reason: ',
  timeLeft: 'Time left',
  stop: 'Stop impersonating',
  ended: 'The impersonation has ended or expired.',
};
