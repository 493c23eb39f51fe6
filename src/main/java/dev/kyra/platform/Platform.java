package dev.kyra.platform;

import java.time.Instant;
import java.util.UUID;

/** A tenant of Kyra: a fintech or marketplace whose end-customers live in the registry. */
public record Platform(UUID id, String name, boolean isDefault, PlatformSettings settings,
                       Instant createdAt, Instant updatedAt) {
}
