import type { InvoiceLanguage } from '../billing-profile/schema';

/** The printed invoice's words, in the invoice language (the buyer's profile), not the viewer's UI locale. */
export type InvoiceLabels = {
  title: string; number: string; status: string; issued: string; due: string; period: string; paidAt: string;
  seller: string; buyer: string; taxId: string; email: string;
  description: string; quantity: string; unitPrice: string; amount: string; taxRate: string; tax: string;
  subtotal: string; taxTotal: string; total: string; amountPaid: string; amountDue: string; amountRefunded: string; currency: string;
  statuses: Record<'draft' | 'open' | 'paid' | 'failed' | 'void' | 'refunded', string>;
};

export const INVOICE_LABELS: Record<InvoiceLanguage, InvoiceLabels> = {
  en: {
    title: 'Invoice', number: 'Invoice number', status: 'Status', issued: 'Issue date', due: 'Due date', period: 'Service period', paidAt: 'Paid on',
    seller: 'Seller', buyer: 'Bill to', taxId: 'Tax ID', email: 'Email',
    description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', amount: 'Amount', taxRate: 'Tax rate', tax: 'Tax',
    subtotal: 'Subtotal', taxTotal: 'Tax', total: 'Total', amountPaid: 'Amount paid', amountDue: 'Amount due', amountRefunded: 'Refunded', currency: 'Currency',
    statuses: { draft: 'Draft', open: 'Open', paid: 'Paid', failed: 'Payment failed', void: 'Void', refunded: 'Refunded' },
  },
  'zh-CN': {
    title: '发票', number: '发票号码', status: '状态', issued: '开票日期', due: '到期日', period: '服务期间', paidAt: '付款日期',
    seller: '销售方', buyer: '购买方', taxId: '纳税人识别号', email: '邮箱',
    description: '项目', quantity: '数量', unitPrice: '单价', amount: '金额', taxRate: '税率', tax: '税额',
    subtotal: '小计', taxTotal: '税额合计', total: '价税合计', amountPaid: '已付金额', amountDue: '应付金额', amountRefunded: '已退款金额', currency: '币种',
    statuses: { draft: '草稿', open: '待付款', paid: '已付款', failed: '付款失败', void: '已作废', refunded: '已退款' },
  },
};
