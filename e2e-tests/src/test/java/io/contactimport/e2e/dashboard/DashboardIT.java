package io.contactimport.e2e.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.contactimport.e2e.support.RunningSystem;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in real headless Chromium against the running system, as a user would use it: sign in, pick a
 * file, review the suggested mapping and change one column by hand, start, and watch the import complete.
 * Screenshots are kept in target/screenshots.
 */
class DashboardIT {

    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static RunningSystem system;

    @TempDir
    Path files;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startSystem() throws Exception {
        system = RunningSystem.shared();
        Files.createDirectories(SCREENSHOTS);
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,2000", "--user-data-dir=" + files.resolve("profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadReviewChangeOneColumnConfirmAndWatchItComplete() throws Exception {
        String key = system.newTeamKey();
        given().baseUri(system.api()).header("Authorization", "Bearer " + key).contentType("application/json")
                .body("{\"name\":\"Newsletter\"}").post("/segments").then().statusCode(201);
        Path csv = files.resolve("customers.csv");
        Files.writeString(csv, """
                Email Address,Given name,Surname,Plan,Notes
                ada@example.com,Ada,Lovelace,pro,<b>likes bold</b>
                grace@example.com,Grace,Hopper,free,
                alan@example.com,Alan,Turing,pro,Met at a conference
                not-an-email,Bad,Row,free,
                edsger@example.com,Edsger,Dijkstra,team,<img src=x onerror=alert(1)>
                """);

        browser.get(system.api() + "/");
        browser.findElement(By.id("api-key")).sendKeys("re_wrong_key");
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(error.getText()).isEqualTo("API key is invalid");

        browser.findElement(By.id("api-key")).clear();
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-import")));

        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        screenshot("1-review");
        assertThat(choice("Email Address")).isEqualTo("Email");
        assertThat(choice("Given name")).isEqualTo("First name");
        assertThat(choice("Surname")).isEqualTo("Last name");
        assertThat(choice("Plan")).isEqualTo("New property");
        // Values from the file are text, never markup.
        assertThat(browser.findElement(By.id("preview")).getText()).contains("<b>likes bold</b>");
        assertThat(browser.findElements(By.cssSelector("#preview b, #preview img, #mapping b, #mapping img"))).isEmpty();

        // One change by hand: the notes are not imported.
        new Select(browser.findElement(By.cssSelector("select[aria-label='Import column Notes as']")))
                .selectByVisibleText("Don't import");
        assertThat(browser.findElements(By.cssSelector("#mapping .badge")).stream().filter(WebElement::isDisplayed)
                .count()).as("only the new property is marked as one").isEqualTo(1);
        browser.findElement(By.cssSelector("#segments input[type=checkbox]")).click();
        browser.findElement(By.id("start")).click();

        wait.until(ExpectedConditions.textToBe(By.id("current-status"), "completed"));
        screenshot("2-completed");
        assertThat(List.of("total", "created", "updated", "skipped", "failed").stream()
                .map(name -> browser.findElement(By.id("count-" + name)).getText()).toList())
                .containsExactly("5", "4", "0", "0", "1");
        assertThat(browser.findElement(By.id("current-errors")).isDisplayed()).isTrue();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("imports"), "customers.csv"));
        screenshot("3-history");

        given().baseUri(system.api()).header("Authorization", "Bearer " + key).get("/contacts/ada@example.com")
                .then().statusCode(200).body("first_name", equalTo("Ada"))
                .body("properties.plan.value", equalTo("pro")).body("properties.notes", equalTo(null));
        given().baseUri(system.api()).header("Authorization", "Bearer " + key).get("/contacts/ada@example.com/segments")
                .then().statusCode(200).body("data.name", contains("Newsletter"));

        // The review's decisions are remembered for the same headers: Notes stays out, Plan fills its property now.
        Path again = files.resolve("customers-again.csv");
        Files.writeString(again, "Email Address,Plan,Notes\nzoe@example.com,free,Call back\n");
        browser.findElement(By.id("file")).sendKeys(again.toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("detected"), "3 columns"));
        assertThat(choice("Notes")).isEqualTo("Don't import");
        assertThat(reason("Notes")).startsWith("your team chose this for the same header before");
        assertThat(choice("Plan")).isEqualTo("Property plan (string)");
    }

    private String reason(String column) {
        return browser.findElement(By.xpath("//tr[th='" + column + "']/td[last()]")).getText();
    }

    @Test
    void aSixtyColumnCrmExportImportsWithTheSuggestedMappingAsItIs() throws Exception {
        List<String> header = List.of("Record ID", "First Name", "Last Name", "Email", "Phone Number",
                "Mobile Phone Number", "Company Name", "Job Title", "Website URL", "Street Address", "City",
                "State/Region", "Postal Code", "Country/Region", "Lifecycle Stage", "Lead Status", "Contact owner",
                "Create Date", "Last Activity Date", "Number of Sessions", "Original Source",
                "Marketing contact status", "Industry", "Annual Revenue", "Number of Employees", "Time Zone",
                "Preferred language", "LinkedIn URL", "Twitter Username", "Became a Lead Date",
                "Became a Customer Date", "Recent Deal Amount", "Total Revenue", "Date of birth", "Gender", "Degree",
                "School", "Field of study", "Graduation date", "Seniority", "Job function", "Buying Role", "Persona",
                "Email Domain", "Number of Pageviews", "First Page Seen", "Last Page Seen", "First Referring Site",
                "Last Referring Site", "IP Country", "IP City", "Message", "Notes", "Tags", "Favorite Color",
                "Newsletter Frequency", "Customer Tier", "Loyalty Points", "Referral Code", "Account Manager Email");
        assertThat(header).hasSize(60);
        StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
        for (int r = 1; r <= 20; r++) {
            // Values vary from row to row as a real export's do: a column with one value in every row is left out.
            boolean even = r % 2 == 0;
            csv.append(String.join(",", List.of(Integer.toString(9000 + r), "First" + r, "Last" + r,
                    "crm" + r + "@example.com", "+1 555 010" + (r % 10), "+1 555 020" + (r % 10), "Acme " + r,
                    even ? "Engineer" : "Designer", "https://acme" + r + ".example.com", r + " Main St",
                    even ? "Springfield" : "Chicago", even ? "IL" : "WI", "6270" + r % 10,
                    even ? "United States" : "Canada", even ? "lead" : "customer", even ? "New" : "Open",
                    even ? "owner@example.com" : "rep@example.com", "2024-01-0" + (1 + r % 9),
                    "2024-02-0" + (1 + r % 9), Integer.toString(r * 3), even ? "Organic Search" : "Referrals",
                    even ? "Marketing contact" : "Non-marketing contact", even ? "Software" : "Retail",
                    Integer.toString(r * 1000), Integer.toString(r * 10), even ? "America/Chicago" : "America/Toronto",
                    even ? "en" : "fr", "https://www.linkedin.com/in/person" + r, "@person" + r,
                    "2024-01-0" + (1 + r % 9), "2024-03-0" + (1 + r % 9), even ? "1200.50" : "980.00",
                    Integer.toString(5000 + r), "1990-05-" + (10 + r), even ? "F" : "M", even ? "BSc" : "MSc",
                    even ? "State University" : "City College", even ? "Physics" : "History",
                    "2012-06-0" + (1 + r % 9), even ? "Senior" : "Junior", even ? "Engineering" : "Design",
                    even ? "Decision maker" : "Influencer", "Persona " + (r % 3), "acme" + r + ".example.com",
                    Integer.toString(r * 7), "https://acme.example.com/" + r, "https://acme.example.com/pricing/" + r,
                    even ? "google.com" : "duckduckgo.com", even ? "bing.com" : "news.example.com",
                    even ? "US" : "CA", even ? "Chicago" : "Toronto", "Hello " + r, "Note " + r,
                    even ? "vip;beta" : "beta", even ? "Blue" : "Green", even ? "Weekly" : "Monthly",
                    even ? "Gold" : "Silver", Integer.toString(r * 11), "REF" + r,
                    even ? "manager@example.com" : "lead@example.com"))).append('\n');
        }
        Path file = files.resolve("crm-export.csv");
        Files.writeString(file, csv);
        String key = system.newTeamKey();

        signIn(key);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
        assertThat(browser.findElements(By.cssSelector("#mapping select[data-column]"))).hasSize(60);
        assertThat(choice("Email")).isEqualTo("Email");
        screenshot("4-wide-review");
        browser.findElement(By.id("start")).click();

        wait.until(ExpectedConditions.textToBe(By.id("current-status"), "completed"));
        assertThat(List.of("total", "created", "updated", "skipped", "failed").stream()
                .map(name -> browser.findElement(By.id("count-" + name)).getText()).toList())
                .containsExactly("20", "20", "0", "0", "0");
        int properties = given().baseUri(system.api()).header("Authorization", "Bearer " + key)
                .get("/contact-properties?limit=100").then().statusCode(200).extract().path("data.size()");
        assertThat(properties).as("the suggested map was wide, far over the old 2 KB field limit").isGreaterThan(25);
    }

    private void signIn(String key) {
        browser.get(system.api() + "/");
        browser.findElement(By.id("api-key")).sendKeys(key);
        browser.findElement(By.cssSelector("#sign-in-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-import")));
    }

    private String choice(String column) {
        return new Select(browser.findElement(By.cssSelector("select[aria-label='Import column " + column + " as']")))
                .getFirstSelectedOption().getText();
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
