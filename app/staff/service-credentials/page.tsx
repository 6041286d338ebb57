import { notFound } from 'next/navigation';
import { currentUser } from '@/server/auth/viewer';
import { ServiceCredentialsView } from './ServiceCredentialsView';

/** Staff admins only (the procedures refuse anyone else too). */
export default async function StaffServiceCredentialsPage() {
  const user = await currentUser();
  if (user?.staffRole !== 'admin') notFound();
  return <ServiceCredentialsView />;
}
