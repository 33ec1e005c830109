export const MIB = 1024 * 1024;
/** SPEC §3: files up to 5 GiB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * MIB;
/** S3 limits: at most 10,000 parts, each at least 5 MiB except the last. */
export const MAX_PARTS = 10_000;
/** Above S3's least part of 5 MiB, so no part but the last is ever under it. */
const DEFAULT_PART = 8 * MIB;

/**
 * The recommended part size for a multipart upload (clients may choose any size S3 accepts): 8 MiB (a good unit for browser retries) unless the
 * file is so large that 10,000 parts would not hold it; then the smallest whole MiB that does.
 */
export function choosePartSize(size: number): number {
  const needed = Math.ceil(size / MAX_PARTS / MIB) * MIB;
  return Math.max(DEFAULT_PART, needed);
}

export const partCount = (size: number, partSize: number) => Math.max(1, Math.ceil(size / partSize));
