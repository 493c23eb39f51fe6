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
import io.swagger.v3.oas.models.info.Info;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Blaaiz face in the OpenAPI document. Request schemas are generated from {@link BlaaizFields},
 * the same table the reader uses, so the documentation cannot drift from what is accepted.
 */
@Configuration(proxyBeanMethods = false)
class BlaaizOpenApi {

    private static final String SECURITY = "blaaizOAuth";

    @Bean
    OpenApiCustomizer blaaizDocumentation() {
        return openApi -> {
            openApi.info(new Info().title("Kyra: Blaaiz-compatible customer API").version("v1")
                    .description("OAuth2 client credentials at /oauth/token, then Bearer tokens on /api/external/*."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSecuritySchemes(SECURITY, securityScheme());
            components.addSchemas("BlaaizOwner", owner());
            components.addSchemas("BlaaizCustomerRequest", customerRequest());
            components.addSchemas("BlaaizKycData", fieldsOf("Only these keys are read; others are ignored. The operating "
                    + "address is for businesses.", CustomerFields.KYC_DATA));
            ObjectSchema upgrade = fieldsOf("owners (1 to 5, each with first_name, last_name and ownership_percentage) "
                    + "join the stored owners; together they must total 100.", CustomerFields.UPGRADE);
            upgrade.addProperty("owners", new ArraySchema().minItems(1).maxItems(5)
                    .items(new Schema<>().$ref("#/components/schemas/BlaaizOwner")));
            components.addSchemas("BlaaizUpgrade", upgrade);
            components.addSchemas("BlaaizDocumentRequest", fieldsOf("type, name and file_id are required on create; on "
                    + "update each is optional and a null description clears it.", DocumentFields.ALL));
            components.addSchemas("BlaaizLegacyUpload", object("customer_id", new StringSchema().format("uuid"),
                    "file_category", enumOf(LegacyFileSlot.values(), LegacyFileSlot::category)));
            components.addSchemas("BlaaizLegacyFiles", fileIds(LegacyFileSlot.values(), LegacyFileSlot::code));
            components.addSchemas("BlaaizOwnerUpload", object("file_category",
                    enumOf(OwnerFileSlot.values(), OwnerFileSlot::code)));
            components.addSchemas("BlaaizOwnerFiles", fileIds(OwnerFileSlot.values(), OwnerFileSlot::code));
            openApi.getPaths().forEach((path, item) -> item.readOperations()
                    .forEach(operation -> operation.addSecurityItem(new SecurityRequirement().addList(SECURITY))));
            attachBody(openApi, "/api/external/customer", PathItem::getPost, "BlaaizCustomerRequest");
            attachBody(openApi, "/api/external/customer/{id}", PathItem::getPut, "BlaaizCustomerRequest");
            attachBody(openApi, "/api/external/customer/{id}/kyc-data", PathItem::getPost, "BlaaizKycData");
            attachBody(openApi, "/api/external/customer/{id}/upgrade-kyb-scope", PathItem::getPost, "BlaaizUpgrade");
            attachBody(openApi, "/api/external/customer/{customer}/document", PathItem::getPost, "BlaaizDocumentRequest");
            attachBody(openApi, "/api/external/customer/{customer}/document/{document}", PathItem::getPut,
                    "BlaaizDocumentRequest");
            attachBody(openApi, "/api/external/file/get-presigned-url", PathItem::getPost, "BlaaizLegacyUpload");
            attachBody(openApi, "/api/external/customer/{id}/files", PathItem::getPost, "BlaaizLegacyFiles");
            attachBody(openApi, "/api/external/customer/{id}/files", PathItem::getPut, "BlaaizLegacyFiles");
            attachBody(openApi, "/api/external/customer/{customer}/owner/{owner}/file/presigned-url", PathItem::getPost,
                    "BlaaizOwnerUpload");
            attachBody(openApi, "/api/external/customer/{customer}/owner/{owner}/files", PathItem::getPost,
                    "BlaaizOwnerFiles");
            openApi.getPaths().addPathItem(BlaaizFace.TOKEN_PATH, tokenEndpoint());
        };
    }

    private static void attachBody(OpenAPI openApi, String path, java.util.function.Function<PathItem, Operation> method,
                                   String schema) {
        PathItem item = openApi.getPaths().get(path);
        Operation operation = item == null ? null : method.apply(item);
        if (operation != null) {
            operation.requestBody(new RequestBody().required(true).content(new Content().addMediaType("application/json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema)))));
        }
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

    private static Schema<?> customerRequest() {
        ObjectSchema schema = new ObjectSchema();
        schema.description("Create needs type, email, country and, for individuals, first_name, last_name, id_type and "
                + "id_number; for businesses, business_name, registration_number and incorporation_country. On update "
                + "every field is optional and an explicit null clears it; kyb_scope is read-only there.");
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
        Class<?> type = field.type();
        Schema<?> schema;
        if (type == LocalDate.class) {
            schema = new StringSchema().format("date");
        } else if (type == Long.class) {
            schema = new Schema<>().type("integer").format("int64");
        } else if (type == BigDecimal.class) {
            schema = new Schema<>().type("number");
        } else if (type == Boolean.class) {
            schema = new Schema<>().type("boolean");
        } else {
            StringSchema text = new StringSchema();
            field.allowedValues().ifPresent(values -> text._enum(List.copyOf(new TreeSet<>(values))));
            field.maxLength().ifPresent(text::maxLength);
            schema = text;
        }
        return schema.nullable(true);
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
                        .addApiResponse("401", new ApiResponse().description("invalid_client")));
        return new PathItem().post(operation);
    }
}
