import type { Messages } from '../zh-CN';

export const paymentMethods: Messages['paymentMethods'] = {
  nav: 'Payment methods', title: 'Payment methods',
  description: 'Invoices are charged to the primary method first, and to the secondary when that fails. When a card or wallet becomes your primary or secondary, unpaid invoices are charged again right away. Card numbers and security codes go only to the payment processor; we never store them.',
  add: 'Add payment method', empty: 'No payment methods yet', emptyHint: 'Add a card, Alipay, WeChat Pay or a bank transfer account to pay your invoices.',
  viewerNote: 'You can see the payment methods; adding, changing roles and removing need the billing role or higher.',
  columns: { method: 'Method', holder: 'Holder', expiry: 'Expires', role: 'Role', actions: 'Actions' },
  kinds: { card: 'Card', alipay: 'Alipay', wechat: 'WeChat Pay', bank: 'Bank transfer' },
  roles: { primary: 'Primary', secondary: 'Secondary', normal: 'Normal' },
  expired: 'Expired', noExpiry: '—',
  makePrimary: 'Make primary', makeSecondary: 'Make secondary', swap: 'Swap primary and secondary', remove: 'Remove',
  confirmRemove: (label: string) => `Remove ${label}?`,
  removeIntro: 'It will no longer be charged. If it is the only method able to pay an open invoice, add another one first.',
  lastMethodForOpenInvoice: 'This is the only payment method that can pay an open invoice. Add another payment method before removing it.',
  done: { added: 'Payment method added.', removed: 'Payment method removed.', primary: 'Primary payment method set.', secondary: 'Secondary payment method set.', swapped: 'Primary and secondary swapped.' },
  form: {
    title: 'Add payment method', kind: 'Type', role: 'Role',
    roleHint: 'The primary method is charged first; the secondary is used when the primary fails.',
    cardNumber: 'Card number', cardNumberHint: 'Test cards: 4242 4242 4242 4242 succeeds; 4000 0000 0000 0002 is declined; 4000 0000 0000 9995 has insufficient funds.',
    expMonth: 'Expiry month', expYear: 'Expiry year', cvc: 'Security code (CVC)', holder: 'Name on card',
    account: 'Account (phone, email or ID)', bankName: 'Bank', accountNumber: 'Account number', accountHolder: 'Account name',
    bankHint: 'Bank transfers are never charged automatically: finance settles the invoice when the money arrives.',
    sandboxNote: 'Card details go straight to the sandbox payment processor to be tokenized; billing only receives the token.',
    submit: 'Add', cancel: 'Cancel',
    errors: {
      invalid_number: 'The card number is not valid (check the digits).', invalid_expiry: 'The card has expired or the expiry date is not valid.', invalid_cvc: 'The security code is not valid (3 digits, 4 for American Express).',
      invalid_account: 'The account is not valid.', invalid_holder: 'Enter the account name.', invalid_request: 'Fill in every required field.', rate_limited: 'Too many attempts; try again in a minute.',
      network: 'Could not reach the payment processor; try again.',
    },
  },
};
