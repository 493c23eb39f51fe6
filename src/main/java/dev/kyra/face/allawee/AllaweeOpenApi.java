package dev.kyra.face.allawee;

import dev.kyra.customer.Tier;
import dev.kyra.web.FaceDocument;
import dev.kyra.web.FieldSchemas;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Allawee face's OpenAPI document ({@code /v3/api-docs/allawee}), simulation routes included.
 * The claims schema is generated from {@link AllaweeFields}, the table the reader uses; scopes come
 * from {@link AllaweeScopes}, the table authorization reads.
 */
@Configuration(proxyBeanMethods = false)
class AllaweeOpenApi {

    private static final String SECURITY = "allaweeApiKey";

    @Bean
    GroupedOpenApi allaweeDocument() {
        return new FaceDocument("allawee", "Kyra: Allawee-compatible customer API",
                "Authorization: Bearer sk.test.… or sk.live.… (the key's mode is the data it reaches). Lists take the "
                        + "query language of docs/allawee-query-language.md. Errors are {code, message, statusCode, errors?}.",
                AllaweeFace.ROOTS.stream().flatMap(root -> Stream.of(root, root + "/**")).toList(), SECURITY,
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("sk.{test|live}.<base58>")
                        .description("An API key; each carries scopes (customers:read, customers:write, webhooks:read, "
                                + "webhooks:write, events:read, events:retry, requests:read), listed on each operation"),
                AllaweeScopes::documented, FaceDocument.errorSchema("An Allawee error", 3,
                        "code", new StringSchema().example("validation-error"),
                        "message", new StringSchema(),
                        "statusCode", new Schema<>().type("integer"),
                        "errors", new ArraySchema().items(new StringSchema()).description("On 400: every problem found")),
                true, AllaweeOpenApi::details).toGroup();
    }

    private static void details(OpenAPI openApi) {
        openApi.getComponents().addSchemas("AllaweeCustomerCreate", customer(true));
        openApi.getComponents().addSchemas("AllaweeCustomerUpdate", customer(false));
        openApi.getComponents().addSchemas("AllaweeWebhookCreate", webhook(true));
        openApi.getComponents().addSchemas("AllaweeWebhookUpdate", webhook(false));
        ObjectSchema roll = new ObjectSchema();
        roll.description("Optional: the new key (at least 16 characters); Kyra makes one when none is sent.");
        roll.addProperty("signingKey", new StringSchema().minLength(16));
        openApi.getComponents().addSchemas("AllaweeSecretRoll", roll);
        FaceDocument.attachBody(openApi, "/customers", PathItem::getPost, "AllaweeCustomerCreate", true);
        FaceDocument.attachBody(openApi, "/customers/{customerId}", PathItem::getPut, "AllaweeCustomerUpdate", true);
        FaceDocument.attachBody(openApi, "/webhooks", PathItem::getPost, "AllaweeWebhookCreate", true);
        FaceDocument.attachBody(openApi, "/webhooks/{webhookId}", PathItem::getPut, "AllaweeWebhookUpdate", true);
        FaceDocument.attachBody(openApi, "/webhooks/{webhookId}/secret/roll", PathItem::getPost, "AllaweeSecretRoll", false);
    }

    private static Schema<?> customer(boolean create) {
        ObjectSchema schema = new ObjectSchema();
        schema.addProperty("type", new StringSchema()._enum(List.of("individual", "corporate")));
        schema.addProperty("name", new StringSchema().maxLength(255));
        schema.addProperty("reference", new StringSchema().maxLength(255)
                .description("The platform's own id for the customer: unique per platform and mode"));
        ObjectSchema claims = new ObjectSchema();
        claims.description("Groups of facts; a group sent replaces that group. Individual groups for individuals, "
                + "business groups for corporates.");
        for (AllaweeFields.Group group : AllaweeFields.GROUPS) {
            if (group.isList()) {
                claims.addProperty(group.json(), new ArraySchema().items(new ObjectSchema()));
            } else {
                ObjectSchema fields = new ObjectSchema();
                group.fields().forEach(name -> fields.addProperty(name.json(), FieldSchemas.of(name.field())));
                claims.addProperty(group.json(), fields);
            }
        }
        schema.addProperty("claims", claims);
        schema.addProperty("verifications", new ArraySchema().items(new StringSchema()
                ._enum(Arrays.stream(Tier.values()).map(Tier::code).toList()))
                .description("Tiers to ask reviewers for (each also accepted as {type: <tier>})"));
        schema.addProperty("metadata", new ObjectSchema().description("The platform's own keys and values, kept as sent"));
        if (create) {
            schema.required(List.of("type", "name", "reference"));
        } else {
            schema.description("PUT replaces the top-level fields it sends.");
        }
        return schema;
    }

    private static Schema<?> webhook(boolean create) {
        ObjectSchema schema = new ObjectSchema();
        Function<Integer, Schema<?>> text = max -> new StringSchema().maxLength(max);
        schema.addProperty("name", text.apply(255));
        schema.addProperty("url", new StringSchema().format("uri").description("https, and not a private address"));
        schema.addProperty("events", new ArraySchema().items(new StringSchema()).description("Event names, or * for all"));
        schema.addProperty("apiVersion", text.apply(255));
        schema.addProperty("description", text.apply(255));
        schema.addProperty("metadata", new ObjectSchema());
        if (create) {
            schema.addProperty("signingKey", new StringSchema().minLength(16)
                    .description("Optional: the key to sign with; Kyra makes one when none is sent"));
            schema.required(List.of("name", "url", "events"));
            schema.description("Created disabled: enable it to take effect. Its key is read from /webhooks/{webhookId}/secret.");
        }
        return schema;
    }
}
