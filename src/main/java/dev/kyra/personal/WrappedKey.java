package dev.kyra.personal;

/**
 * A key as it is stored: a Tink keyset encrypted by one master key, and that master key's id.
 * Both go in the row that owns the key; the id tells a rotation what it still has to re-wrap.
 */
public record WrappedKey(String masterKeyId, byte[] bytes) {
}
