package dev.kyra.web;

import tools.jackson.databind.node.ObjectNode;

/**
 * A request body that must be one JSON object, parsed strictly: duplicate keys, trailing content and
 * anything but an object are refused as malformed. An empty body is an empty object. Declare a
 * controller parameter of this type to receive it.
 */
public record JsonBody(ObjectNode object) {
}
