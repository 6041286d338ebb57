import type { Messages } from '../zh-CN';

export const app: Messages['app'] = { name: 'Counterfoil', tagline: 'Billing portal' };
