package dev.kyra.face.allawee;

import static dev.kyra.profile.CustomerFields.BUSINESS_DOCUMENT_URL;
import static dev.kyra.profile.CustomerFields.BUSINESS_IDENTITY_TYPE;
import static dev.kyra.profile.CustomerFields.BUSINESS_NAME;
import static dev.kyra.profile.CustomerFields.CITY;
import static dev.kyra.profile.CustomerFields.COUNTRY;
import static dev.kyra.profile.CustomerFields.DATE_OF_BIRTH;
import static dev.kyra.profile.CustomerFields.DIRECTORS;
import static dev.kyra.profile.CustomerFields.EMAIL;
import static dev.kyra.profile.CustomerFields.FIRST_NAME;
import static dev.kyra.profile.CustomerFields.GENDER;
import static dev.kyra.profile.CustomerFields.ID_DOCUMENT_URL;
import static dev.kyra.profile.CustomerFields.ID_ISSUING_COUNTRY;
import static dev.kyra.profile.CustomerFields.ID_NUMBER;
import static dev.kyra.profile.CustomerFields.ID_TYPE;
import static dev.kyra.profile.CustomerFields.INCORPORATION_COUNTRY;
import static dev.kyra.profile.CustomerFields.LAST_NAME;
import static dev.kyra.profile.CustomerFields.MIDDLE_NAME;
import static dev.kyra.profile.CustomerFields.NAME;
import static dev.kyra.profile.CustomerFields.NATIONALITY;
import static dev.kyra.profile.CustomerFields.PHONE;
import static dev.kyra.profile.CustomerFields.POSTAL_CODE;
import static dev.kyra.profile.CustomerFields.REGISTRATION_NUMBER;
import static dev.kyra.profile.CustomerFields.STATE;
import static dev.kyra.profile.CustomerFields.STREET;
import static dev.kyra.profile.CustomerFields.STREET_LINE_2;
import static dev.kyra.profile.CustomerFields.TITLE;

import dev.kyra.profile.Attribute;
import dev.kyra.profile.CustomerType;
import dev.kyra.profile.Field;
import dev.kyra.profile.FieldPath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Allawee names of core fields: the {@code claims} groups of each customer type (allawee.md
 * §3.5), in the order of the spec's samples. Reading, writing, filtering and error messages all use
 * this table; {@code docs/face-mapping.md} shows it beside the Blaaiz names.
 */
final class AllaweeFields {

    record Name(String json, Field<?> field) {
    }

    /** A claims group: an object of named fields, or (for directors) one list field. */
    record Group(String json, CustomerType type, List<Name> fields) {

        boolean isList() {
            return fields.size() == 1 && fields.get(0).json().isEmpty();
        }

        Optional<Name> field(String json) {
            return fields.stream().filter(name -> name.json().equals(json)).findFirst();
        }
    }

    static final Group INDIVIDUAL_INFORMATION = new Group("individualInformation", CustomerType.INDIVIDUAL, List.of(
            name("firstName", FIRST_NAME), name("lastName", LAST_NAME), name("middleName", MIDDLE_NAME),
            name("email", EMAIL), name("phoneNumber", PHONE), name("title", TITLE), name("gender", GENDER),
            name("dateOfBirth", DATE_OF_BIRTH), name("nationalityCode", NATIONALITY)));
    static final Group INDIVIDUAL_ADDRESS = address("individualAddress", CustomerType.INDIVIDUAL);
    static final Group INDIVIDUAL_IDENTITY = new Group("individualIdentity", CustomerType.INDIVIDUAL, List.of(
            name("type", ID_TYPE), name("id", ID_NUMBER), name("url", ID_DOCUMENT_URL),
            name("issuingCountry", ID_ISSUING_COUNTRY)));
    static final Group BUSINESS_INFORMATION = new Group("businessInformation", CustomerType.BUSINESS, List.of(
            name("registrationName", BUSINESS_NAME), name("phoneNumber", PHONE), name("email", EMAIL)));
    static final Group BUSINESS_IDENTITY = new Group("businessIdentity", CustomerType.BUSINESS, List.of(
            name("type", BUSINESS_IDENTITY_TYPE), name("id", REGISTRATION_NUMBER), name("url", BUSINESS_DOCUMENT_URL),
            name("issuingCountry", INCORPORATION_COUNTRY)));
    static final Group BUSINESS_DIRECTORS = new Group("businessDirectors", CustomerType.BUSINESS, List.of(name("", DIRECTORS)));
    static final Group BUSINESS_ADDRESS = address("businessAddress", CustomerType.BUSINESS);

    static final List<Group> GROUPS = List.of(INDIVIDUAL_INFORMATION, INDIVIDUAL_ADDRESS, INDIVIDUAL_IDENTITY,
            BUSINESS_INFORMATION, BUSINESS_IDENTITY, BUSINESS_DIRECTORS, BUSINESS_ADDRESS);

    /** Identity types of individuals on this face (decision A10); the core knows more. */
    static final Set<String> INDIVIDUAL_IDENTITY_TYPES = Set.of("bvn", "nin", "passport", "drivers_license", "voters_card");

    private AllaweeFields() {
    }

    static List<Group> groupsOf(CustomerType type) {
        return GROUPS.stream().filter(group -> group.type() == type).toList();
    }

    static Optional<Group> group(String json) {
        return GROUPS.stream().filter(group -> group.json().equals(json)).findFirst();
    }

    /** The path of a field as this face shows it for a customer of the type (or either, if unknown). */
    static String path(Field<?> field, CustomerType type) {
        if (field == NAME) {
            return "name";
        }
        return GROUPS.stream()
                .filter(group -> type == null || group.type() == type)
                .flatMap(group -> group.fields().stream()
                        .filter(name -> name.field() == field)
                        .map(name -> "claims." + group.json() + (name.json().isEmpty() ? "" : "." + name.json())))
                .findFirst()
                .orElse(field.key());
    }

    /** A problem's location in this face's names: {@code claims.individualAddress.state}. */
    static String name(FieldPath path, CustomerType type) {
        if (path == null) {
            return "request";
        }
        return path.segments().stream().map(segment -> switch (segment) {
            case Field<?> field -> path(field, type);
            case Attribute attribute -> switch (attribute) {
                case TYPE -> "type";
                case REFERENCE -> "reference";
                case METADATA -> "metadata";
                case TIERS -> "verifications";
                case VERIFICATION_STATUS -> "status";
                case KYB_SCOPE -> "kyb_scope";
                case OWNERS -> "owners";
                case OWNER_ID -> "id";
            };
            default -> String.valueOf(segment);
        }).collect(Collectors.joining("."));
    }

    private static Group address(String json, CustomerType type) {
        return new Group(json, type, List.of(name("city", CITY), name("state", STATE), name("countryCode", COUNTRY),
                name("addressLineOne", STREET), name("addressLineTwo", STREET_LINE_2), name("postalCode", POSTAL_CODE)));
    }

    private static Name name(String json, Field<?> field) {
        return new Name(json, field);
    }
}
