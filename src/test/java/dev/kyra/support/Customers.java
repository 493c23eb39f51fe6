package dev.kyra.support;

/** Request bodies from the Blaaiz spec's examples, for tests to start from and vary. */
public final class Customers {

    /** Spec §4.1's individual. */
    public static final String INDIVIDUAL = """
            {"type": "individual", "email": "john.doe@company.com", "country": "NG",
             "first_name": "John", "last_name": "Doe", "id_type": "passport", "id_number": "6733823632872"}""";

    /** The business of spec §4.3's GET example, sent as a create request. */
    public static final String BUSINESS = """
            {"type": "business", "business_name": "Acme Corp", "trading_name": "Acme", "business_type": "llc",
             "registration_number": "RC123456", "incorporation_country": "NG", "incorporation_date": "2019-03-12",
             "industry_type": "Software & SaaS", "business_description": "Payments software",
             "website": "https://acme.example.com", "source_of_funds": "business_revenue",
             "estimated_annual_revenue": "1000000_4999999", "expected_monthly_payments": 250,
             "account_purpose": "send_receive_funds_related_parties", "email": "contact@acme.example.com",
             "phone": "+2348012345678", "country": "NG", "tin": "12345678-0001",
             "street": "456 Business Ave", "city": "Lagos", "state": "Lagos", "zip_code": "100001",
             "operating_street": "789 Operations Blvd", "operating_city": "Lagos", "operating_state": "Lagos",
             "operating_zip_code": "100002", "operating_country": "NG",
             "owners": [{"first_name": "Jane", "last_name": "Doe", "ownership_percentage": 60,
                         "is_beneficial_owner": true, "is_signer": true, "has_control": true,
                         "id_document_type": "passport"}]}""";

    /** The individual of the Allawee seed's sample response, sent as a create request. */
    public static final String ALLAWEE_INDIVIDUAL = """
            {"name": "Ciroma C Adekunle", "reference": "ref-ciroma", "type": "individual",
             "claims": {
               "individualInformation": {"firstName": "Ciroma", "lastName": "Adekunle", "middleName": "Chukwuma",
                 "email": "ciroma@gmail.com", "phoneNumber": "+2349154109234", "title": "Mr", "gender": "M",
                 "dateOfBirth": "1997-2-13", "nationalityCode": "NG"},
               "individualAddress": {"city": "Yaba", "state": "NG-LA", "countryCode": "NG",
                 "addressLineOne": "100 herbert macaulay road", "addressLineTwo": "", "postalCode": "101245"},
               "individualIdentity": {"type": "bvn", "id": "22489035167", "issuingCountry": "NG"}},
             "verifications": ["tier-1"],
             "metadata": {"userId": 2345}}""";

    /** A business on the Allawee face, with every business claims group. */
    public static final String ALLAWEE_BUSINESS = """
            {"name": "Good Mill Ltd", "reference": "ref-goodmill", "type": "business",
             "claims": {
               "businessInformation": {"registrationName": "Good Mill Ltd", "phoneNumber": "+2348123456789",
                 "email": "goodmill@gmail.com"},
               "businessIdentity": {"type": "cac", "id": "RC-998877", "url": "https://example.com/document.png",
                 "issuingCountry": "NG"},
               "businessDirectors": ["Ada Obi", "cus.2tXNjMhytgx7hCxu9"],
               "businessAddress": {"city": "Yaba", "state": "Lagos", "countryCode": "NG",
                 "addressLineOne": "No 10, Adekunle Close", "addressLineTwo": "Off Ciroma Rd"}},
             "metadata": {}}""";

    /** Spec §4.3's business with two owners whose shares total 100 and ID documents of both kinds: ready to submit once its files are in. */
    public static final String COMPLETE_BUSINESS = Json.with(BUSINESS, "owners", java.util.List.of(
            java.util.Map.of("first_name", "Jane", "last_name", "Doe", "ownership_percentage", 60,
                    "email", "jane@acme.example.com", "id_document_type", "passport"),
            java.util.Map.of("first_name", "John", "last_name", "Roe", "ownership_percentage", 40,
                    "email", "john@acme.example.com", "id_document_type", "drivers_license")));

    private Customers() {
    }

    /** A business with its own registration number, so tests in one tenant never collide. */
    public static String business(String registrationNumber) {
        return Json.with(BUSINESS, "registration_number", registrationNumber);
    }
}
