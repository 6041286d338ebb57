import { StaffAuditView } from './StaffAuditView';

export default function StaffAuditPage() {
  return <StaffAuditView />;
}
