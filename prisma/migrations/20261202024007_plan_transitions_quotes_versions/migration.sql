-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "plan_transition_state" ADD VALUE 'quoted';
ALTER TYPE "plan_transition_state" ADD VALUE 'canceled';

-- AlterTable
ALTER TABLE "plans" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_prices" ADD COLUMN     "yearly_price" DECIMAL(30,9);

-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "plan_version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "plan_transitions" ADD COLUMN     "amount_due" DECIMAL(30,9) NOT NULL DEFAULT 0,
ADD COLUMN     "charge_tax_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
ADD COLUMN     "confirmed_at" TIMESTAMPTZ(3),
ADD COLUMN     "credit_applied_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
ADD COLUMN     "credit_tax_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
ADD COLUMN     "from_plan_version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "quote_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "quote_hash" TEXT,
ADD COLUMN     "to_plan_version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "plan_versions" (
    "plan_code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "prices" JSONB NOT NULL,
    "entitlements" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "plan_versions_pkey" PRIMARY KEY ("plan_code","version")
);

-- AddForeignKey
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE CASCADE ON UPDATE CASCADE;

