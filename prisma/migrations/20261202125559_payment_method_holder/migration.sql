-- AlterTable
ALTER TABLE "payment_methods" ADD COLUMN     "holder" VARCHAR(200);

