import type { Messages } from '../zh-CN';

export const signIn: Messages['signIn'] = {
  title: 'Sign in to Counterfoil', email: 'Email', password: 'Password', submit: 'Sign in',
  invalid: 'The email or password is incorrect.', rateLimited: 'Too many failed attempts. Wait a few minutes (at most 15) and try again.',
  expired: 'Your session has ended. Please sign in again.', signedOut: 'You have signed out.',
};
