import { createElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import { registerInvoiceFont } from './fonts';
import { InvoiceDocument } from './invoice-document';
import type { PrintableInvoice } from './printable-invoice';

/** Renders one invoice to PDF bytes (the font is embedded as a subset of the glyphs used). */
export async function renderInvoicePdf(invoice: PrintableInvoice): Promise<Buffer> {
  registerInvoiceFont();
  return renderToBuffer(createElement(InvoiceDocument, { invoice }) as unknown as ReactElement<DocumentProps>);
}
