import { RosterImport } from '@/components/ta/roster/roster-import';
import { requireTa } from '../require-ta';

export default async function RosterPage({ params }: { params: Promise<{ locale: string }> }) {
  await requireTa((await params).locale);
  return <RosterImport />;
}
