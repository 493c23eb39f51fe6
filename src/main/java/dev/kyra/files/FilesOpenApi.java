package dev.kyra.files;

import dev.kyra.web.FaceDocument;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The local file store's signed URLs in an OpenAPI document ({@code /v3/api-docs/files}): what a
 * client does with an upload URL a face handed it, and what a download link answers. The URL's own
 * token is the grant, so there is no security scheme. With S3 storage these URLs are S3's, not Kyra's.
 */
@Configuration(proxyBeanMethods = false)
class FilesOpenApi {

    @Bean
    GroupedOpenApi filesDocument() {
        return new FaceDocument("files", "Kyra: file uploads and downloads (local storage)",
                "Signed, expiring URLs handed out by the faces: PUT the file's bytes once to an upload URL (up to 25 MB, a "
                        + "PDF, JPEG or PNG); GET a download URL for the file. Errors are {code, message}.",
                List.of(LocalFileStore.URL_PATH + "**"), null, null, null,
                FaceDocument.errorSchema("A file store error", 2, "code", new StringSchema().example("forbidden"),
                        "message", new StringSchema()),
                false, FilesOpenApi::details).toGroup();
    }

    private static void details(OpenAPI openApi) {
        PathItem item = openApi.getPaths().get(LocalFileStore.URL_PATH + "{token}");
        if (item == null) {
            return;
        }
        if (item.getPut() != null) {
            Content bytes = new Content();
            for (ContentTypes type : ContentTypes.values()) {
                bytes.addMediaType(type.mediaType(), new MediaType().schema(new BinarySchema()));
            }
            item.getPut().requestBody(new RequestBody().required(true).content(bytes));
            // no credential and no JSON: the file's own refusals replace the faces' usual ones
            item.getPut().responses(new ApiResponses()
                    .addApiResponse("200", new ApiResponse().description("Stored; ETag is the bytes' MD5"))
                    .addApiResponse("403", error("The upload URL is invalid or has expired"))
                    .addApiResponse("409", error("This upload URL has been used"))
                    .addApiResponse("413", error("The file exceeds 25 MB")));
        }
        if (item.getGet() != null) {
            Content file = new Content();
            for (ContentTypes type : ContentTypes.values()) {
                file.addMediaType(type.mediaType(), new MediaType().schema(new BinarySchema()));
            }
            item.getGet().responses(new ApiResponses()
                    .addApiResponse("200", new ApiResponse().description("The file, decrypted").content(file))
                    .addApiResponse("403", error("The download URL is invalid or has expired")));
        }
    }

    private static ApiResponse error(String why) {
        return new ApiResponse().description(why).content(FaceDocument.json(FaceDocument.ERROR_SCHEMA));
    }
}
