-- DropIndex
DROP INDEX "billing_records_invoice_number_key";

-- CreateIndex
CREATE UNIQUE INDEX "billing_records_tenant_id_invoice_number_key" ON "billing_records"("tenant_id", "invoice_number");

