-- AlterTable
ALTER TABLE "subscriptions" ADD COLUMN     "billing_anchor_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "plan_transitions" ADD COLUMN     "from_billing_cycle" "billing_cycle",
ADD COLUMN     "new_period_end" TIMESTAMPTZ(3),
ADD COLUMN     "to_billing_cycle" "billing_cycle";

