package dev.kyra.query;

import java.util.Optional;

/** A feature's listable attributes, by the names conditions and sort keys use. */
@FunctionalInterface
public interface AttributeTable {

    Optional<QueryAttribute> find(String name);

    /** A fixed table of attributes. */
    static AttributeTable of(java.util.Map<String, QueryAttribute> attributes) {
        java.util.Map<String, QueryAttribute> copy = java.util.Map.copyOf(attributes);
        return name -> Optional.ofNullable(copy.get(name));
    }

    default QueryAttribute get(String name, String parameter) {
        return find(name).orElseThrow(() -> new InvalidQueryException(parameter, "unknown field '" + name + "'"));
    }
}
