-- CreateTable
CREATE TABLE "usage_monthly" (
    "tenant_id" TEXT NOT NULL,
    "namespace_id" TEXT NOT NULL,
    "app_id" TEXT NOT NULL DEFAULT '',
    "resource_type" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "quantity" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "max_value" DECIMAL(30,9),
    "last_value" DECIMAL(30,9),
    "last_at" TIMESTAMPTZ(3),
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_monthly_pkey" PRIMARY KEY ("tenant_id","namespace_id","app_id","resource_type","month")
);

-- CreateIndex
CREATE INDEX "usage_monthly_tenant_id_resource_type_month_idx" ON "usage_monthly"("tenant_id", "resource_type", "month");

-- AddForeignKey
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_monthly" ADD CONSTRAINT "usage_monthly_tenant_id_namespace_id_fkey" FOREIGN KEY ("tenant_id", "namespace_id") REFERENCES "namespaces"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

