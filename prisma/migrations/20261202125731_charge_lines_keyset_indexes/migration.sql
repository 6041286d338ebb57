-- DropIndex
DROP INDEX "charge_lines_tenant_id_bill_id_created_at_idx";

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_bill_id_created_at_id_idx" ON "charge_lines"("tenant_id", "bill_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_bill_id_amount_id_idx" ON "charge_lines"("tenant_id", "bill_id", "amount", "id");

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_bill_id_quantity_id_idx" ON "charge_lines"("tenant_id", "bill_id", "quantity", "id");

