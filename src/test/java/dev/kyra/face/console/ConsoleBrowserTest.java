package dev.kyra.face.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.RequestOptions;
import dev.kyra.support.Customers;
import dev.kyra.support.Journeys;
import dev.kyra.support.Json;
import dev.kyra.support.KyraIntegrationTest;
import dev.kyra.support.Response;
import dev.kyra.support.Tenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The reviewers' console end to end in Debian's headless Chromium, driven by Playwright (no browser
 * is downloaded): signing in, the queue, a case with its documents, decisions with reasons, the
 * platform fixing and resubmitting through the API, approval, and the history that names the
 * reviewer; CSRF, claims between two reviewers, and four eyes.
 */
class ConsoleBrowserTest extends KyraIntegrationTest {

    private static final String PASSWORD = "correct horse battery";
    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;
    private Tenant tenant;
    private Journeys journeys;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("kyra.test.chromium", "/usr/bin/chromium")))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        tenant = tenants.create();
        journeys = new Journeys(api, tenant);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void aReviewerRejectsAnOwnerAndTheCustomerThePlatformFixesItAndTheReviewerApproves() throws Exception {
        Map<String, String> alice = reviewer("Alice Reviewer");
        String id = submittedBusiness("RC-CONSOLE-1");
        String jane = journeys.ownerIds(id).get(0);

        page.navigate(api.baseUrl() + "/console/");
        page.getByLabel("Email").fill(alice.get("email"));
        page.getByLabel("Password").fill("not the password at all");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT).textContent()).contains("Wrong email or password");

        signIn(page, alice);
        assertThat(page.url()).endsWith("/console/queue");
        Files.createDirectories(Path.of("target", "screenshots"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "console-queue.png")));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Acme RC-CONSOLE-1")).click();
        page.waitForURL("**/console/cases/" + id);

        assertThat(page.locator("h1").textContent()).isEqualTo("Acme RC-CONSOLE-1");
        assertThat(page.locator(".document iframe").count()).as("the certificate (a PDF) shown in the page").isEqualTo(1);
        assertThat(page.locator(".owner img").count()).as("the owners' ID images shown inline").isPositive();
        String certificate = page.locator(".document iframe").getAttribute("src");
        var shown = page.request().get(certificate);
        assertThat(shown.headers().get("content-disposition")).as("shown in the page, not saved").isEqualTo("inline");
        assertThat(shown.headers().get("content-type")).isEqualTo("application/pdf");
        String download = api.get("/admin/v1/customers/" + id, ADMIN_TOKEN).data().get("documents").get(0).get("file")
                .get("download_url").stringValue();
        assertThat(page.request().get(download).headers().get("content-disposition")).as("a download link saves").isEqualTo("attachment");
        assertAccessible(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "console-case.png")).setFullPage(true));

        Page.GetByRoleOptions rejectJane = new Page.GetByRoleOptions().setName("Reject owner Jane Doe");
        page.getByLabel("Reason for Jane Doe").selectOption("Blurry image");
        page.getByRole(AriaRole.BUTTON, rejectJane).click();
        assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("Owner rejected.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).isDisabled()).isTrue();
        assertThat(page.locator(".why").first().textContent()).contains("an owner is REJECTED");

        page.getByLabel("Comment", new Page.GetByLabelOptions().setExact(true)).fill("Please send a sharper photo of Jane's ID.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reject customer")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("Customer rejected.");
        assertThat(journeys.status(id)).isEqualTo("REJECTED");

        String front = journeys.uploadOwnerFile(id, jane, "id_document_front", Journeys.JPEG);
        api.post("/api/external/customer/" + id + "/owner/" + jane + "/files", tenant.token(), Json.object("id_document_front", front));
        assertThat(journeys.submit(id).status()).isEqualTo(200);
        page.reload();
        assertThat(page.locator(".facts .status").textContent()).isEqualTo("PROCESSING");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first().textContent()).contains("Customer approved.");
        assertThat(journeys.status(id)).isEqualTo("VERIFIED");

        JsonNode history = api.get("/admin/v1/customers/" + id + "/history", ADMIN_TOKEN).data();
        List<JsonNode> byAlice = history.valueStream().filter(event -> event.get("actor").stringValue().equals("reviewer:" + alice.get("id")))
                .toList();
        assertThat(byAlice).extracting(event -> event.get("type").stringValue())
                .contains("owner.status_changed", "customer.status_changed");
        assertThat(byAlice).allSatisfy(event -> assertThat(event.get("reviewer").get("email").stringValue()).isEqualTo(alice.get("email")));
        assertThat(byAlice).anySatisfy(event -> assertThat(event.get("comment").isNull() ? "" : event.get("comment").stringValue())
                .isEqualTo("Please send a sharper photo of Jane's ID."));
        assertThat(page.locator(".history").textContent()).contains("reviewer:" + alice.get("id"));
    }

    @Test
    void aStateChangeWithoutTheCsrfTokenIsRefusedAndNoOtherCredentialOpensTheConsole() throws Exception {
        Map<String, String> alice = reviewer("Alice Csrf");
        String id = submittedBusiness("RC-CONSOLE-2");
        signIn(page, alice);
        page.navigate(api.baseUrl() + "/console/cases/" + id);

        var forged = page.request().post(api.baseUrl() + "/console/cases/" + id + "/approve",
                RequestOptions.create().setForm(com.microsoft.playwright.options.FormData.create().set("comment", "ok")));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(journeys.status(id)).isEqualTo("PROCESSING");

        for (String credential : List.of(tenant.token(), tenant.apiKey(), ADMIN_TOKEN)) {
            Response refused = api.get("/console/queue", credential);
            assertThat(refused.status()).as("a face credential is no console session").isEqualTo(302);
            assertThat(refused.header("Location")).endsWith("/console/");
        }
        Cookie session = context.cookies().stream().filter(cookie -> cookie.name.equals("KYRA_CONSOLE")).findFirst().orElseThrow();
        assertThat(session.httpOnly).isTrue();
        assertThat(session.path).isEqualTo("/console");
        HttpResponse<String> admin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(api.baseUrl() + "/admin/v1/platforms")).header("Cookie", "KYRA_CONSOLE=" + session.value).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).as("a console session opens nothing outside /console").isEqualTo(401);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        page.navigate(api.baseUrl() + "/console/queue");
        assertThat(page.getByLabel("Email").isVisible()).as("signed out: the sign-in form again").isTrue();
    }

    @Test
    void aCaseOpenedByOneReviewerCannotBeDecidedByAnotherUntilReleased() {
        Map<String, String> alice = reviewer("Alice Claims");
        Map<String, String> bob = reviewer("Bob Claims");
        String id = submittedBusiness("RC-CONSOLE-3");
        signIn(page, alice);
        page.navigate(api.baseUrl() + "/console/cases/" + id);

        try (BrowserContext bobs = browser.newContext()) {
            Page other = bobs.newPage();
            signIn(other, bob);
            other.navigate(api.baseUrl() + "/console/cases/" + id);
            assertThat(other.locator(".claim").textContent()).contains("Alice Claims");
            assertThat(other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).isDisabled()).isTrue();
            // a disabled button does not stop a hand-made request: the server refuses it as well
            other.evaluate("document.getElementById('approve-customer').disabled = false");
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).click();
            assertThat(other.getByRole(AriaRole.ALERT).first().textContent()).contains("Alice Claims is reviewing this case");
            assertThat(journeys.status(id)).isEqualTo("PROCESSING");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release the case")).click();
            other.navigate(api.baseUrl() + "/console/cases/" + id);
            other.keyboard().press("a"); // the approve shortcut
            other.waitForSelector(".done");
            assertThat(journeys.status(id)).isEqualTo("VERIFIED");
        }
    }

    @Test
    void underFourEyesApprovingTakesTwoDifferentReviewers() {
        api.patch("/admin/v1/platforms/" + tenant.platformId(), ADMIN_TOKEN, Json.object("four_eyes", true));
        Map<String, String> alice = reviewer("Alice Four");
        Map<String, String> bob = reviewer("Bob Four");
        String id = submittedBusiness("RC-CONSOLE-4");
        signIn(page, alice);
        page.navigate(api.baseUrl() + "/console/cases/" + id);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).click();

        assertThat(journeys.status(id)).as("one approval is not enough").isEqualTo("PROCESSING");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).isDisabled()).isTrue();
        assertThat(page.locator(".why").first().textContent()).contains("four eyes need a second reviewer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release the case")).click();

        try (BrowserContext bobs = browser.newContext()) {
            Page other = bobs.newPage();
            signIn(other, bob);
            other.navigate(api.baseUrl() + "/console/cases/" + id);
            other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve customer")).click();
            other.waitForSelector(".done");
        }
        assertThat(journeys.status(id)).isEqualTo("VERIFIED");
        JsonNode history = api.get("/admin/v1/customers/" + id + "/history", ADMIN_TOKEN).data();
        assertThat(history.valueStream().filter(event -> event.get("type").stringValue().equals("customer.first_approval")))
                .singleElement().satisfies(event -> assertThat(event.get("reviewer").get("email").stringValue()).isEqualTo(alice.get("email")));
    }

    /** Every form control has a label and every button a name, as a screen reader needs. */
    private static void assertAccessible(Page page) {
        Object unlabelled = page.evaluate("""
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                        .filter(field => !(field.labels && field.labels.length) && !field.getAttribute('aria-label')).length""");
        assertThat(((Number) unlabelled).intValue()).as("unlabelled form fields").isZero();
        Object unnamed = page.evaluate("() => [...document.querySelectorAll('button')].filter(b => !b.textContent.trim()).length");
        assertThat(((Number) unnamed).intValue()).as("buttons without a name").isZero();
        Object images = page.evaluate("() => [...document.querySelectorAll('img')].filter(i => !i.alt).length");
        assertThat(((Number) images).intValue()).as("images without alt text").isZero();
    }

    private void signIn(Page on, Map<String, String> reviewer) {
        on.navigate(api.baseUrl() + "/console/");
        on.getByLabel("Email").fill(reviewer.get("email"));
        on.getByLabel("Password").fill(PASSWORD);
        on.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        on.waitForURL("**/console/queue");
    }

    private Map<String, String> reviewer(String name) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID() + "@example.com";
        Response created = api.post("/admin/v1/reviewers", ADMIN_TOKEN, Json.object("email", email, "name", name, "password", PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Map.of("id", created.data().get("id").stringValue(), "email", email);
    }

    private String submittedBusiness(String registration) {
        Response created = api.post("/api/external/customer", tenant.token(), Json.with(Customers.COMPLETE_BUSINESS,
                "registration_number", registration, "business_name", "Acme " + registration));
        String id = created.data().get("id").stringValue();
        journeys.submitBusiness(id);
        return id;
    }
}
