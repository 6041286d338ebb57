import { ApprovalQueue } from './ApprovalQueue';

export default function StaffApprovalsPage() {
  return <ApprovalQueue />;
}
