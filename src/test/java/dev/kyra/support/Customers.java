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

    private Customers() {
    }

    /** A business with its own registration number, so tests in one tenant never collide. */
    public static String business(String registrationNumber) {
        return Json.with(BUSINESS, "registration_number", registrationNumber);
    }
}
