import { AdminPage } from '../../src/components/admin/AdminDashboard';

// The admin dashboard (issue 13): admins only; everything is fetched client-side with the bearer token.
export default function Admin() {
  return <AdminPage />;
}
