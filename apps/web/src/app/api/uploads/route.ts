import { handleUploadPost } from '@/server/lib/http-uploads';

export const dynamic = 'force-dynamic';
export const POST = (req: Request) => handleUploadPost(req);
