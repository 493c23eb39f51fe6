package dev.kyra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One face's OpenAPI document (a springdoc group at {@code /v3/api-docs/<group>}): its paths, its
 * security scheme with the scope each operation needs (read from the face's own scope table, the one
 * authorization reads), and on every operation the 4xx answers the face's filters and handlers give,
 * in that face's error schema. Success codes come from the handlers' {@code @ResponseStatus}, which is
 * also what Spring answers with, so the document cannot claim another.
 *
 * @param scopes        the scopes an operation needs, by method and documented path; empty for none
 * @param idempotent    whether POSTs take an {@code Idempotency-Key} (decision D9)
 * @param ownDetails    the face's own additions (request schemas, paths of its own), applied last
 */
public record FaceDocument(String group, String title, String description, List<String> paths,
                           String securityName, SecurityScheme security,
                           BiFunction<HttpMethod, String, List<String>> scopes,
                           Schema<?> error, boolean idempotent, OpenApiCustomizer ownDetails) {

    /** The name of each face's error schema in its document. */
    public static final String ERROR_SCHEMA = "Error";

    public GroupedOpenApi toGroup() {
        return GroupedOpenApi.builder().group(group).displayName(title).pathsToMatch(paths.toArray(String[]::new))
                .addOpenApiCustomizer(this::describe)
                .build();
    }

    private void describe(OpenAPI openApi) {
        openApi.info(new Info().title(title).version("v1").description(description));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        if (security != null) {
            components.addSecuritySchemes(securityName, security);
        }
        components.addSchemas(ERROR_SCHEMA, error);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(HttpMethod.valueOf(method.name()), path, operation)));
        }
        if (ownDetails != null) {
            ownDetails.customise(openApi);
        }
    }

    private void describe(HttpMethod method, String path, Operation operation) {
        List<String> needed = scopes == null ? List.of() : scopes.apply(method, path);
        if (security != null) {
            operation.addSecurityItem(new SecurityRequirement().addList(securityName, needed));
        }
        if (idempotent && method == HttpMethod.POST) {
            operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                    .description("Up to 255 characters: a retry with the same key and body gets the first answer back "
                            + "(with Idempotent-Replayed: true) instead of a second change, for 24 hours")
                    .schema(new StringSchema().maxLength(255)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponses described = new ApiResponses();
        // what the handlers declare, without the generic answers springdoc reads off exception handlers
        responses.forEach((code, response) -> {
            if (code.startsWith("2") || code.startsWith("3")) {
                described.addApiResponse(code, response);
            }
        });
        errors(method, path, !needed.isEmpty(), hasBody(method)).forEach((code, why) -> described.addApiResponse(code,
                new ApiResponse().description(why).content(json(ERROR_SCHEMA))));
        responses.forEach((code, response) -> {
            if (code.startsWith("4") && !described.containsKey(code)) {
                described.addApiResponse(code, response); // declared by the handler itself
            }
        });
        operation.responses(described);
    }

    /** The 4xx answers any operation of this face may give, by why. */
    private Map<String, String> errors(HttpMethod method, String path, boolean scoped, boolean body) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", body ? "The body is not valid JSON (or not UTF-8, or holds a NUL), or a parameter is malformed"
                : "A parameter is malformed or out of range");
        if (security != null) {
            errors.put("401", "No valid credential");
        }
        if (scoped) {
            errors.put("403", "The credential lacks the scope this operation needs");
        }
        if (path.contains("{")) {
            errors.put("404", "No such resource for this credential's platform and mode");
        }
        if (idempotent && method == HttpMethod.POST) {
            errors.put("409", "A request with the same Idempotency-Key is still in flight (or the change conflicts with the "
                    + "resource's state)");
        }
        if (body) {
            errors.put("413", "The body is larger than 1 MB");
            errors.put("422", idempotent && method == HttpMethod.POST
                    ? "The body breaks a rule, or differs from the one first sent with this Idempotency-Key"
                    : "The body breaks a rule");
        }
        errors.put("429", "Over a rate limit (Retry-After says when to try again)");
        return errors;
    }

    private static boolean hasBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    /** An error schema: an object with these properties, the first ones required. */
    public static Schema<?> errorSchema(String description, int required, Object... namesAndSchemas) {
        Schema<Object> schema = new Schema<>();
        schema.type("object").description(description);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            schema.addProperty((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
            names.add((String) namesAndSchemas[i]);
        }
        schema.required(names.subList(0, required));
        return schema;
    }

    /** JSON content of one of the document's own schemas. */
    public static Content json(String schema) {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)));
    }

    /** Gives an operation of the document a JSON request body of one of its schemas; none when no such operation. */
    public static void attachBody(OpenAPI openApi, String path, Function<PathItem, Operation> method, String schema,
                                  boolean required) {
        PathItem item = openApi.getPaths().get(path);
        Operation operation = item == null ? null : method.apply(item);
        if (operation != null) {
            operation.requestBody(new RequestBody().required(required).content(json(schema)));
        }
    }

    /**
     * Whether a scope table's rule (its method and path pattern) governs a documented operation: the
     * documented path, with a sample value for each variable, matches the pattern.
     */
    public static boolean ruleGoverns(HttpMethod ruleMethod, String rulePattern, HttpMethod method, String documentedPath) {
        return ruleMethod.equals(method) && PathPatternParser.defaultInstance.parse(rulePattern)
                .matches(PathContainer.parsePath(documentedPath.replaceAll("\\{[^}]+}", "x")));
    }
}
