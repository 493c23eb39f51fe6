package dev.kyra.face.blaaiz;

import dev.kyra.customer.LegacyFileSlot;
import dev.kyra.customer.OwnerFileSlot;
import dev.kyra.platform.OAuthScopes;
import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.DocumentFields;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import dev.kyra.web.FaceDocument;
import dev.kyra.web.FieldSchemas;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Blaaiz face's OpenAPI document ({@code /v3/api-docs/blaaiz}). Request schemas are generated from
 * {@link BlaaizFields}, the same table the reader uses, so the documentation cannot drift from what is
 * accepted; scopes come from {@link BlaaizScopes}, the table authorization reads.
 */
@Configuration(proxyBeanMethods = false)
class BlaaizOpenApi {

    private static final String SECURITY = "blaaizOAuth";
    private static final String LEGACY_KEY = "blaaizLegacyKey";

    @Bean
    GroupedOpenApi blaaizDocument() {
        return new FaceDocument("blaaiz", "Kyra: Blaaiz-compatible customer API",
                "OAuth2 client credentials at /oauth/token, then Bearer tokens on /api/external/*; or a legacy key in "
                        + "x-blaaiz-api-key (decision B19). Errors are {status: false, message, errors?}.",
                List.of(BlaaizFace.API_PREFIX + "**", BlaaizFace.TOKEN_PATH), SECURITY, securityScheme(),
                BlaaizScopes::documented, FaceDocument.errorSchema("A Blaaiz error", 2,
                        "status", new Schema<>().type("boolean")._enum(java.util.Collections.singletonList(false)),
                        "message", new StringSchema(),
                        "errors", new ObjectSchema().description("On 422: the messages for each field, by field name")
                                .additionalProperties(new ArraySchema().items(new StringSchema()))),
                true, BlaaizOpenApi::details).toGroup();
    }

    private static void details(OpenAPI openApi) {
        Components components = openApi.getComponents();
        components.addSecuritySchemes(LEGACY_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("x-blaaiz-api-key")
                .description("A legacy key: every scope of the customer surface; a Bearer token wins when both are sent"));
        components.addSchemas("BlaaizOwner", owner());
        components.addSchemas("BlaaizCustomerCreate", customerRequest(true));
        components.addSchemas("BlaaizCustomerUpdate", customerRequest(false));
        components.addSchemas("BlaaizKycData", fieldsOf("Only these keys are read; others are ignored. The operating "
                + "address is for businesses.", CustomerFields.KYC_DATA));
        ObjectSchema upgrade = fieldsOf("owners (1 to 5, each with first_name, last_name and ownership_percentage) "
                + "join the stored owners; together they must total 100.", CustomerFields.UPGRADE);
        upgrade.addProperty("owners", new ArraySchema().minItems(1).maxItems(5)
                .items(new Schema<>().$ref("#/components/schemas/BlaaizOwner")));
        components.addSchemas("BlaaizUpgrade", upgrade);
        ObjectSchema newDocument = fieldsOf("A KYB document: its type, a name, and the file_id of an uploaded file.",
                DocumentFields.ALL);
        newDocument.required(List.of("type", "name", "file_id"));
        components.addSchemas("BlaaizDocumentCreate", newDocument);
        components.addSchemas("BlaaizDocumentUpdate", fieldsOf("Each field is optional; a null description clears it.",
                DocumentFields.ALL));
        components.addSchemas("BlaaizLegacyUpload", object("customer_id", new StringSchema().format("uuid"),
                "file_category", enumOf(LegacyFileSlot.values(), LegacyFileSlot::category)));
        components.addSchemas("BlaaizLegacyFiles", fileIds(LegacyFileSlot.values(), LegacyFileSlot::code));
        components.addSchemas("BlaaizOwnerUpload", object("file_category",
                enumOf(OwnerFileSlot.values(), OwnerFileSlot::code)));
        components.addSchemas("BlaaizOwnerFiles", fileIds(OwnerFileSlot.values(), OwnerFileSlot::code));
        components.addSchemas("BlaaizWebhook", object("collection_url", new StringSchema().format("uri"),
                "payout_url", new StringSchema().format("uri")));
        ObjectSchema webhookChange = new ObjectSchema();
        webhookChange.description("Send the URLs being changed.");
        webhookChange.addProperty("collection_url", new StringSchema().format("uri"));
        webhookChange.addProperty("payout_url", new StringSchema().format("uri"));
        components.addSchemas("BlaaizWebhookChange", webhookChange);
        components.addSchemas("BlaaizReplay", object("transaction_id", new StringSchema().format("uuid")
                .description("A delivery's event_id or a webhook log id")));
        // a legacy key is the alternative to a token on every operation
        openApi.getPaths().forEach((path, item) -> item.readOperations()
                .forEach(operation -> operation.addSecurityItem(new SecurityRequirement().addList(LEGACY_KEY))));
        String customer = "/api/external/customer/{customerId}";
        FaceDocument.attachBody(openApi, "/api/external/customer", PathItem::getPost, "BlaaizCustomerCreate", true);
        FaceDocument.attachBody(openApi, customer, PathItem::getPut, "BlaaizCustomerUpdate", true);
        FaceDocument.attachBody(openApi, customer + "/kyc-data", PathItem::getPost, "BlaaizKycData", true);
        FaceDocument.attachBody(openApi, customer + "/upgrade-kyb-scope", PathItem::getPost, "BlaaizUpgrade", true);
        FaceDocument.attachBody(openApi, customer + "/document", PathItem::getPost, "BlaaizDocumentCreate", true);
        FaceDocument.attachBody(openApi, customer + "/document/{documentId}", PathItem::getPut, "BlaaizDocumentUpdate", true);
        FaceDocument.attachBody(openApi, "/api/external/file/get-presigned-url", PathItem::getPost, "BlaaizLegacyUpload", true);
        FaceDocument.attachBody(openApi, customer + "/files", PathItem::getPost, "BlaaizLegacyFiles", true);
        FaceDocument.attachBody(openApi, customer + "/files", PathItem::getPut, "BlaaizLegacyFiles", true);
        FaceDocument.attachBody(openApi, customer + "/owner/{ownerId}/file/presigned-url", PathItem::getPost, "BlaaizOwnerUpload", true);
        FaceDocument.attachBody(openApi, customer + "/owner/{ownerId}/files", PathItem::getPost, "BlaaizOwnerFiles", true);
        FaceDocument.attachBody(openApi, "/api/external/webhook", PathItem::getPost, "BlaaizWebhook", true);
        FaceDocument.attachBody(openApi, "/api/external/webhook", PathItem::getPut, "BlaaizWebhookChange", true);
        FaceDocument.attachBody(openApi, "/api/external/webhook/{webhookId}", PathItem::getPut, "BlaaizWebhookChange", true);
        FaceDocument.attachBody(openApi, "/api/external/webhook/replay", PathItem::getPost, "BlaaizReplay", true);
        FaceDocument.attachBody(openApi, "/api/external/webhook-replay", PathItem::getPost, "BlaaizReplay", true);
        openApi.getPaths().addPathItem(BlaaizFace.TOKEN_PATH, tokenEndpoint());
    }

    /** An object of core fields under this face's names. */
    private static ObjectSchema fieldsOf(String description, List<Field<?>> fields) {
        ObjectSchema schema = new ObjectSchema();
        schema.description(description);
        fields.forEach(field -> schema.addProperty(BlaaizFields.name(FieldPath.of(field)), schemaOf(field)));
        return schema;
    }

    private static ObjectSchema object(Object... namesAndSchemas) {
        ObjectSchema schema = new ObjectSchema();
        for (int i = 0; i < namesAndSchemas.length; i += 2) {
            schema.addProperty((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
        }
        schema.required(java.util.Arrays.stream(namesAndSchemas).filter(String.class::isInstance).map(String.class::cast).toList());
        return schema;
    }

    private static <E> StringSchema enumOf(E[] values, java.util.function.Function<E, String> name) {
        return (StringSchema) new StringSchema()._enum(java.util.Arrays.stream(values).map(name).toList());
    }

    /** A files request: each slot takes a file_id from an upload URL of its category. */
    private static <E> ObjectSchema fileIds(E[] slots, java.util.function.Function<E, String> name) {
        ObjectSchema schema = new ObjectSchema();
        schema.description("Send only the slots being set; each value is a file_id from an upload URL.");
        java.util.Arrays.stream(slots).forEach(slot -> schema.addProperty(name.apply(slot), new StringSchema().format("uuid")));
        return schema;
    }

    private static Schema<?> customerRequest(boolean create) {
        ObjectSchema schema = new ObjectSchema();
        if (create) {
            schema.description("Besides type, email and country: for individuals, first_name, last_name, id_type and "
                    + "id_number; for businesses, business_name, registration_number and incorporation_country.");
            schema.required(List.of("type", "email", "country"));
        } else {
            schema.description("Every field is optional and an explicit null clears it; type and kyb_scope are read-only.");
        }
        schema.addProperty("type", new StringSchema()._enum(List.of("individual", "business")));
        schema.addProperty("kyb_scope", new StringSchema()._enum(List.of("FULL", "MINIMAL")));
        Stream.concat(BlaaizFields.CUSTOMER.stream(), BlaaizFields.KYC_DATA.stream())
                .forEach(name -> schema.addProperty(name.json(), schemaOf(name.field())));
        schema.getProperties().put("id_type", new StringSchema()._enum(List.copyOf(new TreeSet<>(BlaaizFields.ID_TYPES))));
        schema.addProperty("owners", new ArraySchema().maxItems(5).items(new Schema<>().$ref("#/components/schemas/BlaaizOwner")));
        return schema;
    }

    private static Schema<?> owner() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("An owner entry: with id it updates that owner, without it adds one (first_name and last_name "
                + "required). status and admin_comments are set by reviewers and ignored here.");
        schema.addProperty("id", new StringSchema().format("uuid"));
        BlaaizFields.OWNER.forEach(name -> schema.addProperty(name.json(), schemaOf(name.field())));
        return schema;
    }

    private static Schema<?> schemaOf(Field<?> field) {
        return FieldSchemas.of(field);
    }

    private static SecurityScheme securityScheme() {
        Scopes scopes = new Scopes();
        OAuthScopes.ALL.forEach(scope -> scopes.addString(scope, scope));
        return new SecurityScheme().type(SecurityScheme.Type.OAUTH2).flows(new OAuthFlows()
                .clientCredentials(new OAuthFlow().tokenUrl(BlaaizFace.TOKEN_PATH).scopes(scopes)));
    }

    private static PathItem tokenEndpoint() {
        ObjectSchema form = new ObjectSchema();
        form.addProperty("grant_type", new StringSchema()._enum(List.of("client_credentials")));
        form.addProperty("client_id", new StringSchema());
        form.addProperty("client_secret", new StringSchema());
        form.addProperty("scope", new StringSchema().description("Space-separated scopes, or * for every granted scope"));
        form.required(List.of("grant_type", "client_id", "client_secret"));
        ObjectSchema token = new ObjectSchema();
        token.addProperty("token_type", new StringSchema()._enum(List.of("Bearer")));
        token.addProperty("expires_in", new Schema<>().type("integer").example(900));
        token.addProperty("access_token", new StringSchema());
        Operation operation = new Operation().summary("Issue an access token (OAuth2 client credentials)")
                .addTagsItem("Authentication")
                .requestBody(new RequestBody().required(true).content(new Content()
                        .addMediaType("application/x-www-form-urlencoded", new MediaType().schema(form))))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("A 15-minute Bearer token")
                                .content(new Content().addMediaType("application/json", new MediaType().schema(token))))
                        .addApiResponse("400", new ApiResponse().description("invalid_request, invalid_scope or unsupported_grant_type"))
                        .addApiResponse("401", new ApiResponse().description("invalid_client"))
                        .addApiResponse("429", new ApiResponse().description("Too many failed authentications from this "
                                + "address (Retry-After says when to try again)")));
        return new PathItem().post(operation);
    }
}
