package dev.kyra.query;

import java.util.Optional;

/** A feature's listable attributes, by the names conditions and sort keys use. */
@FunctionalInterface
public interface AttributeTable {

    Optional<QueryAttribute> find(String name);

    default QueryAttribute get(String name, String parameter) {
        return find(name).orElseThrow(() -> new InvalidQueryException(parameter, "unknown field '" + name + "'"));
    }
}
