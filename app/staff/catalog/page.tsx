import { CatalogEditor } from './CatalogEditor';

export default function StaffCatalogPage() {
  return <CatalogEditor />;
}
