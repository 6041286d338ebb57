-- DropIndex
DROP INDEX "usage_events_tenant_id_resource_type_occurred_at_idx";

