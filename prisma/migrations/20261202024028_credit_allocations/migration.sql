-- CreateTable
CREATE TABLE "credit_allocations" (
    "tenant_id" TEXT NOT NULL,
    "debit_id" TEXT NOT NULL,
    "credit_id" TEXT NOT NULL,
    "amount" DECIMAL(30,9) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_allocations_pkey" PRIMARY KEY ("tenant_id","debit_id","credit_id")
);

-- CreateIndex
CREATE INDEX "credit_allocations_tenant_id_credit_id_idx" ON "credit_allocations"("tenant_id", "credit_id");

-- AddForeignKey
ALTER TABLE "credit_allocations" ADD CONSTRAINT "credit_allocations_tenant_id_debit_id_fkey" FOREIGN KEY ("tenant_id", "debit_id") REFERENCES "credit_transactions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_allocations" ADD CONSTRAINT "credit_allocations_tenant_id_credit_id_fkey" FOREIGN KEY ("tenant_id", "credit_id") REFERENCES "credit_transactions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Written by hand (Prisma's schema language cannot state these; the drift test compares the rest).
-- Allocations are history too: append-only like the ledger they explain.
CREATE TRIGGER "credit_allocations_append_only" BEFORE UPDATE OR DELETE ON "credit_allocations"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "credit_allocations_no_truncate" BEFORE TRUNCATE ON "credit_allocations"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_rewrite"();

-- One active subscription of an add-on per subscription: a second subscribe cannot add a second row.
CREATE UNIQUE INDEX "subscription_add_ons_one_active" ON "subscription_add_ons" ("tenant_id", "subscription_id", "add_on_code") WHERE "status" = 'active';
