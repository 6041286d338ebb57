import { TenantDirectory } from './TenantDirectory';

export default function StaffTenantsPage() {
  return <TenantDirectory />;
}
