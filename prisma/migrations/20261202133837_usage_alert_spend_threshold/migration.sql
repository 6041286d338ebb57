-- AlterEnum
ALTER TYPE "alert_threshold_kind" ADD VALUE 'spend';

-- AlterTable
ALTER TABLE "usage_alerts" ADD COLUMN     "threshold_spend" DECIMAL(30,9);

