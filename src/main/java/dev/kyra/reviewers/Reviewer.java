package dev.kyra.reviewers;

import dev.kyra.platform.Actor;
import java.time.Instant;
import java.util.UUID;

/** A reviewer's account, without its password. */
public record Reviewer(UUID id, String email, String name, boolean enabled, Instant createdAt, Instant updatedAt) {

    /** The reviewer as a change's history names it: {@code reviewer:<id>}. */
    public Actor actor() {
        return Actor.reviewer(id.toString());
    }
}
