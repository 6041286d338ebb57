import type { Messages } from '../zh-CN';

export const common: Messages['common'] = {
  loading: 'Loading…', retry: 'Try again', error: 'Something went wrong', signOut: 'Sign out', language: 'Language',
  previous: 'Previous', next: 'Next', pageOf: (page: number, count: number) => `Page ${page} of ${count}`, cancel: 'Cancel', close: 'Close',
  copy: 'Copy', copied: 'Copied', yes: 'Yes', no: 'No', never: 'Never', search: 'Search',
};
