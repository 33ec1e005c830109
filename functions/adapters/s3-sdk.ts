/*
 * The part of the AWS SDK that talks to S3, in one module of its own so that it can be loaded
 * on a function's first object call instead of at init (s3.ts). Nothing else may import these
 * packages at run time: one static import elsewhere puts the whole S3 client back into every
 * cold start of the functions that reach it (test/infra/bundle-budget.test.ts fails then).
 */
export {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
export { getSignedUrl } from '@aws-sdk/s3-request-presigner';
export { createPresignedPost } from '@aws-sdk/s3-presigned-post';
export { Upload } from '@aws-sdk/lib-storage';
