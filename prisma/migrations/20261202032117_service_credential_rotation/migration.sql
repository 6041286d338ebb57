-- AlterTable
ALTER TABLE "service_credentials" ADD COLUMN     "previous_secret_expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "previous_secret_hash" CHAR(64),
ADD COLUMN     "rotated_at" TIMESTAMPTZ(3);

