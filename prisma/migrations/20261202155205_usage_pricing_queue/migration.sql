-- CreateTable
CREATE TABLE "usage_pricing_queue" (
    "tenant_id" TEXT NOT NULL,
    "namespace_id" TEXT NOT NULL,
    "app_id" TEXT NOT NULL DEFAULT '',
    "resource_type" TEXT NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_pricing_queue_pkey" PRIMARY KEY ("tenant_id","namespace_id","app_id","resource_type","hour_start")
);

-- AddForeignKey
ALTER TABLE "usage_pricing_queue" ADD CONSTRAINT "usage_pricing_queue_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

