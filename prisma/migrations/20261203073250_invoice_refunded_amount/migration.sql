-- AlterTable
ALTER TABLE "billing_records" ADD COLUMN     "refunded_amount" DECIMAL(30,9) NOT NULL DEFAULT 0;

-- Invoices refunded before partial refunds existed were refunded in full.
UPDATE "billing_records" SET "refunded_amount" = "amount" WHERE "status" = 'refunded';
