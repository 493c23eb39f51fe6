package dev.kyra.profile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One attribute of a customer or an owner, with its value type, the customer types it applies to,
 * and the rules its values must follow. Fields are constants ({@link CustomerFields},
 * {@link OwnerFields}); faces map their own JSON names onto them, and the core's generic rules (type
 * scoping, the verified-customer lock, merging, validation) work on any field the same way.
 *
 * @param <T> the value type: String, LocalDate, Long, BigDecimal, Boolean or List (of strings)
 */
public final class Field<T> {

    private final String key;
    private final Class<T> type;
    private final Set<CustomerType> appliesTo;
    private final List<Constraint<T>> constraints;
    private final Protection protection;

    /** How a field's values are kept (decision D11). */
    public enum Protection {
        /** Neither personal nor secret: a name, a code, a country. */
        NONE,
        /** Personal: its values never leave the profile, but are stored plain (searched, shown to reviewers). */
        PERSONAL,
        /** Personal and sealed: encrypted with the customer's data key before it is stored. */
        SEALED,
        /** Sealed, with a blind index beside it, for equality look-ups and uniqueness. */
        SEALED_AND_INDEXED
    }

    private Field(String key, Class<T> type, Set<CustomerType> appliesTo, List<Constraint<T>> constraints, Protection protection) {
        this.key = key;
        this.type = type;
        this.appliesTo = Set.copyOf(appliesTo);
        this.constraints = List.copyOf(constraints);
        this.protection = protection;
    }

    private Field(String key, Class<T> type, Set<CustomerType> appliesTo, List<Constraint<T>> constraints) {
        this(key, type, appliesTo, constraints, Protection.NONE);
    }

    /**
     * This field, holding personal data: a phone, an email or an address. Its values never leave the
     * profile: the history records only that they changed.
     */
    Field<T> personal() {
        return new Field<>(key, type, appliesTo, constraints, Protection.PERSONAL);
    }

    /** This field, holding a government identifier, a tax number or a date of birth: sealed at rest. */
    Field<T> sealed() {
        return new Field<>(key, type, appliesTo, constraints, Protection.SEALED);
    }

    /** Sealed, and looked up or unique by value: a blind index is kept beside it. */
    Field<T> sealedAndIndexed() {
        return new Field<>(key, type, appliesTo, constraints, Protection.SEALED_AND_INDEXED);
    }

    public boolean isPersonal() {
        return protection != Protection.NONE;
    }

    public boolean isSealed() {
        return protection == Protection.SEALED || protection == Protection.SEALED_AND_INDEXED;
    }

    public boolean hasBlindIndex() {
        return protection == Protection.SEALED_AND_INDEXED;
    }

    @SafeVarargs
    static <T> Field<T> of(String key, Class<T> type, Set<CustomerType> appliesTo, Constraint<T>... constraints) {
        return new Field<>(key, type, appliesTo, List.of(constraints));
    }

    /** A one-line text: a name, a code, an address line. */
    @SafeVarargs
    static Field<String> text(String key, Set<CustomerType> appliesTo, int maxLength, Constraint<String>... constraints) {
        return textOf(key, appliesTo, maxLength, Constraints.ONE_LINE, constraints);
    }

    /** A text that may run over several lines: a description. */
    static Field<String> paragraph(String key, Set<CustomerType> appliesTo, int maxLength) {
        return textOf(key, appliesTo, maxLength, Constraints.PARAGRAPH);
    }

    @SafeVarargs
    private static Field<String> textOf(String key, Set<CustomerType> appliesTo, int maxLength, Constraint<String> characters,
                                        Constraint<String>... constraints) {
        List<Constraint<String>> all = new ArrayList<>();
        all.add(Constraints.maxLength(maxLength));
        all.add(characters);
        all.addAll(List.of(constraints));
        return new Field<>(key, String.class, appliesTo, all);
    }

    /** A list of texts, each at most {@code maxLength} long. */
    @SuppressWarnings("unchecked")
    static Field<List<String>> list(String key, Set<CustomerType> appliesTo, int maxItems, int maxLength) {
        Class<List<String>> type = (Class<List<String>>) (Class<?>) List.class;
        return new Field<>(key, type, appliesTo, List.of(Constraints.listOf(maxItems, maxLength)));
    }

    static Set<CustomerType> both() {
        return EnumSet.allOf(CustomerType.class);
    }

    /** The name the field is stored under; stable, and never shown by a face. */
    public String key() {
        return key;
    }

    public Class<T> type() {
        return type;
    }

    public boolean appliesTo(CustomerType customerType) {
        return appliesTo.contains(customerType);
    }

    /** The codes a value must be one of, when the field is a closed set. */
    public Optional<Set<String>> allowedValues() {
        return constraints.stream().filter(Constraints.OneOf.class::isInstance)
                .map(constraint -> ((Constraints.OneOf) constraint).allowed()).findFirst();
    }

    /** The longest text the field takes, for text fields. */
    public OptionalInt maxLength() {
        return constraints.stream().filter(Constraints.MaxLength.class::isInstance)
                .mapToInt(constraint -> ((Constraints.MaxLength) constraint).max()).findFirst();
    }

    /** Message templates for each rule the value breaks; none for a valid value. */
    public List<String> problemsWith(T value) {
        List<String> problems = new ArrayList<>();
        for (Constraint<T> constraint : constraints) {
            constraint.problemWith(value).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                break; // the first broken rule is the useful one; later rules may assume it holds
            }
        }
        return problems;
    }

    @Override
    public String toString() {
        return key;
    }
}
