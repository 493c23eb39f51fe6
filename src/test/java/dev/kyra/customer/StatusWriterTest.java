package dev.kyra.customer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.kyra.customer.internal.CustomerRepository;
import dev.kyra.customer.internal.DocumentRepository;
import dev.kyra.customer.internal.OwnerRepository;
import dev.kyra.customer.internal.TierRequestRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per status (issue "core events", item 1): the SQL that sets a status column of a
 * customer, owner, document or tier is in the repositories' {@code updateStatus} methods only, and
 * only {@link Transitions} — which asks the lifecycle table and records the event — calls them.
 */
class StatusWriterTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Set<String> CUSTOMER_TABLES =
            Set.of("customers", "customer_owners", "customer_documents", "customer_verifications");
    /** An assignment in a SET clause of a status column: {@code status = :status}, {@code kyb_scope = excluded.kyb_scope}. */
    private static final Pattern STATUS_ASSIGNMENT =
            Pattern.compile("(?is)\\bset\\b(.*?)(\\bwhere\\b|$)");
    private static final Pattern STATUS_COLUMN = Pattern.compile("(?i)\\b(verification_status|status|kyb_scope)\\s*=");
    private static final Pattern METHOD = Pattern.compile("^    (?:[\\w<>\\[\\], ]+ )?(\\w+)\\([^;]*$");
    private static final Pattern TEXT_BLOCK = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"");

    @Test
    void onlyTheUpdateStatusMethodsHoldSqlThatSetsAStatus() throws IOException {
        Set<String> writers = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                writers.addAll(statusWritersIn(file));
            }
        }

        assertThat(writers).containsExactly("CustomerRepository.updateStatus", "DocumentRepository.updateStatus",
                "OwnerRepository.updateStatus", "TierRequestRepository.updateStatus");
    }

    @Test
    void onlyTransitionsCallsTheStatusWriters() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kyra");
        DescribedPredicate<JavaMethodCall> statusWrite = DescribedPredicate.describe("a repository's updateStatus",
                call -> call.getTarget().getName().equals("updateStatus")
                        && call.getTargetOwner().getSimpleName().endsWith("Repository"));

        noClasses().that().doNotHaveSimpleName(Transitions.class.getSimpleName())
                .should().callMethodWhere(statusWrite).check(classes);
    }

    /** {@code Class.method} for each text block of the file that sets a status column of a customer table. */
    private static Set<String> statusWritersIn(Path file) throws IOException {
        String source = Files.readString(file);
        String className = file.getFileName().toString().replace(".java", "");
        Set<String> writers = new TreeSet<>();
        Matcher block = TEXT_BLOCK.matcher(source);
        while (block.find()) {
            String sql = block.group(1);
            boolean customerTable = CUSTOMER_TABLES.stream()
                    .anyMatch(table -> Pattern.compile("(?i)\\b" + table + "\\b").matcher(sql).find());
            if (customerTable && setsAStatus(sql)) {
                writers.add(className + "." + enclosingMethod(source, block.start()));
            }
        }
        return writers;
    }

    private static boolean setsAStatus(String sql) {
        Matcher set = STATUS_ASSIGNMENT.matcher(sql);
        while (set.find()) {
            if (STATUS_COLUMN.matcher(set.group(1)).find()) {
                return true;
            }
        }
        return false;
    }

    private static String enclosingMethod(String source, int offset) {
        String[] lines = source.substring(0, offset).split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            Matcher method = METHOD.matcher(lines[i]);
            if (method.find()) {
                return method.group(1);
            }
        }
        return "?";
    }
}
