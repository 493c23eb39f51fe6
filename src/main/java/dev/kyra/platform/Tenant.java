package dev.kyra.platform;

import java.util.Objects;
import java.util.UUID;

/** The scope of every query: one platform's data in one mode. */
public record Tenant(UUID platformId, Mode mode) {

    public Tenant {
        Objects.requireNonNull(platformId, "platformId");
        Objects.requireNonNull(mode, "mode");
    }
}
