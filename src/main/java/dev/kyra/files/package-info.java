/**
 * Files customers upload (identity documents, KYB documents): where their bytes live (local disk or
 * S3-compatible object storage, behind one port), the signed URLs clients upload and download them
 * with, and the checks on what was uploaded. It knows nothing of customers: an upload is bound to an
 * opaque customer, owner and purpose that the registry gives it.
 */
package dev.kyra.files;
