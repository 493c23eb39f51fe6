package dev.kyra.customer;

import dev.kyra.ids.Base58;
import dev.kyra.ids.ObjectIds;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.Field;
import dev.kyra.query.AttributeTable;
import dev.kyra.query.InvalidQueryException;
import dev.kyra.query.QueryAttribute;
import dev.kyra.query.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The attributes a customer list can filter and sort by, and how each is reached in SQL. Faces map
 * their own names onto these ({@code claims.individualInformation.email} is {@code email} here).
 *
 * <p>Indexed per tenant: {@code created_at}, {@code updated_at}, {@code email}, {@code id_number},
 * {@code registration_number}, {@code reference}, {@code verification_status}, {@code object_id}.
 * Every other attribute is read from the profile of the tenant's rows: a scan of one tenant's
 * customers, which {@code docs/allawee-query-language.md} lists. Sealed fields (identifiers, tax
 * numbers, dates of birth) are refused.
 */
public final class CustomerQueries implements AttributeTable {

    /** Same derivation as {@link Customer#displayName()}. */
    /** The name a customer is shown by: an individual's full name, a business's name. */
    public static final String DISPLAY_NAME_SQL = "coalesce(profile ->> 'name', profile ->> 'business_name', "
            + "nullif(btrim(coalesce(profile ->> 'first_name', '') || ' ' || coalesce(profile ->> 'last_name', '')), ''))";

    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String METADATA_PREFIX = "metadata.";
    /** Profile fields with a generated, indexed column of their own (V2 migration). */
    private static final Map<Field<?>, String> COLUMNS = Map.of(CustomerFields.EMAIL, "email",
            CustomerFields.ID_NUMBER, "id_number", CustomerFields.REGISTRATION_NUMBER, "registration_number",
            CustomerFields.INCORPORATION_COUNTRY, "incorporation_country");

    /** Built after the constants above, which it reads. */
    public static final CustomerQueries ATTRIBUTES = new CustomerQueries();

    private final Map<String, QueryAttribute> attributes = new HashMap<>();

    private CustomerQueries() {
        for (Field<?> field : CustomerFields.ALL) {
            attributes.put(field.key(), profileAttribute(field));
        }
        // the attributes below win over a profile field of the same key: "name" is the derived name
        attributes.put("object_id", QueryAttribute.withBinder("object_id", ValueType.KEY, CustomerQueries::objectId));
        attributes.put("name", QueryAttribute.of(DISPLAY_NAME_SQL, ValueType.TEXT));
        attributes.put("reference", QueryAttribute.of("reference", ValueType.TEXT));
        attributes.put("type", QueryAttribute.required("type", ValueType.TEXT));
        attributes.put("status", QueryAttribute.required("status", ValueType.TEXT));
        attributes.put("verification_status", QueryAttribute.required("verification_status", ValueType.TEXT));
        attributes.put("kyb_scope", QueryAttribute.of("kyb_scope", ValueType.TEXT));
        attributes.put("created_at", QueryAttribute.required("created_at", ValueType.TIMESTAMP));
        attributes.put("updated_at", QueryAttribute.required("updated_at", ValueType.TIMESTAMP));
        attributes.put("tiers", QueryAttribute.of(
                "array(select v.tier from customer_verifications v where v.customer_id = customers.id)", ValueType.TEXT_LIST));
        attributes.put("tier_statuses", QueryAttribute.of(
                "array(select v.status from customer_verifications v where v.customer_id = customers.id)", ValueType.TEXT_LIST));
    }

    /** The attribute name of a profile field. */
    public static String nameOf(Field<?> field) {
        return field.key();
    }

    /**
     * Sealed fields are ciphertext in the database (decision D11): no list can filter or sort by
     * them, and saying so beats an empty answer. Exact look-ups by an identifier go through its blind
     * index ({@link CustomerFilter}), not through the list language.
     */
    @Override
    public QueryAttribute get(String name, String parameter) {
        if (CustomerFields.byKey(name).filter(Field::isSealed).isPresent()) {
            throw new InvalidQueryException(parameter, "'" + name + "' is encrypted at rest: lists cannot filter or sort by it");
        }
        return AttributeTable.super.get(name, parameter);
    }

    @Override
    public Optional<QueryAttribute> find(String name) {
        if (name.startsWith(METADATA_PREFIX)) {
            return metadata(name.substring(METADATA_PREFIX.length()));
        }
        return Optional.ofNullable(attributes.get(name));
    }

    /** {@code metadata.a.b}: the text at that path of the metadata object, the path bound as a parameter. */
    private static Optional<QueryAttribute> metadata(String path) {
        String[] keys = path.split("\\.", -1);
        if (keys.length > 3 || !java.util.Arrays.stream(keys).allMatch(key -> METADATA_KEY.matcher(key).matches())) {
            return Optional.empty();
        }
        return Optional.of(QueryAttribute.withArguments("(metadata::jsonb #>> " + QueryAttribute.ARGUMENT + ")",
                ValueType.TEXT, List.of((Object) keys)));
    }

    private static QueryAttribute profileAttribute(Field<?> field) {
        String column = COLUMNS.get(field);
        String text = column != null ? column : "(profile ->> '" + field.key() + "')";
        Class<?> type = field.type();
        if (type == LocalDate.class) {
            return QueryAttribute.of("(profile ->> '" + field.key() + "')::date", ValueType.DATE);
        }
        if (type == Long.class || type == BigDecimal.class) {
            return QueryAttribute.of("(profile ->> '" + field.key() + "')::numeric", ValueType.NUMBER);
        }
        if (type == List.class) {
            return QueryAttribute.of("array(select jsonb_array_elements_text(coalesce(profile -> '" + field.key()
                    + "', '[]'::jsonb)))", ValueType.TEXT_LIST);
        }
        return QueryAttribute.of(text, ValueType.TEXT);
    }

    /** Object ids are given in base58 (the form a face prints, without its prefix). */
    public static byte[] objectId(String base58) {
        return Base58.decodeFixed(base58, ObjectIds.LENGTH)
                .orElseThrow(() -> new InvalidQueryException("filter", "'" + base58 + "' is not a customer id"));
    }
}
