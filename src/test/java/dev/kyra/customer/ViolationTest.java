package dev.kyra.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kyra.profile.CustomerFields;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import dev.kyra.profile.InvalidInputException;
import dev.kyra.profile.OwnerFields;
import dev.kyra.profile.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ViolationTest {

    private static String name(FieldPath path) {
        return path.segments().stream().map(s -> s instanceof Field<?> f ? "<" + f.key() + ">" : String.valueOf(s).toLowerCase())
                .collect(Collectors.joining("."));
    }

    @Test
    void rendersItsOwnPathAndArgumentsWithTheFacesNames() {
        Violation violation = Violation.of(CustomerFields.COUNTRY, "{field} must equal {0}", FieldPath.of(CustomerFields.INCORPORATION_COUNTRY));

        assertThat(violation.render(ViolationTest::name)).isEqualTo("<country> must equal <incorporation_country>");
    }

    @Test
    void rendersListsOfPathsAndPlainArguments() {
        Violation violation = Violation.general("fields: {0}; owner {1}",
                List.of(FieldPath.of(CustomerFields.EMAIL), FieldPath.of(CustomerFields.PHONE)), "Jane $1 Doe");

        assertThat(violation.render(ViolationTest::name)).isEqualTo("fields: <email>, <phone>; owner Jane $1 Doe");
    }

    @Test
    void ownerPathsNameTheListIndex() {
        assertThat(name(FieldPath.owner(2, OwnerFields.EMAIL))).isEqualTo("owners.2.<email>");
    }

    @Test
    void theExceptionMessageHoldsTemplatesNotValues() {
        InvalidInputException e = new InvalidInputException(Violation.general("owner {0} is missing", "Jane Doe"));

        assertThat(e.getMessage()).doesNotContain("Jane Doe").contains("owner {0} is missing");
    }
}
