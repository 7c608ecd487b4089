import { ExtensionsTab } from '@/components/ta/extensions/extensions-tab';
import { requireTa } from '../../require-ta';

export default async function ExtensionsPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  await requireTa(locale);
  return <ExtensionsTab assignmentId={assignmentId} />;
}
