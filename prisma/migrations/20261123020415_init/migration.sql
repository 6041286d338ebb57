-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "tenant_status" AS ENUM ('active', 'suspended', 'closed');

-- CreateEnum
CREATE TYPE "tenant_type" AS ENUM ('freemium', 'enterprise');

-- CreateEnum
CREATE TYPE "user_status" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "staff_role" AS ENUM ('support', 'finance', 'admin');

-- CreateEnum
CREATE TYPE "membership_role" AS ENUM ('owner', 'admin', 'billing', 'viewer');

-- CreateEnum
CREATE TYPE "app_status" AS ENUM ('active', 'disabled');

-- CreateEnum
CREATE TYPE "plan_type" AS ENUM ('free', 'individual', 'team', 'organization');

-- CreateEnum
CREATE TYPE "billing_cycle" AS ENUM ('monthly', 'yearly');

-- CreateEnum
CREATE TYPE "plan_transition_method" AS ENUM ('wizard', 'support', 'recreate');

-- CreateEnum
CREATE TYPE "upgrade_proration" AS ENUM ('prorate_now', 'at_renewal');

-- CreateEnum
CREATE TYPE "downgrade_proration" AS ENUM ('at_period_end', 'prorate_now_credit');

-- CreateEnum
CREATE TYPE "proration_mode" AS ENUM ('prorate_now', 'at_renewal', 'at_period_end', 'prorate_now_credit');

-- CreateEnum
CREATE TYPE "meter_kind" AS ENUM ('counter', 'gauge');

-- CreateEnum
CREATE TYPE "gauge_billing" AS ENUM ('peak', 'average');

-- CreateEnum
CREATE TYPE "subscription_status" AS ENUM ('trialing', 'active', 'past_due', 'grace', 'canceled', 'expired');

-- CreateEnum
CREATE TYPE "subscription_add_on_status" AS ENUM ('active', 'canceled');

-- CreateEnum
CREATE TYPE "plan_transition_direction" AS ENUM ('upgrade', 'downgrade', 'lateral');

-- CreateEnum
CREATE TYPE "plan_transition_state" AS ENUM ('creating', 'failed', 'finished', 'waiting_for_approval');

-- CreateEnum
CREATE TYPE "payment_method_kind" AS ENUM ('card', 'alipay', 'wechat', 'bank');

-- CreateEnum
CREATE TYPE "payment_method_role" AS ENUM ('primary', 'secondary', 'normal');

-- CreateEnum
CREATE TYPE "payment_method_status" AS ENUM ('active', 'removed');

-- CreateEnum
CREATE TYPE "billing_record_type" AS ENUM ('subscription', 'proration', 'usage', 'addon', 'adjustment');

-- CreateEnum
CREATE TYPE "billing_record_status" AS ENUM ('draft', 'open', 'paid', 'failed', 'void', 'refunded');

-- CreateEnum
CREATE TYPE "credit_transaction_type" AS ENUM ('credit', 'debit');

-- CreateEnum
CREATE TYPE "credit_source" AS ENUM ('proration', 'promotion', 'refund', 'adjustment', 'invoice_payment', 'manual');

-- CreateEnum
CREATE TYPE "quota_enforcement" AS ENUM ('hard', 'soft');

-- CreateEnum
CREATE TYPE "metered_billing_status" AS ENUM ('open', 'closed', 'invoiced');

-- CreateEnum
CREATE TYPE "usage_alert_status" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "alert_threshold_kind" AS ENUM ('percent', 'amount');

-- CreateEnum
CREATE TYPE "notification_channel" AS ENUM ('email', 'in_app');

-- CreateEnum
CREATE TYPE "delivery_status" AS ENUM ('pending', 'sent', 'failed', 'skipped');

-- CreateEnum
CREATE TYPE "billing_account_status" AS ENUM ('active', 'closed');

-- CreateEnum
CREATE TYPE "bill_state" AS ENUM ('pending', 'due', 'paying', 'paid', 'failed', 'writeoff', 'canceled');

-- CreateEnum
CREATE TYPE "payment_model" AS ENUM ('prepaid', 'postpaid');

-- CreateEnum
CREATE TYPE "consume_type" AS ENUM ('consumption', 'refund', 'reconciliation');

-- CreateEnum
CREATE TYPE "idempotency_state" AS ENUM ('in_progress', 'completed');

-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('user', 'staff', 'api_key', 'service', 'system');

-- CreateTable
CREATE TABLE "tenants" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "billing_timezone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "tax_rate" DECIMAL(9,6) NOT NULL DEFAULT 0.06,
    "status" "tenant_status" NOT NULL DEFAULT 'active',
    "tenant_type" "tenant_type" NOT NULL DEFAULT 'freemium',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'zh-CN',
    "status" "user_status" NOT NULL DEFAULT 'active',
    "staff_role" "staff_role",
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_login_at" TIMESTAMPTZ(3),

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth_sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "ip" TEXT,
    "user_agent" TEXT,
    "impersonation_tenant_id" TEXT,
    "impersonation_id" TEXT,

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempts" (
    "id" TEXT NOT NULL,
    "email" VARCHAR(320) NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_credentials" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "service_credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_number_sequences" (
    "year" INTEGER NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "invoice_number_sequences_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "audit_logs" (
    "id" TEXT NOT NULL,
    "tenant_id" TEXT,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_user_id" TEXT,
    "api_key_id" TEXT,
    "service_credential_id" TEXT,
    "impersonator_user_id" TEXT,
    "impersonation_id" TEXT,
    "action" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "plans" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "subtitle" TEXT NOT NULL DEFAULT '',
    "subtitle_zh" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "description_zh" TEXT NOT NULL DEFAULT '',
    "plan_type" "plan_type" NOT NULL,
    "tenant_type" "tenant_type" NOT NULL,
    "rank" INTEGER NOT NULL,
    "billing_cycle" "billing_cycle" NOT NULL DEFAULT 'monthly',
    "trial_days" INTEGER NOT NULL DEFAULT 0,
    "grace_period_days" INTEGER NOT NULL DEFAULT 7,
    "requires_manual_approval" BOOLEAN NOT NULL DEFAULT false,
    "billing_disabled" BOOLEAN NOT NULL DEFAULT false,
    "transition_method" "plan_transition_method" NOT NULL DEFAULT 'wizard',
    "upgrade_proration" "upgrade_proration" NOT NULL DEFAULT 'prorate_now',
    "downgrade_proration" "downgrade_proration" NOT NULL DEFAULT 'at_period_end',
    "object_limits" JSONB NOT NULL DEFAULT '{}',
    "api_limits" JSONB NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plans_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "plan_prices" (
    "plan_code" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "price" DECIMAL(30,9) NOT NULL,

    CONSTRAINT "plan_prices_pkey" PRIMARY KEY ("plan_code","currency")
);

-- CreateTable
CREATE TABLE "plan_entitlements" (
    "plan_code" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "included_units" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "quota_limit" DECIMAL(30,9),
    "gauge_billing" "gauge_billing" NOT NULL DEFAULT 'peak',

    CONSTRAINT "plan_entitlements_pkey" PRIMARY KEY ("plan_code","resource_type")
);

-- CreateTable
CREATE TABLE "add_ons" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "description_zh" TEXT NOT NULL DEFAULT '',
    "billing_cycle" "billing_cycle" NOT NULL DEFAULT 'monthly',
    "sku_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "add_ons_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "add_on_prices" (
    "add_on_code" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "price" DECIMAL(30,9) NOT NULL,

    CONSTRAINT "add_on_prices_pkey" PRIMARY KEY ("add_on_code","currency")
);

-- CreateTable
CREATE TABLE "plan_add_ons" (
    "plan_code" TEXT NOT NULL,
    "add_on_code" TEXT NOT NULL,
    "included" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "plan_add_ons_pkey" PRIMARY KEY ("plan_code","add_on_code")
);

-- CreateTable
CREATE TABLE "product_categories" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "product_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "spus" (
    "id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "spus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "skus" (
    "id" TEXT NOT NULL,
    "spu_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "billing_item_property_name" TEXT NOT NULL,
    "unit_name" TEXT NOT NULL,
    "meter_kind" "meter_kind" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "skus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sku_prices" (
    "sku_id" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "unit_price" DECIMAL(30,9) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sku_prices_pkey" PRIMARY KEY ("sku_id","currency","effective_from")
);

-- CreateTable
CREATE TABLE "memberships" (
    "tenant_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" "membership_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("tenant_id","user_id")
);

-- CreateTable
CREATE TABLE "apps" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "status" "app_status" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "apps_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "namespaces" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" VARCHAR(63) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "namespaces_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "subscriptions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "plan_code" TEXT NOT NULL,
    "admin_user_id" TEXT NOT NULL,
    "status" "subscription_status" NOT NULL,
    "billing_cycle" "billing_cycle" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(30,9) NOT NULL,
    "current_period_start" TIMESTAMPTZ(3) NOT NULL,
    "current_period_end" TIMESTAMPTZ(3) NOT NULL,
    "trial_end_date" TIMESTAMPTZ(3),
    "grace_period_days" INTEGER NOT NULL DEFAULT 7,
    "cancel_at_period_end" BOOLEAN NOT NULL DEFAULT false,
    "auto_renew" BOOLEAN NOT NULL DEFAULT true,
    "canceled_at" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscriptions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "subscription_add_ons" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "add_on_code" TEXT NOT NULL,
    "status" "subscription_add_on_status" NOT NULL DEFAULT 'active',
    "currency" CHAR(3) NOT NULL,
    "price_at_start" DECIMAL(30,9) NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "subscription_add_ons_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "plan_transitions" (
    "tenant_id" TEXT NOT NULL,
    "id" UUID NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "from_plan_code" TEXT NOT NULL,
    "to_plan_code" TEXT NOT NULL,
    "direction" "plan_transition_direction" NOT NULL,
    "state" "plan_transition_state" NOT NULL DEFAULT 'creating',
    "proration_mode" "proration_mode" NOT NULL,
    "effective_at" TIMESTAMPTZ(3) NOT NULL,
    "applied_at" TIMESTAMPTZ(3),
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "period_days" INTEGER NOT NULL,
    "remaining_days" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "from_price" DECIMAL(30,9) NOT NULL,
    "to_price" DECIMAL(30,9) NOT NULL,
    "credit_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "charge_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "billing_record_id" TEXT,
    "credit_transaction_id" TEXT,
    "requested_by_user_id" TEXT,
    "requested_by_api_key_id" TEXT,
    "approved_by_user_id" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "payload" JSONB,
    "failure_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "plan_transitions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "payment_methods" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" VARCHAR(63) NOT NULL,
    "kind" "payment_method_kind" NOT NULL,
    "provider" TEXT NOT NULL DEFAULT 'sandbox',
    "provider_token" TEXT NOT NULL,
    "brand" TEXT,
    "last4" CHAR(4),
    "exp_month" INTEGER,
    "exp_year" INTEGER,
    "role" "payment_method_role" NOT NULL DEFAULT 'normal',
    "contact" JSONB,
    "status" "payment_method_status" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "payment_methods_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "billing_records" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "app_id" TEXT,
    "subscription_id" TEXT,
    "invoice_number" TEXT,
    "type" "billing_record_type" NOT NULL,
    "status" "billing_record_status" NOT NULL DEFAULT 'draft',
    "description" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "subtotal" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "tax_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "credit_applied_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "period_start" TIMESTAMPTZ(3),
    "period_end" TIMESTAMPTZ(3),
    "due_at" TIMESTAMPTZ(3),
    "finalized_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "voided_at" TIMESTAMPTZ(3),
    "refunded_at" TIMESTAMPTZ(3),
    "payment_method_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_records_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "billing_line_items" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "billing_record_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "resource_type" TEXT NOT NULL,
    "sku_id" TEXT,
    "description" TEXT NOT NULL,
    "quantity" DECIMAL(30,9) NOT NULL,
    "unit_price" DECIMAL(30,9) NOT NULL,
    "amount" DECIMAL(30,9) NOT NULL,
    "tax_rate" DECIMAL(9,6) NOT NULL,
    "tax_amount" DECIMAL(30,9) NOT NULL,
    "period_start" TIMESTAMPTZ(3),
    "period_end" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "billing_line_items_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "credit_transactions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" "credit_transaction_type" NOT NULL,
    "amount" DECIMAL(30,9) NOT NULL,
    "balance" DECIMAL(30,9) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "source" "credit_source" NOT NULL,
    "source_id" TEXT,
    "remark" TEXT NOT NULL DEFAULT '',
    "actor_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credit_transactions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "quotas" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "namespace_id" TEXT NOT NULL,
    "name" VARCHAR(63) NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "labels" JSONB NOT NULL DEFAULT '{}',
    "annotations" JSONB NOT NULL DEFAULT '{}',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "object_limits" JSONB NOT NULL DEFAULT '{}',
    "resource_limits" JSONB NOT NULL DEFAULT '{}',
    "api_limits" JSONB NOT NULL DEFAULT '{}',
    "enforcement" "quota_enforcement" NOT NULL DEFAULT 'hard',
    "app_id" TEXT,
    "uid" UUID NOT NULL,
    "created_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "quotas_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "quota_resource_limits" (
    "tenant_id" TEXT NOT NULL,
    "quota_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "maximum" DECIMAL(30,9) NOT NULL,

    CONSTRAINT "quota_resource_limits_pkey" PRIMARY KEY ("tenant_id","quota_id","resource_type")
);

-- CreateTable
CREATE TABLE "usage_events" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "namespace_id" TEXT NOT NULL,
    "app_id" TEXT,
    "resource_type" TEXT NOT NULL,
    "quantity" DECIMAL(30,9) NOT NULL,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "api_key_id" TEXT,
    "properties" JSONB,

    CONSTRAINT "usage_events_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "usage_hourly" (
    "tenant_id" TEXT NOT NULL,
    "namespace_id" TEXT NOT NULL,
    "app_id" TEXT NOT NULL DEFAULT '',
    "resource_type" TEXT NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "quantity" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "max_value" DECIMAL(30,9),
    "last_value" DECIMAL(30,9),
    "last_at" TIMESTAMPTZ(3),
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_hourly_pkey" PRIMARY KEY ("tenant_id","namespace_id","app_id","resource_type","hour_start")
);

-- CreateTable
CREATE TABLE "usage_daily" (
    "tenant_id" TEXT NOT NULL,
    "namespace_id" TEXT NOT NULL,
    "app_id" TEXT NOT NULL DEFAULT '',
    "resource_type" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "quantity" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "max_value" DECIMAL(30,9),
    "last_value" DECIMAL(30,9),
    "last_at" TIMESTAMPTZ(3),
    "event_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_daily_pkey" PRIMARY KEY ("tenant_id","namespace_id","app_id","resource_type","day")
);

-- CreateTable
CREATE TABLE "metered_billing_items" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "included_units" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "total_usage" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "overage_units" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "overage_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "status" "metered_billing_status" NOT NULL DEFAULT 'open',
    "billing_record_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metered_billing_items_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "usage_alerts" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "app_id" TEXT,
    "resource_type" TEXT NOT NULL,
    "threshold_percent" INTEGER,
    "threshold_amount" DECIMAL(30,9),
    "notification_channels" TEXT NOT NULL DEFAULT 'email,in_app',
    "status" "usage_alert_status" NOT NULL DEFAULT 'active',
    "last_triggered_at" TIMESTAMPTZ(3),
    "last_triggered_period_start" TIMESTAMPTZ(3),
    "created_by_user_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_alerts_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "usage_alert_triggers" (
    "tenant_id" TEXT NOT NULL,
    "usage_alert_id" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "threshold_kind" "alert_threshold_kind" NOT NULL,
    "observed_quantity" DECIMAL(30,9) NOT NULL,
    "base_quantity" DECIMAL(30,9),
    "triggered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "usage_alert_triggers_pkey" PRIMARY KEY ("tenant_id","usage_alert_id","period_start","threshold_kind")
);

-- CreateTable
CREATE TABLE "notifications" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "user_id" TEXT,
    "channel" "notification_channel" NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB,
    "usage_alert_id" TEXT,
    "delivery_status" "delivery_status" NOT NULL DEFAULT 'pending',
    "sent_at" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "billing_accounts" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "status" "billing_account_status" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "billing_accounts_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "management_groups" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "uuid" UUID NOT NULL,
    "display_name" TEXT NOT NULL,
    "parent_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "management_groups_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "resource_groups" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "billing_account_id" TEXT NOT NULL,
    "management_group_id" TEXT,
    "owner_user_id" TEXT,
    "is_default" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "resource_groups_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "resources" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "resource_group_id" TEXT NOT NULL,
    "sku_id" TEXT,
    "owner_user_id" TEXT,
    "app_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "resources_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "bills" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "billing_account_id" TEXT NOT NULL,
    "bill_month" CHAR(6) NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "state" "bill_state" NOT NULL DEFAULT 'pending',
    "amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "billing_record_id" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "bills_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "charge_lines" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "bill_id" TEXT NOT NULL,
    "billing_account_id" TEXT NOT NULL,
    "resource_group_id" TEXT,
    "resource_id" TEXT,
    "subscription_id" TEXT,
    "namespace_id" TEXT,
    "app_id" TEXT,
    "owner_user_id" TEXT,
    "sku_id" TEXT NOT NULL,
    "spu_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "quantity" DECIMAL(30,9) NOT NULL,
    "included_quantity" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "unit_price" DECIMAL(30,9) NOT NULL,
    "original_amount" DECIMAL(30,9) NOT NULL,
    "discount_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "coupon_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "voucher_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "amount" DECIMAL(30,9) NOT NULL,
    "paid_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "unpaid_amount" DECIMAL(30,9) NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "payment_model" "payment_model" NOT NULL,
    "consume_type" "consume_type" NOT NULL DEFAULT 'consumption',
    "consume_desc" TEXT,
    "provisional" BOOLEAN NOT NULL DEFAULT true,
    "billing_record_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "charge_lines_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" CHAR(64) NOT NULL,
    "scopes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_by_user_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "impersonation_sessions" (
    "tenant_id" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "staff_user_id" TEXT NOT NULL,
    "auth_session_id" TEXT,
    "reason" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "ended_reason" TEXT,
    "ip" TEXT,
    "user_agent" TEXT,

    CONSTRAINT "impersonation_sessions_pkey" PRIMARY KEY ("tenant_id","id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "tenant_id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "state" "idempotency_state" NOT NULL DEFAULT 'in_progress',
    "response_status" INTEGER,
    "response_body" TEXT,
    "response_headers" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("tenant_id","scope","key")
);

-- CreateIndex
CREATE INDEX "tenants_status_idx" ON "tenants"("status");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "users_staff_role_idx" ON "users"("staff_role");

-- CreateIndex
CREATE INDEX "auth_sessions_user_id_created_at_idx" ON "auth_sessions"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_email_created_at_idx" ON "login_attempts"("email", "created_at");

-- CreateIndex
CREATE INDEX "login_attempts_ip_created_at_idx" ON "login_attempts"("ip", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "service_credentials_prefix_key" ON "service_credentials"("prefix");

-- CreateIndex
CREATE INDEX "audit_logs_tenant_id_created_at_idx" ON "audit_logs"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_actor_user_id_created_at_idx" ON "audit_logs"("actor_user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "audit_logs_target_type_target_id_idx" ON "audit_logs"("target_type", "target_id");

-- CreateIndex
CREATE INDEX "audit_logs_created_at_idx" ON "audit_logs"("created_at" DESC);

-- CreateIndex
CREATE INDEX "plans_active_rank_idx" ON "plans"("active", "rank");

-- CreateIndex
CREATE INDEX "spus_category_id_idx" ON "spus"("category_id");

-- CreateIndex
CREATE UNIQUE INDEX "skus_resource_type_key" ON "skus"("resource_type");

-- CreateIndex
CREATE INDEX "skus_spu_id_idx" ON "skus"("spu_id");

-- CreateIndex
CREATE INDEX "memberships_user_id_idx" ON "memberships"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "namespaces_tenant_id_name_key" ON "namespaces"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "subscriptions_tenant_id_status_idx" ON "subscriptions"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "subscriptions_admin_user_id_idx" ON "subscriptions"("admin_user_id");

-- CreateIndex
CREATE INDEX "subscriptions_status_current_period_end_idx" ON "subscriptions"("status", "current_period_end");

-- CreateIndex
CREATE INDEX "subscription_add_ons_tenant_id_subscription_id_status_idx" ON "subscription_add_ons"("tenant_id", "subscription_id", "status");

-- CreateIndex
CREATE INDEX "plan_transitions_id_idx" ON "plan_transitions"("id");

-- CreateIndex
CREATE INDEX "plan_transitions_tenant_id_subscription_id_created_at_idx" ON "plan_transitions"("tenant_id", "subscription_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "plan_transitions_state_effective_at_idx" ON "plan_transitions"("state", "effective_at");

-- CreateIndex
CREATE INDEX "payment_methods_tenant_id_status_role_idx" ON "payment_methods"("tenant_id", "status", "role");

-- CreateIndex
CREATE UNIQUE INDEX "payment_methods_tenant_id_name_key" ON "payment_methods"("tenant_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "billing_records_invoice_number_key" ON "billing_records"("invoice_number");

-- CreateIndex
CREATE INDEX "billing_records_tenant_id_created_at_id_idx" ON "billing_records"("tenant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "billing_records_tenant_id_app_id_created_at_idx" ON "billing_records"("tenant_id", "app_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "billing_records_tenant_id_subscription_id_idx" ON "billing_records"("tenant_id", "subscription_id");

-- CreateIndex
CREATE INDEX "billing_records_tenant_id_status_idx" ON "billing_records"("tenant_id", "status");

-- CreateIndex
CREATE INDEX "billing_records_status_due_at_idx" ON "billing_records"("status", "due_at");

-- CreateIndex
CREATE UNIQUE INDEX "billing_line_items_tenant_id_billing_record_id_position_key" ON "billing_line_items"("tenant_id", "billing_record_id", "position");

-- CreateIndex
CREATE INDEX "credit_transactions_tenant_id_created_at_idx" ON "credit_transactions"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "credit_transactions_tenant_id_source_source_id_idx" ON "credit_transactions"("tenant_id", "source", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "credit_transactions_tenant_id_seq_key" ON "credit_transactions"("tenant_id", "seq");

-- CreateIndex
CREATE INDEX "quotas_tenant_id_app_id_idx" ON "quotas"("tenant_id", "app_id");

-- CreateIndex
CREATE UNIQUE INDEX "quotas_tenant_id_namespace_id_name_key" ON "quotas"("tenant_id", "namespace_id", "name");

-- CreateIndex
CREATE INDEX "quota_resource_limits_tenant_id_resource_type_idx" ON "quota_resource_limits"("tenant_id", "resource_type");

-- CreateIndex
CREATE INDEX "usage_events_tenant_id_resource_type_occurred_at_idx" ON "usage_events"("tenant_id", "resource_type", "occurred_at");

-- CreateIndex
CREATE INDEX "usage_events_tenant_id_occurred_at_idx" ON "usage_events"("tenant_id", "occurred_at");

-- CreateIndex
CREATE UNIQUE INDEX "usage_events_tenant_id_event_id_key" ON "usage_events"("tenant_id", "event_id");

-- CreateIndex
CREATE INDEX "usage_hourly_tenant_id_resource_type_hour_start_idx" ON "usage_hourly"("tenant_id", "resource_type", "hour_start");

-- CreateIndex
CREATE INDEX "usage_hourly_tenant_id_hour_start_idx" ON "usage_hourly"("tenant_id", "hour_start");

-- CreateIndex
CREATE INDEX "usage_daily_tenant_id_resource_type_day_idx" ON "usage_daily"("tenant_id", "resource_type", "day");

-- CreateIndex
CREATE INDEX "usage_daily_tenant_id_day_idx" ON "usage_daily"("tenant_id", "day");

-- CreateIndex
CREATE INDEX "metered_billing_items_tenant_id_period_start_idx" ON "metered_billing_items"("tenant_id", "period_start");

-- CreateIndex
CREATE UNIQUE INDEX "metered_billing_items_subscription_resource_period_key" ON "metered_billing_items"("tenant_id", "subscription_id", "resource_type", "period_start");

-- CreateIndex
CREATE INDEX "usage_alerts_tenant_id_resource_type_status_idx" ON "usage_alerts"("tenant_id", "resource_type", "status");

-- CreateIndex
CREATE INDEX "usage_alerts_tenant_id_app_id_idx" ON "usage_alerts"("tenant_id", "app_id");

-- CreateIndex
CREATE INDEX "notifications_tenant_id_user_id_created_at_idx" ON "notifications"("tenant_id", "user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "notifications_delivery_status_created_at_idx" ON "notifications"("delivery_status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "billing_accounts_tenant_id_name_key" ON "billing_accounts"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "management_groups_tenant_id_parent_id_idx" ON "management_groups"("tenant_id", "parent_id");

-- CreateIndex
CREATE UNIQUE INDEX "management_groups_tenant_id_uuid_key" ON "management_groups"("tenant_id", "uuid");

-- CreateIndex
CREATE INDEX "resource_groups_tenant_id_billing_account_id_idx" ON "resource_groups"("tenant_id", "billing_account_id");

-- CreateIndex
CREATE UNIQUE INDEX "resource_groups_tenant_id_name_key" ON "resource_groups"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "resources_tenant_id_resource_group_id_idx" ON "resources"("tenant_id", "resource_group_id");

-- CreateIndex
CREATE UNIQUE INDEX "resources_tenant_id_app_id_key" ON "resources"("tenant_id", "app_id");

-- CreateIndex
CREATE INDEX "bills_tenant_id_bill_month_idx" ON "bills"("tenant_id", "bill_month");

-- CreateIndex
CREATE UNIQUE INDEX "bills_tenant_id_billing_account_id_bill_month_key" ON "bills"("tenant_id", "billing_account_id", "bill_month");

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_bill_id_created_at_idx" ON "charge_lines"("tenant_id", "bill_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_hour_start_idx" ON "charge_lines"("tenant_id", "hour_start");

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_billing_account_id_hour_start_idx" ON "charge_lines"("tenant_id", "billing_account_id", "hour_start");

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_subscription_id_hour_start_idx" ON "charge_lines"("tenant_id", "subscription_id", "hour_start");

-- CreateIndex
CREATE INDEX "charge_lines_tenant_id_billing_record_id_idx" ON "charge_lines"("tenant_id", "billing_record_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE INDEX "api_keys_tenant_id_created_at_idx" ON "api_keys"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "impersonation_sessions_staff_user_id_started_at_idx" ON "impersonation_sessions"("staff_user_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "impersonation_sessions_tenant_id_started_at_idx" ON "impersonation_sessions"("tenant_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- AddForeignKey
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_prices" ADD CONSTRAINT "plan_prices_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_entitlements" ADD CONSTRAINT "plan_entitlements_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_entitlements" ADD CONSTRAINT "plan_entitlements_resource_type_fkey" FOREIGN KEY ("resource_type") REFERENCES "skus"("resource_type") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "add_ons" ADD CONSTRAINT "add_ons_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "add_on_prices" ADD CONSTRAINT "add_on_prices_add_on_code_fkey" FOREIGN KEY ("add_on_code") REFERENCES "add_ons"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_add_ons" ADD CONSTRAINT "plan_add_ons_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_add_ons" ADD CONSTRAINT "plan_add_ons_add_on_code_fkey" FOREIGN KEY ("add_on_code") REFERENCES "add_ons"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "spus" ADD CONSTRAINT "spus_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "product_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "skus" ADD CONSTRAINT "skus_spu_id_fkey" FOREIGN KEY ("spu_id") REFERENCES "spus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sku_prices" ADD CONSTRAINT "sku_prices_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apps" ADD CONSTRAINT "apps_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "namespaces" ADD CONSTRAINT "namespaces_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_plan_code_fkey" FOREIGN KEY ("plan_code") REFERENCES "plans"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_admin_user_id_fkey" FOREIGN KEY ("admin_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_add_ons" ADD CONSTRAINT "subscription_add_ons_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_add_ons" ADD CONSTRAINT "subscription_add_ons_tenant_id_subscription_id_fkey" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "subscriptions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subscription_add_ons" ADD CONSTRAINT "subscription_add_ons_add_on_code_fkey" FOREIGN KEY ("add_on_code") REFERENCES "add_ons"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_transitions" ADD CONSTRAINT "plan_transitions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_transitions" ADD CONSTRAINT "plan_transitions_tenant_id_subscription_id_fkey" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "subscriptions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_transitions" ADD CONSTRAINT "plan_transitions_from_plan_code_fkey" FOREIGN KEY ("from_plan_code") REFERENCES "plans"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "plan_transitions" ADD CONSTRAINT "plan_transitions_to_plan_code_fkey" FOREIGN KEY ("to_plan_code") REFERENCES "plans"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_records" ADD CONSTRAINT "billing_records_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_line_items" ADD CONSTRAINT "billing_line_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_line_items" ADD CONSTRAINT "billing_line_items_tenant_id_billing_record_id_fkey" FOREIGN KEY ("tenant_id", "billing_record_id") REFERENCES "billing_records"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_line_items" ADD CONSTRAINT "billing_line_items_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_transactions" ADD CONSTRAINT "credit_transactions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_tenant_id_namespace_id_fkey" FOREIGN KEY ("tenant_id", "namespace_id") REFERENCES "namespaces"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_resource_limits" ADD CONSTRAINT "quota_resource_limits_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quota_resource_limits" ADD CONSTRAINT "quota_resource_limits_tenant_id_quota_id_fkey" FOREIGN KEY ("tenant_id", "quota_id") REFERENCES "quotas"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_events" ADD CONSTRAINT "usage_events_tenant_id_namespace_id_fkey" FOREIGN KEY ("tenant_id", "namespace_id") REFERENCES "namespaces"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_hourly" ADD CONSTRAINT "usage_hourly_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_hourly" ADD CONSTRAINT "usage_hourly_tenant_id_namespace_id_fkey" FOREIGN KEY ("tenant_id", "namespace_id") REFERENCES "namespaces"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_daily" ADD CONSTRAINT "usage_daily_tenant_id_namespace_id_fkey" FOREIGN KEY ("tenant_id", "namespace_id") REFERENCES "namespaces"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metered_billing_items" ADD CONSTRAINT "metered_billing_items_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "metered_billing_items" ADD CONSTRAINT "metered_billing_items_tenant_id_subscription_id_fkey" FOREIGN KEY ("tenant_id", "subscription_id") REFERENCES "subscriptions"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_alerts" ADD CONSTRAINT "usage_alerts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_alert_triggers" ADD CONSTRAINT "usage_alert_triggers_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_alert_triggers" ADD CONSTRAINT "usage_alert_triggers_tenant_id_usage_alert_id_fkey" FOREIGN KEY ("tenant_id", "usage_alert_id") REFERENCES "usage_alerts"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "management_groups" ADD CONSTRAINT "management_groups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_groups" ADD CONSTRAINT "resource_groups_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_groups" ADD CONSTRAINT "resource_groups_tenant_id_billing_account_id_fkey" FOREIGN KEY ("tenant_id", "billing_account_id") REFERENCES "billing_accounts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource_groups" ADD CONSTRAINT "resource_groups_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_tenant_id_resource_group_id_fkey" FOREIGN KEY ("tenant_id", "resource_group_id") REFERENCES "resource_groups"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resources" ADD CONSTRAINT "resources_owner_user_id_fkey" FOREIGN KEY ("owner_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bills" ADD CONSTRAINT "bills_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bills" ADD CONSTRAINT "bills_tenant_id_billing_account_id_fkey" FOREIGN KEY ("tenant_id", "billing_account_id") REFERENCES "billing_accounts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge_lines" ADD CONSTRAINT "charge_lines_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge_lines" ADD CONSTRAINT "charge_lines_tenant_id_bill_id_fkey" FOREIGN KEY ("tenant_id", "bill_id") REFERENCES "bills"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge_lines" ADD CONSTRAINT "charge_lines_tenant_id_billing_account_id_fkey" FOREIGN KEY ("tenant_id", "billing_account_id") REFERENCES "billing_accounts"("tenant_id", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "charge_lines" ADD CONSTRAINT "charge_lines_sku_id_fkey" FOREIGN KEY ("sku_id") REFERENCES "skus"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_user_id_fkey" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "impersonation_sessions" ADD CONSTRAINT "impersonation_sessions_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "impersonation_sessions" ADD CONSTRAINT "impersonation_sessions_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

