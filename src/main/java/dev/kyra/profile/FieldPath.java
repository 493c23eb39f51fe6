package dev.kyra.profile;

import java.util.List;
import java.util.Objects;

/**
 * Where a problem is: a sequence of segments, each a {@link Field}, an enum constant naming a part
 * that is not a profile field ({@link Attribute}, owner file slots, ...) or a list index. {@code [OWNERS, 1, OwnerFields.EMAIL]} is what the Blaaiz face prints as
 * {@code owners.1.email}. Each face turns segments into its own names.
 */
public record FieldPath(List<Object> segments) {

    public FieldPath {
        segments = List.copyOf(segments);
        for (Object segment : segments) {
            if (!(segment instanceof Field<?> || segment instanceof Enum<?> || segment instanceof Integer)) {
                throw new IllegalArgumentException("not a path segment: " + segment);
            }
        }
    }

    public static FieldPath of(Field<?> field) {
        return new FieldPath(List.of(field));
    }

    public static FieldPath of(Enum<?> part) {
        return new FieldPath(List.of(part));
    }

    public static FieldPath owner(int index, Field<?> field) {
        return new FieldPath(List.of(Attribute.OWNERS, index, field));
    }

    public static FieldPath owner(int index, Enum<?> part) {
        return new FieldPath(List.of(Attribute.OWNERS, index, part));
    }

    /** The segment naming the field or attribute itself: the last one. */
    public Object leaf() {
        return segments.get(segments.size() - 1);
    }

    public boolean isWithinOwner() {
        return segments.size() > 1 && Objects.equals(segments.get(0), Attribute.OWNERS);
    }
}
