package dev.kyra.face.console;

import java.io.Serializable;
import java.util.UUID;

/** The principal of a console session: the reviewer's id (reloaded on every request) and email. */
record SignedIn(UUID reviewerId, String email) implements Serializable {
}
