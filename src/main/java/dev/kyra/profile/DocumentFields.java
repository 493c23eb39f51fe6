package dev.kyra.profile;

import static dev.kyra.profile.Field.text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What a client sets on a KYB document (Blaaiz spec §3.4, §4.13). */
public final class DocumentFields {

    private static final Set<CustomerType> BUSINESS = Set.of(CustomerType.BUSINESS);

    public static final Field<String> TYPE = text("type", BUSINESS, 64, Constraints.oneOf(DocumentTypes.ALL));
    public static final Field<String> NAME = text("name", BUSINESS, 255);
    public static final Field<String> DESCRIPTION = Field.paragraph("description", BUSINESS, 2000);
    /** The upload whose bytes the document is; a new one replaces the file. */
    public static final Field<String> FILE_ID = text("file_id", BUSINESS, 64);

    public static final List<Field<?>> ALL = List.of(TYPE, NAME, DESCRIPTION, FILE_ID);
    public static final List<Field<?>> REQUIRED = List.of(TYPE, NAME, FILE_ID);

    private static final Map<String, Field<?>> BY_KEY =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

    private DocumentFields() {
    }

    public static Optional<Field<?>> byKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
