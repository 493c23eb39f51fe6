/**
 * The edge of the faces (design "The edge"): per-credential rate limits counted across every node
 * (decision D10), the per-address limit on failed authentication, and idempotency keys (D9). Each is
 * a filter a face puts in its own security chain, after authentication, so it knows the caller.
 */
package dev.kyra.edge;
