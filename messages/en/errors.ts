import type { Messages } from '../zh-CN';

export const errors: Messages['errors'] = { notFound: 'Not found', notFoundHint: 'This page does not exist, or you do not have access to it.', back: 'Back to start' };
