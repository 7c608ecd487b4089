import { handleUploadGet } from '@/server/lib/http-uploads';

export const dynamic = 'force-dynamic';
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleUploadGet(req, (await params).id);
}
