import type { Messages } from '../zh-CN';

export const recordStatus: Messages['recordStatus'] = { draft: 'Draft', open: 'Open', paid: 'Paid', failed: 'Failed', void: 'Void', refunded: 'Refunded' };
