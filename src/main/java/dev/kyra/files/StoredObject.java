package dev.kyra.files;

/**
 * What storage holds under a key: its size and its first bytes, enough to tell its type.
 *
 * @param head at most {@link ContentTypes#HEAD_LENGTH} bytes from the start
 */
record StoredObject(long size, byte[] head) {
}
