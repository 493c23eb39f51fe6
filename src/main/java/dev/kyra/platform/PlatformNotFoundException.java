package dev.kyra.platform;

import java.util.UUID;

public class PlatformNotFoundException extends RuntimeException {

    public PlatformNotFoundException(UUID id) {
        super("platform " + id + " does not exist");
    }
}
