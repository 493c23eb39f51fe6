package dev.kyra.face.blaaiz;

import dev.kyra.files.PreparedUpload;
import java.util.LinkedHashMap;
import java.util.Map;

/** An upload URL as this face shows it: {@code file_id}, {@code url} and the {@code headers} to PUT with. */
final class BlaaizUploads {

    private BlaaizUploads() {
    }

    static Map<String, Object> json(PreparedUpload upload) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file_id", upload.fileId().toString());
        json.put("url", upload.url());
        json.put("headers", upload.headers());
        return json;
    }
}
