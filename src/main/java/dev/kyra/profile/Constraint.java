package dev.kyra.profile;

import java.util.Optional;

/**
 * One rule about a single value. It answers with a message template (see {@link Violation}) when the
 * value breaks it, so each face can name the field its own way.
 */
@FunctionalInterface
interface Constraint<T> {

    Optional<String> problemWith(T value);
}
