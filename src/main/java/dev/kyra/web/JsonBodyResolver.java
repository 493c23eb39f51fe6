package dev.kyra.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads {@link JsonBody} parameters. */
class JsonBodyResolver implements HandlerMethodArgumentResolver {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // keep 33.33 exactly 33.33: percentages and amounts are decimals, not doubles
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == JsonBody.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        PushbackInputStream in = new PushbackInputStream(request.getInputStream());
        int first = in.read();
        if (first < 0) {
            return new JsonBody(STRICT.createObjectNode());
        }
        in.unread(first);
        return new JsonBody(parseObject(in));
    }

    private static ObjectNode parseObject(InputStream in) throws IOException {
        JsonNode node;
        try {
            node = STRICT.readTree(in);
        } catch (JacksonException e) {
            if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
                throw tooLarge;
            }
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedBodyException("The request body is not valid JSON: " + e.getOriginalMessage() + where);
        }
        if (node == null || node.isMissingNode()) {
            return STRICT.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedBodyException("The request body must be a JSON object.");
        }
        return object;
    }
}
