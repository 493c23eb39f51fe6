package dev.kyra.profile;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One problem, as a message template that faces render with their own field names. In the template,
 * {@code {field}} is the violation's own path and {@code {0}}, {@code {1}}, ... are its arguments: a
 * {@link FieldPath} argument is rendered as a name, a list argument as a comma-separated list, and
 * anything else as text.
 *
 * @param path where the problem is, or null for a problem of the request as a whole
 * @param code a stable name for the problem, for a face that words it its own way; null for most
 */
public record Violation(FieldPath path, String template, List<Object> arguments, String code) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(field|\\d+)}");

    public Violation {
        arguments = List.copyOf(arguments);
    }

    public static Violation of(FieldPath path, String template, Object... arguments) {
        return new Violation(path, template, List.of(arguments), null);
    }

    /** This problem, named so that faces can word it their own way. */
    public Violation coded(String name) {
        return new Violation(path, template, arguments, name);
    }

    /** This problem in other words (a face's), with the same path and arguments. */
    public Violation worded(String otherTemplate) {
        return new Violation(path, otherTemplate, arguments, code);
    }

    public static Violation of(Field<?> field, String template, Object... arguments) {
        return of(FieldPath.of(field), template, arguments);
    }

    public static Violation general(String template, Object... arguments) {
        return of((FieldPath) null, template, arguments);
    }

    public String render(Function<FieldPath, String> naming) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String placeholder = matcher.group(1);
            Object value = placeholder.equals("field") ? path : arguments.get(Integer.parseInt(placeholder));
            matcher.appendReplacement(out, Matcher.quoteReplacement(renderArgument(value, naming)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String renderArgument(Object value, Function<FieldPath, String> naming) {
        if (value instanceof FieldPath path) {
            return naming.apply(path);
        }
        if (value instanceof Field<?> field) {
            return naming.apply(FieldPath.of(field));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> renderArgument(item, naming)).collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
