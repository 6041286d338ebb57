-- CreateTable
CREATE TABLE "coupons" (
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "title_zh" TEXT NOT NULL,
    "percent_off" DECIMAL(30,9) NOT NULL,
    "resource_type" TEXT,
    "duration_months" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupons_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "coupon_redemptions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "coupon_code" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_by" TEXT,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "coupon_redemptions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "vouchers" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "amount" DECIMAL(30,9) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "valid_from" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "resource_type" TEXT,
    "created_by" TEXT,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vouchers_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "voucher_redemptions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "voucher_id" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "amount" DECIMAL(30,9) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "voucher_redemptions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateIndex
CREATE INDEX "coupon_redemptions_tenant_id_ends_at_idx" ON "coupon_redemptions"("tenant_id", "ends_at");

-- CreateIndex
CREATE INDEX "vouchers_tenant_id_expires_at_idx" ON "vouchers"("tenant_id", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "vouchers_tenant_id_code_key" ON "vouchers"("tenant_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "voucher_redemptions_tenant_id_voucher_id_period_key_key" ON "voucher_redemptions"("tenant_id", "voucher_id", "period_key");

-- AddForeignKey
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "coupon_redemptions" ADD CONSTRAINT "coupon_redemptions_coupon_code_fkey" FOREIGN KEY ("coupon_code") REFERENCES "coupons"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vouchers" ADD CONSTRAINT "vouchers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voucher_redemptions" ADD CONSTRAINT "voucher_redemptions_tenant_id_voucher_id_fkey" FOREIGN KEY ("tenant_id", "voucher_id") REFERENCES "vouchers"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

