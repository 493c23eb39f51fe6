package dev.kyra.customer;

import java.util.UUID;

/** A registered file: its id, and the key its bytes are stored under (shown as a "path" by the Blaaiz face). */
public record FileRef(UUID fileId, String storageKey) {
}
