import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer';
import { INVOICE_FONT_FAMILY } from './fonts';
import { INVOICE_LABELS, type InvoiceLabels } from './labels';
import type { PrintableInvoice } from './printable-invoice';

const styles = StyleSheet.create({
  page: { fontFamily: INVOICE_FONT_FAMILY, fontSize: 9, padding: 36, color: '#1f2937' },
  header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 18 },
  title: { fontSize: 20 },
  meta: { alignItems: 'flex-end' },
  parties: { flexDirection: 'row', marginBottom: 16 },
  party: { flex: 1, paddingRight: 12 },
  heading: { fontSize: 8, color: '#4b5563', marginBottom: 3, textTransform: 'uppercase' },
  strong: { fontSize: 11, marginBottom: 2 },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: '#d1d5db', paddingVertical: 4 },
  headRow: { flexDirection: 'row', borderBottomWidth: 1, borderBottomColor: '#374151', paddingVertical: 4, color: '#374151' },
  description: { flex: 4, paddingRight: 6 },
  number: { flex: 1.3, textAlign: 'right' },
  narrow: { flex: 0.8, textAlign: 'right' },
  totals: { marginTop: 12, marginLeft: 'auto', width: 220 },
  totalRow: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 2 },
  grandTotal: { flexDirection: 'row', justifyContent: 'space-between', paddingVertical: 4, borderTopWidth: 1, borderTopColor: '#374151', fontSize: 11 },
  description2: { marginBottom: 10 },
});

function Party({ heading, name, lines, labels }: { heading: string; name: string; lines: { taxId: string | null; address: string | null; email: string | null }; labels: InvoiceLabels }) {
  return (
    <View style={styles.party}>
      <Text style={styles.heading}>{heading}</Text>
      <Text style={styles.strong}>{name}</Text>
      {lines.taxId ? <Text>{`${labels.taxId}: ${lines.taxId}`}</Text> : null}
      {lines.address ? <Text>{lines.address}</Text> : null}
      {lines.email ? <Text>{`${labels.email}: ${lines.email}`}</Text> : null}
    </View>
  );
}

function Meta({ invoice, labels }: { invoice: PrintableInvoice; labels: InvoiceLabels }) {
  const rows: [string, string | null][] = [
    [labels.number, invoice.invoiceNumber], [labels.status, labels.statuses[invoice.status]], [labels.issued, invoice.issuedOn],
    [labels.due, invoice.dueOn], [labels.paidAt, invoice.paidOn], [labels.period, invoice.period], [labels.currency, invoice.currency],
  ];
  return (
    <View style={styles.meta}>
      {rows.filter((row): row is [string, string] => row[1] !== null).map(([label, value]) => <Text key={label}>{`${label}: ${value}`}</Text>)}
    </View>
  );
}

function Lines({ invoice, labels }: { invoice: PrintableInvoice; labels: InvoiceLabels }) {
  return (
    <View>
      <View style={styles.headRow} fixed>
        <Text style={styles.description}>{labels.description}</Text>
        <Text style={styles.narrow}>{labels.quantity}</Text>
        <Text style={styles.number}>{labels.unitPrice}</Text>
        <Text style={styles.number}>{labels.amount}</Text>
        <Text style={styles.narrow}>{labels.taxRate}</Text>
        <Text style={styles.number}>{labels.tax}</Text>
      </View>
      {invoice.lines.map((line, index) => (
        <View style={styles.row} key={index} wrap={false}>
          <Text style={styles.description}>{line.description}</Text>
          <Text style={styles.narrow}>{line.quantity}</Text>
          <Text style={styles.number}>{line.unitPrice}</Text>
          <Text style={styles.number}>{line.amount}</Text>
          <Text style={styles.narrow}>{line.taxRate}</Text>
          <Text style={styles.number}>{line.taxAmount}</Text>
        </View>
      ))}
    </View>
  );
}

function Totals({ invoice, labels }: { invoice: PrintableInvoice; labels: InvoiceLabels }) {
  const row = (label: string, value: string) => (
    <View style={styles.totalRow} key={label}><Text>{label}</Text><Text>{`${invoice.currency} ${value}`}</Text></View>
  );
  return (
    <View style={styles.totals} wrap={false}>
      {row(labels.subtotal, invoice.subtotal)}
      {row(labels.taxTotal, invoice.taxAmount)}
      <View style={styles.grandTotal}><Text>{labels.total}</Text><Text>{`${invoice.currency} ${invoice.total}`}</Text></View>
      {row(labels.amountPaid, invoice.amountPaid)}
      {row(labels.amountDue, invoice.amountDue)}
      {invoice.amountRefunded === null ? null : row(labels.amountRefunded, invoice.amountRefunded)}
    </View>
  );
}

/** One invoice, A4, in the invoice's language; the line table's header repeats on every page. */
export function InvoiceDocument({ invoice }: { invoice: PrintableInvoice }) {
  const labels = INVOICE_LABELS[invoice.language];
  return (
    <Document title={`${labels.title} ${invoice.invoiceNumber}`} author={invoice.seller.name} language={invoice.language}>
      <Page size="A4" style={styles.page}>
        <View style={styles.header}>
          <Text style={styles.title}>{labels.title}</Text>
          <Meta invoice={invoice} labels={labels} />
        </View>
        <View style={styles.parties}>
          <Party heading={labels.seller} name={invoice.seller.name} lines={invoice.seller} labels={labels} />
          <Party heading={labels.buyer} name={invoice.buyer.companyName} lines={{ taxId: invoice.buyer.taxId, address: invoice.buyer.address, email: invoice.buyer.invoiceEmail }} labels={labels} />
        </View>
        <Text style={styles.description2}>{invoice.description}</Text>
        <Lines invoice={invoice} labels={labels} />
        <Totals invoice={invoice} labels={labels} />
      </Page>
    </Document>
  );
}
