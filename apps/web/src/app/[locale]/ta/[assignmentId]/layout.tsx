import type { ReactNode } from 'react';
import { TaTabs } from '@/components/ta/ta-tabs';

export default async function TaAssignmentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ assignmentId: string }>;
}) {
  const { assignmentId } = await params;
  return (
    <div className="ta-wide">
      <TaTabs assignmentId={assignmentId} />
      {children}
    </div>
  );
}
