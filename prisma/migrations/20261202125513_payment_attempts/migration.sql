-- CreateEnum
CREATE TYPE "payment_attempt_status" AS ENUM ('pending', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "payment_attempt_kind" AS ENUM ('charge', 'refund');

-- CreateTable
CREATE TABLE "payment_attempts" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "billing_record_id" TEXT NOT NULL,
    "attempt_key" VARCHAR(128) NOT NULL,
    "attempt_number" INTEGER NOT NULL,
    "kind" "payment_attempt_kind" NOT NULL DEFAULT 'charge',
    "step" INTEGER,
    "payment_method_id" TEXT,
    "amount" DECIMAL(30,9) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_charge_id" TEXT,
    "provider_refund_id" TEXT,
    "status" "payment_attempt_status" NOT NULL DEFAULT 'pending',
    "decline_code" TEXT,
    "decline_message" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_attempts_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempts_tenant_id_billing_record_id_attempt_key_key" ON "payment_attempts"("tenant_id", "billing_record_id", "attempt_key");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempts_tenant_id_billing_record_id_attempt_number_key" ON "payment_attempts"("tenant_id", "billing_record_id", "attempt_number");

-- AddForeignKey
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_attempts" ADD CONSTRAINT "payment_attempts_tenant_id_billing_record_id_fkey" FOREIGN KEY ("tenant_id", "billing_record_id") REFERENCES "billing_records"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

