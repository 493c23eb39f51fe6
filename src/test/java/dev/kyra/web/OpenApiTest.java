package dev.kyra.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * One OpenAPI document per face, and every endpoint Kyra maps is in its face's document with the
 * success code Spring really answers with, the face's error schema on its 4xx answers, and its
 * security scheme (with the scope the face's table asks for).
 */
class OpenApiTest extends KyraIntegrationTest {

    private static final Map<String, String> GROUP_BY_PREFIX = new LinkedHashMap<>();
    private static final Set<String> VARIABLE_NAMES = Set.of("customerId", "ownerId", "documentId", "beneficiaryId",
            "webhookId", "eventId", "requestId", "logId", "platformId", "clientId", "keyId", "reviewerId", "masterKeyId",
            "tier", "decision", "mode", "action", "activity", "token");

    static {
        GROUP_BY_PREFIX.put("/api/external/", "blaaiz");
        GROUP_BY_PREFIX.put("/oauth/token", "blaaiz");
        for (String root : List.of("/customers", "/webhooks", "/events", "/requests", "/simulation")) {
            GROUP_BY_PREFIX.put(root, "allawee");
        }
        GROUP_BY_PREFIX.put("/admin/", "admin");
        GROUP_BY_PREFIX.put("/files/", "files");
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<String, JsonNode> documents = new LinkedHashMap<>();

    @BeforeEach
    void readTheDocuments() {
        for (String group : Set.copyOf(GROUP_BY_PREFIX.values())) {
            Response document = api.get("/v3/api-docs/" + group, null);
            assertThat(document.status()).as(group).isEqualTo(200);
            documents.put(group, document.json());
        }
    }

    @Test
    void everyMappedEndpointIsInItsFacesDocumentWithTheCodesItAnswers() {
        List<String> checked = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("dev.kyra.")
                    || handler.getBeanType().getPackageName().startsWith("dev.kyra.face.console")) {
                return; // Spring's and springdoc's own endpoints, and the console's HTML pages
            }
            for (String pattern : patterns(info)) {
                if (pattern.equals("/error")) {
                    continue; // where the servlet container sends what failed before a face: no endpoint of its own
                }
                String group = groupOf(pattern);
                assertThat(group).as("a face for " + pattern).isNotNull();
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    JsonNode operation = documents.get(group).path("paths").path(pattern).path(method.name().toLowerCase());
                    assertThat(operation.isMissingNode()).as(method + " " + pattern + " in /v3/api-docs/" + group).isFalse();
                    checkResponses(method + " " + pattern, handler, operation.get("responses"));
                    checked.add(method + " " + pattern);
                }
            }
        });
        assertThat(checked).as("every face's endpoints were looked at").hasSizeGreaterThan(80)
                .contains("POST /api/external/customer", "POST /customers", "DELETE /admin/v1/platforms/{platformId}/api-keys/{keyId}",
                        "PUT /files/{token}");
    }

    @Test
    void eachFaceHasItsSecuritySchemeAndScopes() {
        JsonNode blaaiz = documents.get("blaaiz");
        JsonNode oauth = blaaiz.at("/components/securitySchemes/blaaizOAuth");
        assertThat(oauth.at("/flows/clientCredentials/tokenUrl").stringValue()).isEqualTo("/oauth/token");
        assertThat(oauth.at("/flows/clientCredentials/scopes").has("customer:write")).isTrue();
        assertThat(blaaiz.at("/components/securitySchemes/blaaizLegacyKey/name").stringValue()).isEqualTo("x-blaaiz-api-key");
        assertThat(blaaiz.at("/paths/~1api~1external~1customer/post/security").toString())
                .contains("{\"blaaizOAuth\":[\"customer:write\"]}", "{\"blaaizLegacyKey\":[]}");
        assertThat(blaaiz.at("/paths/~1api~1external~1webhook-logs/get/security").toString()).contains("webhook:read");
        assertThat(blaaiz.at("/paths/~1oauth~1token/post/security").isMissingNode()).as("the token endpoint takes none").isTrue();

        JsonNode allawee = documents.get("allawee");
        assertThat(allawee.at("/components/securitySchemes/allaweeApiKey/scheme").stringValue()).isEqualTo("bearer");
        assertThat(allawee.at("/paths/~1events~1{eventId}~1retry/post/security").toString())
                .isEqualTo("[{\"allaweeApiKey\":[\"events:retry\"]}]");
        assertThat(allawee.at("/paths/~1requests/get/security").toString()).contains("requests:read");
        assertThat(allawee.at("/paths/~1simulation~1customers~1{customerId}~1verifications~1{tier}~1{decision}/post"))
                .as("the simulation routes are in the document").isNotEmpty();

        assertThat(documents.get("admin").at("/components/securitySchemes/adminToken/scheme").stringValue()).isEqualTo("bearer");
        assertThat(documents.get("files").at("/components/securitySchemes").isMissingNode()).as("the URL is the grant").isTrue();
    }

    @Test
    void requestBodiesHaveSchemasWithTheirRequiredFields() {
        JsonNode blaaiz = documents.get("blaaiz");
        assertThat(blaaiz.at("/paths/~1api~1external~1customer/post/requestBody").toString()).contains("BlaaizCustomerCreate");
        assertThat(strings(blaaiz.at("/components/schemas/BlaaizCustomerCreate/required"))).containsExactlyInAnyOrder("type", "email", "country");
        assertThat(blaaiz.at("/components/schemas/BlaaizCustomerUpdate/required").isMissingNode()).isTrue();
        assertThat(blaaiz.at("/components/schemas/BlaaizCustomerCreate/properties/id_type/enum")).hasSize(3);
        assertThat(blaaiz.at("/components/schemas/BlaaizCustomerCreate/properties/business_description/maxLength").intValue())
                .isEqualTo(2000);
        assertThat(strings(blaaiz.at("/components/schemas/BlaaizDocumentCreate/required"))).containsExactlyInAnyOrder("type", "name", "file_id");
        assertThat(blaaiz.at("/paths/~1api~1external~1customer/post/parameters").toString())
                .as("the caller is no parameter; the Idempotency-Key is").contains("Idempotency-Key").doesNotContain("caller");

        JsonNode allawee = documents.get("allawee");
        assertThat(strings(allawee.at("/components/schemas/AllaweeCustomerCreate/required"))).containsExactlyInAnyOrder("type", "name", "reference");
        assertThat(allawee.at("/components/schemas/AllaweeCustomerCreate/properties/claims/properties/individualIdentity"))
                .isNotEmpty();
        assertThat(strings(allawee.at("/components/schemas/AllaweeWebhookCreate/required"))).containsExactlyInAnyOrder("name", "url", "events");

        JsonNode admin = documents.get("admin");
        assertThat(admin.at("/paths/~1admin~1v1~1platforms/post/requestBody").toString()).contains("AdminNewPlatform");
        assertThat(strings(admin.at("/components/schemas/AdminNewPlatform/required"))).containsExactly("name");
        assertThat(admin.at("/components/schemas/AdminSettingsChange/properties").has("rate_limit_per_minute"))
                .as("named as the JSON names them").isTrue();
        assertThat(strings(admin.at("/components/schemas/AdminNewCredential/required"))).contains("mode");
    }

    @Test
    void pathVariablesAreNamedAlikeEverywhere() {
        Pattern variable = Pattern.compile("\\{([^}]+)}");
        documents.forEach((group, document) -> document.get("paths").propertyNames().forEach(path -> {
            Matcher found = variable.matcher(path);
            while (found.find()) {
                assertThat(VARIABLE_NAMES).as(group + ": " + path).contains(found.group(1));
            }
            assertThat(path).as("a customer is {customerId} wherever it is named").doesNotContainPattern("customers?/\\{(?!customerId)");
        }));
    }

    @Test
    void swaggerUiOffersEachFace() {
        Response config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.json().get("urls").toString()).contains("/v3/api-docs/blaaiz", "/v3/api-docs/allawee",
                "/v3/api-docs/admin", "/v3/api-docs/files");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    private void checkResponses(String what, HandlerMethod handler, JsonNode responses) {
        List<String> codes = new ArrayList<>(responses.propertyNames());
        ResponseStatus declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ResponseStatus.class);
        if (declared != null) {
            assertThat(codes).as(what + ": the code its @ResponseStatus makes Spring answer with")
                    .contains(Integer.toString(declared.code().value()));
        } else if (!ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            assertThat(codes).as(what + ": a body without @ResponseStatus is a 200").contains("200");
        }
        assertThat(codes.stream().filter(code -> code.startsWith("2"))).as(what + ": one success").hasSizeLessThanOrEqualTo(1);
        for (String code : codes) {
            if (code.startsWith("4")) {
                assertThat(responses.get(code).toString()).as(what + " " + code + " in the face's error schema")
                        .contains("#/components/schemas/" + FaceDocument.ERROR_SCHEMA);
            }
            assertThat(code).as(what + ": no 5xx is documented, none is meant to happen").doesNotStartWith("5");
        }
        if (declared == null || declared.code() != HttpStatus.NO_CONTENT) {
            assertThat(codes.stream().filter(code -> code.startsWith("4"))).as(what + ": its 4xx answers").isNotEmpty();
        }
    }

    /** The documented form of a mapping's paths: a variable's regular expression is not part of its name. */
    private static List<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition().getPatternValues().stream()
                .map(pattern -> pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}")).toList();
    }

    private static String groupOf(String path) {
        return GROUP_BY_PREFIX.entrySet().stream().filter(entry -> path.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::stringValue).toList();
    }
}
