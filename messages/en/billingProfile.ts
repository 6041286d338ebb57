import type { Messages } from '../zh-CN';

export const billingProfile: Messages['billingProfile'] = {
  nav: 'Billing profile', title: 'Billing profile', buyer: 'Buyer details',
  description: 'The buyer details printed on your invoices. Invoices issued after you save use the new details; issued invoices keep the details they were issued with.',
  companyName: 'Company name', taxId: 'Tax ID', taxIdHint: 'Unified social credit code or VAT number; optional.', address: 'Address', invoiceEmail: 'Invoice email',
  invoiceEmailHint: 'Invoices are sent to this address; optional.', invoiceLanguage: 'Invoice language', languages: { 'zh-CN': '简体中文', en: 'English' },
  save: 'Save', saved: 'Billing profile saved.', notSaved: 'Not saved yet: these are defaults taken from the tenant.', lastSaved: 'Last saved',
  readOnly: 'Only billing, admin or owner members can change the billing profile.',
  invalid: 'Please correct the marked fields.',
  errors: {
    companyNameRequired: 'Enter the company name.', companyNameTooLong: 'The company name can be at most 200 characters.',
    taxIdInvalid: 'A tax ID has only letters, digits, spaces and . / -, at most 64 characters.',
    addressTooLong: 'The address can be at most 500 characters.', invoiceEmailInvalid: 'Enter a valid email address.',
  },
};
