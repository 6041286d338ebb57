-- AlterTable
ALTER TABLE "billing_records" ADD COLUMN     "buyer_profile" JSONB;

-- CreateTable
CREATE TABLE "billing_profiles" (
    "tenant_id" TEXT NOT NULL,
    "company_name" TEXT NOT NULL,
    "tax_id" TEXT,
    "address" TEXT,
    "invoice_email" VARCHAR(320),
    "invoice_language" TEXT NOT NULL DEFAULT 'zh-CN',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_profiles_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "invoice_pdfs" (
    "tenant_id" TEXT NOT NULL,
    "billing_record_id" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "pdf" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "invoice_pdfs_pkey" PRIMARY KEY ("tenant_id","billing_record_id")
);

-- AddForeignKey
ALTER TABLE "billing_profiles" ADD CONSTRAINT "billing_profiles_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_pdfs" ADD CONSTRAINT "invoice_pdfs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_pdfs" ADD CONSTRAINT "invoice_pdfs_tenant_id_billing_record_id_fkey" FOREIGN KEY ("tenant_id", "billing_record_id") REFERENCES "billing_records"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

