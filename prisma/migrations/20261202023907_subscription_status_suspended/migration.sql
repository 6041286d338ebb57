-- AlterEnum
ALTER TYPE "subscription_status" ADD VALUE 'suspended';

