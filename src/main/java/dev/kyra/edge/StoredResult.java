package dev.kyra.edge;

import java.security.MessageDigest;

/** The first response to a POST under an Idempotency-Key, and the fingerprint of the request that had it. */
record StoredResult(byte[] fingerprint, int status, String contentType, String location, byte[] body) {

    boolean answers(byte[] otherFingerprint) {
        return MessageDigest.isEqual(fingerprint, otherFingerprint);
    }
}
