package dev.kyra;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.postgresql.util.PSQLException;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Says why Kyra could not start in one line, naming what failed and where — the database it could
 * not reach, the setting it could not read, the port in use — instead of Spring's chain of bean
 * creation errors fifty to a hundred frames deep. The whole trace follows at debug level
 * ({@code --logging.level.dev.kyra.StartupFailureReporter=DEBUG}). Spring Boot then exits with 1.
 *
 * <p>Registered in {@code META-INF/spring.factories}, ahead of Boot's own failure analysers, whose
 * reports run over several lines; the loggers that would repeat the failure on its way here are
 * quietened in {@code application.yml}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupFailureReporter implements SpringBootExceptionReporter {

    private static final Log log = LogFactory.getLog(StartupFailureReporter.class);

    private final Environment environment;

    StartupFailureReporter(ConfigurableApplicationContext context) {
        this.environment = context.getEnvironment();
    }

    @Override
    public boolean reportException(Throwable failure) {
        log.error("Kyra could not start: " + oneLine(explain(failure)));
        log.debug("the failure in full", failure);
        return true;
    }

    String explain(Throwable failure) {
        List<Throwable> chain = causes(failure);
        return find(chain, PortInUseException.class)
                .map(e -> "port " + e.getPort() + " is in use by another program (SERVER_PORT chooses another)")
                .or(() -> find(chain, BindValidationException.class).map(this::invalidSettings))
                .or(() -> find(chain, BindException.class).map(this::unreadableSetting))
                .or(() -> find(chain, PSQLException.class).flatMap(this::databaseRefusal))
                .or(() -> find(chain, UnknownHostException.class)
                        .map(e -> "the database host " + e.getMessage() + " is unknown (" + databaseUrl() + ")"))
                .or(() -> find(chain, ConnectException.class)
                        .map(e -> "cannot reach the database at " + databaseUrl() + ": " + e.getMessage()))
                .orElseGet(() -> mostSpecific(chain));
    }

    private Optional<String> databaseRefusal(PSQLException e) {
        String state = Optional.ofNullable(e.getSQLState()).orElse("");
        if (state.equals("28P01") || state.equals("28000")) { // invalid password, invalid authorization
            return Optional.of("the database at " + databaseUrl() + " refused the user or password"
                    + " (KYRA_DATABASE_USERNAME, KYRA_DATABASE_PASSWORD): " + e.getMessage());
        }
        if (state.equals("3D000")) {
            return Optional.of("the database named in " + databaseUrl() + " does not exist: " + e.getMessage());
        }
        if (state.startsWith("08")) { // connection exceptions
            return Optional.of("cannot reach the database at " + databaseUrl() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private String invalidSettings(BindValidationException e) {
        String prefix = e.getValidationErrors().getName().toString();
        return e.getValidationErrors().getAllErrors().stream()
                .map(error -> invalidSetting(prefix, error))
                .collect(Collectors.joining("; "));
    }

    private static String invalidSetting(String prefix, ObjectError error) {
        if (error instanceof FieldError field) {
            String name = prefix + "." + kebab(field.getField());
            return "the setting " + name + " (" + environmentVariable(name) + ") " + error.getDefaultMessage()
                    + ", not " + field.getRejectedValue();
        }
        return "the settings " + prefix + " " + error.getDefaultMessage();
    }

    private String unreadableSetting(BindException e) {
        ConfigurationProperty property = e.getProperty();
        String name = property != null ? property.getName().toString() : e.getName().toString();
        String value = property != null ? " '" + property.getValue() + "'" : "";
        String origin = property != null && property.getOrigin() != null ? ", from " + property.getOrigin() : "";
        return "the setting " + name + " (" + environmentVariable(name) + ")" + value + " cannot be read"
                + origin + ": " + mostSpecific(causes(e));
    }

    private String databaseUrl() {
        String url = environment.getProperty("kyra.database.url", "");
        // without its parameters, which may carry a password
        return url.isBlank() ? "the embedded database" : url.replaceFirst("\\?.*", "") + " (KYRA_DATABASE_URL)";
    }

    /** The innermost cause with a message: the one nearest to what went wrong. */
    private static String mostSpecific(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable cause = chain.get(i);
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getMessage() + " (" + cause.getClass().getSimpleName() + ")";
            }
        }
        return chain.getLast().getClass().getName();
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> chain, Class<T> type) {
        return chain.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private static String environmentVariable(String setting) {
        return setting.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String kebab(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
