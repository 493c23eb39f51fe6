package dev.kyra.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
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

/**
 * Reads {@link JsonBody} parameters. The body must be valid UTF-8 and, once parsed, every key and
 * string must pass {@link WireText} and every number must be of a sane size: a request that breaks
 * any of these is malformed (400) before any face or core code sees it, so nothing is ever written
 * from it, and nothing stored can later fail to render.
 */
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
        // the body limit filter has already bounded what this can read
        byte[] bytes = request.getInputStream().readAllBytes();
        if (bytes.length == 0) {
            return new JsonBody(STRICT.createObjectNode());
        }
        String text = WireText.decodeUtf8(bytes)
                .orElseThrow(() -> new MalformedBodyException("The request body is not valid UTF-8."));
        ObjectNode object = parseObject(text);
        checkValues(object, "");
        return new JsonBody(object);
    }

    private static ObjectNode parseObject(String text) {
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new MalformedBodyException("The request body is not valid JSON: " + e.getOriginalMessage() + where);
        } catch (NumberFormatException e) {
            // Jackson lets this one escape for a number such as 1e99999999999999999999
            throw new MalformedBodyException("The request body has a number too large to read.");
        }
        if (node == null || node.isMissingNode()) {
            return STRICT.createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedBodyException("The request body must be a JSON object.");
        }
        return object;
    }

    /** Walks the whole tree, unknown keys included: what is ignored today may be stored tomorrow. */
    private static void checkValues(JsonNode node, String path) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String key = entry.getKey();
                String at = path.isEmpty() ? key : path + "." + key;
                WireText.problemIn(key).ifPresent(problem -> {
                    throw new MalformedBodyException("A key of the request body " + problem + ".");
                });
                checkValues(entry.getValue(), at);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkValues(node.get(i), path + "." + i);
            }
        } else if (node.isString()) {
            WireText.problemIn(node.stringValue()).ifPresent(problem -> {
                throw new MalformedBodyException("The value of " + printable(path) + " " + problem + ".");
            });
        } else if (node.isBigDecimal()) {
            BigDecimal number = node.decimalValue();
            if (Math.abs((long) number.scale()) > JsonBody.MAX_NUMBER_SCALE) {
                throw new MalformedBodyException("The value of " + printable(path) + " is a number out of range.");
            }
        }
    }

    /** A path made of keys that passed {@link WireText}, safe to echo. */
    private static String printable(String path) {
        return path.isEmpty() ? "the body" : path;
    }
}
