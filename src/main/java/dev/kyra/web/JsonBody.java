package dev.kyra.web;

import tools.jackson.databind.node.ObjectNode;

/**
 * A request body that must be one JSON object, parsed strictly: duplicate keys, trailing content and
 * anything but an object are refused as malformed. An empty body is an empty object. Declare a
 * controller parameter of this type to receive it.
 */
public record JsonBody(ObjectNode object) {

    /**
     * The largest exponent a JSON number may carry, either way. Jackson already caps a number at 1,000
     * digits; an exponent is not capped, and {@code 1e999999999} is a few bytes that no field means and
     * that PostgreSQL or {@code BigDecimal.toPlainString} cannot cope with. A face that reads numbers
     * from strings applies the same bound.
     */
    public static final int MAX_NUMBER_SCALE = 1000;
}
