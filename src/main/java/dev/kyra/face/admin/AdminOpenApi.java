package dev.kyra.face.admin;

import dev.kyra.web.FaceDocument;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.function.Function;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The admin API's OpenAPI document ({@code /v3/api-docs/admin}). Request schemas are read off the
 * records of {@link AdminRequests} — the ones {@link AdminBodies} binds and validates — with their
 * names, required fields and limits.
 */
@Configuration(proxyBeanMethods = false)
class AdminOpenApi {

    private static final String SECURITY = "adminToken";
    private static final String PLATFORM = AdminFace.PREFIX + "v1/platforms/{platformId}";
    private static final String CUSTOMER = AdminFace.PREFIX + "v1/customers/{customerId}";

    @Bean
    GroupedOpenApi adminDocument() {
        return new FaceDocument("admin", "Kyra: admin API",
                "For Kyra's operators: platforms and their credentials, reviews, reviewers, erasure, master keys. "
                        + "Authorization: Bearer <KYRA_ADMIN_TOKEN>. Keep it off the public internet. Errors are {code, message}.",
                List.of(AdminFace.PREFIX + "**"), SECURITY,
                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("KYRA_ADMIN_TOKEN"),
                null, FaceDocument.errorSchema("An admin API error", 2, "code", new StringSchema().example("not-found"),
                        "message", new StringSchema()),
                false, AdminOpenApi::details).toGroup();
    }

    private static void details(OpenAPI openApi) {
        attach(openApi, AdminFace.PREFIX + "v1/platforms", PathItem::getPost, AdminRequests.NewPlatform.class, true);
        attach(openApi, PLATFORM, PathItem::getPatch, AdminRequests.SettingsChange.class, true);
        attach(openApi, PLATFORM + "/oauth-clients", PathItem::getPost, AdminRequests.NewCredential.class, true);
        attach(openApi, PLATFORM + "/api-keys", PathItem::getPost, AdminRequests.NewCredential.class, true);
        attach(openApi, PLATFORM + "/legacy-api-keys", PathItem::getPost, AdminRequests.NewLegacyKey.class, true);
        attach(openApi, PLATFORM + "/default-webhooks/{mode}", PathItem::getPut, AdminRequests.DefaultWebhookUrl.class, true);
        attach(openApi, AdminFace.PREFIX + "v1/reviewers", PathItem::getPost, AdminRequests.NewReviewer.class, true);
        attach(openApi, AdminFace.PREFIX + "v1/reviewers/{reviewerId}/password", PathItem::getPost,
                AdminRequests.PasswordReset.class, true);
        // every decision but a tier's takes an optional comment (required to reject: a 422 says so)
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith(CUSTOMER + "/") && !path.startsWith(CUSTOMER + "/tiers/") && item.getPost() != null) {
                attach(openApi, path, PathItem::getPost, AdminRequests.Decision.class, false);
            }
        });
    }

    private static void attach(OpenAPI openApi, String path, Function<PathItem, Operation> method, Class<?> record,
                               boolean required) {
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(record);
        String name = "Admin" + record.getSimpleName();
        openApi.getComponents().addSchemas(name, resolved.schema);
        FaceDocument.attachBody(openApi, path, method, name, required);
    }
}
