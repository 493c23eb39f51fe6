package dev.kyra.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types Kyra accepts, recognised by their first bytes (their "magic numbers"), never by a
 * name or a declared Content-Type, which a client can set to anything.
 */
public enum ContentTypes {
    PDF("application/pdf", "pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", "jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    /** How many leading bytes are enough to recognise every accepted type. */
    static final int HEAD_LENGTH = 16;

    private final String mediaType;
    private final String extension;
    private final byte[] magic;

    ContentTypes(String mediaType, String extension, byte[] magic) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    static Optional<ContentTypes> of(byte[] head) {
        return Arrays.stream(values())
                .filter(type -> head.length >= type.magic.length
                        && Arrays.equals(head, 0, type.magic.length, type.magic, 0, type.magic.length))
                .findFirst();
    }

    static Optional<ContentTypes> ofMediaType(String mediaType) {
        return Arrays.stream(values()).filter(type -> type.mediaType.equals(mediaType)).findFirst();
    }
}
