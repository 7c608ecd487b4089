import { TaAssignmentList } from '@/components/ta/ta-assignment-list';
import { requireTa } from './require-ta';

export default async function TaHome({ params }: { params: Promise<{ locale: string }> }) {
  await requireTa((await params).locale);
  return <TaAssignmentList />;
}
