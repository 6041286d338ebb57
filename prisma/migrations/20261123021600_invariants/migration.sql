-- Invariants that Prisma's schema language cannot state, written by hand (the drift test
-- compares everything else with schema.prisma; test/invariants.test.ts checks these).

-- One live subscription per tenant; one active primary and one active secondary payment method;
-- one default billing account and resource group.
CREATE UNIQUE INDEX "subscriptions_one_live_per_tenant" ON "subscriptions" ("tenant_id") WHERE "ended_at" IS NULL;
CREATE UNIQUE INDEX "payment_methods_one_primary_per_tenant" ON "payment_methods" ("tenant_id") WHERE "role" = 'primary' AND "status" = 'active';
CREATE UNIQUE INDEX "payment_methods_one_secondary_per_tenant" ON "payment_methods" ("tenant_id") WHERE "role" = 'secondary' AND "status" = 'active';
CREATE UNIQUE INDEX "billing_accounts_one_default_per_tenant" ON "billing_accounts" ("tenant_id") WHERE "is_default";
CREATE UNIQUE INDEX "resource_groups_one_default_per_tenant" ON "resource_groups" ("tenant_id") WHERE "is_default";

-- The audit log and the credit ledger are append-only: the database refuses to rewrite history.
CREATE FUNCTION "refuse_history_rewrite"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER "audit_logs_append_only" BEFORE UPDATE OR DELETE ON "audit_logs"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "audit_logs_no_truncate" BEFORE TRUNCATE ON "audit_logs"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "credit_transactions_append_only" BEFORE UPDATE OR DELETE ON "credit_transactions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_history_rewrite"();
CREATE TRIGGER "credit_transactions_no_truncate" BEFORE TRUNCATE ON "credit_transactions"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_history_rewrite"();
