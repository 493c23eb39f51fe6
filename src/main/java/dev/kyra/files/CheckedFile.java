package dev.kyra.files;

import java.util.UUID;

/** An upload that exists, is of an accepted type and within the size limit: it may be registered. */
public record CheckedFile(UUID id, String storageKey, long size, ContentTypes type) {
}
