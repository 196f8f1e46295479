package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A user's path through the site in a real browser: Debian's chromium, driven by Selenium through Debian's
 * chromium-driver. Fails if the graph view does not render.
 */
@QuarkusTest
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    org.policygraph.web.cypher.ConsoleDatabase console;

    @BeforeAll
    static void openBrowser() {
        assertThat(CHROMIUM)
                .as("Debian's chromium (apt-get install chromium chromium-driver)")
                .exists();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1600");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    @Test
    void searchOpenExpandFindAPathAndFilterAnIndex() throws IOException {
        // search, with suggestions as you type
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys("anthro");
        WebElement suggestion = waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector(".suggestions a[data-id='anthropic']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        suggestion.click();

        // open an entity: its page with the graph view drawn
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/organisations/anthropic"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Anthropic");
        WebElement graph = browser.findElement(By.id("graph"));
        waitUpTo(15).until(d -> graph.getAttribute("data-nodes") != null);
        int before = Integer.parseInt(graph.getAttribute("data-nodes"));
        assertThat(before).as("nodes drawn around Anthropic").isGreaterThan(3);
        assertThat(graph.findElements(By.tagName("canvas")))
                .as("Cytoscape drew on a canvas")
                .isNotEmpty();
        Long drawn = (Long) ((JavascriptExecutor) browser)
                .executeScript(
                        "return window.policyGraphView.cy.nodes().filter(n => n.renderedBoundingBox().w > 0).length;");
        assertThat(drawn).isEqualTo(before);
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
        screenshot("entity-page.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));

        // expand a neighbour in place: its own neighbours join the drawing
        new Select(browser.findElement(By.id("graph-expand-select"))).selectByValue("ca-sb-53");
        browser.findElement(By.cssSelector("#graph-expand button[type=submit]")).click();
        waitUpTo(15).until(d -> {
            String expanded = graph.getAttribute("data-expanded");
            return expanded != null
                    && expanded.contains("ca-sb-53")
                    && Integer.parseInt(graph.getAttribute("data-nodes")) > before;
        });
        Path graphShot = Path.of("target", "screenshots", "graph-view.png");
        Files.copy(graph.getScreenshotAs(OutputType.FILE).toPath(), graphShot, StandardCopyOption.REPLACE_EXISTING);

        // find a path
        browser.get(url("/paths"));
        browser.findElement(By.id("path-from")).sendKeys("anthropic");
        browser.findElement(By.id("path-to")).sendKeys("ca-sb-53");
        browser.findElement(By.cssSelector(".path-form button[type=submit]")).click();
        WebElement hop = waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector(".hop")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(hop.getText()).contains("Anthropic endorsed").contains("Anthropic is endorsing SB 53");

        // filter an index by a facet
        browser.get(url("/models"));
        String all = browser.findElement(By.id("result-count")).getText();
        browser.findElement(By.cssSelector("[data-facet='developer'] a[data-value='openai']"))
                .click();
        waitUpTo(10).until(d -> d.getCurrentUrl().contains("developer=openai"));
        String filtered = browser.findElement(By.id("result-count")).getText();
        assertThat(filtered).isNotEqualTo(all).contains(" of ");
        assertThat(browser.findElements(By.cssSelector(".entity-list li"))).isNotEmpty();
    }

    @Test
    void walkAComparisonFromPickerToDownload() throws Exception {
        browser.get(url("/compare/organisations?ids=openai,anthropic"));
        WebElement add = browser.findElement(By.id("compare-add"));
        add.sendKeys("superintell");
        WebElement suggestion = waitUpTo(10)
                .until(d -> d.findElements(By.cssSelector(".suggestions a[data-id='safe-superintelligence']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        suggestion.click();
        WebElement ids = browser.findElement(By.id("compare-ids"));
        assertThat(ids.getAttribute("value")).isEqualTo("openai,anthropic,safe-superintelligence");
        browser.findElement(By.cssSelector(".picker button[type=submit]")).click();
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("table.comparison th[data-id='safe-superintelligence']"))
                        .isEmpty());
        assertThat(browser.getCurrentUrl()).contains("safe-superintelligence");
        String positions = browser.findElement(By.cssSelector("tr[data-row='positions'] td[data-column='anthropic']"))
                .getText();
        assertThat(positions).contains("Endorsed");

        String csvUrl = browser.findElement(By.id("download-csv")).getAttribute("href");
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(csvUrl))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var parser = org.apache.commons.csv.CSVParser.parse(
                response.body(),
                org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().get())) {
            var records = parser.getRecords();
            assertThat(records)
                    .extracting(r -> r.get("column_id"))
                    .contains("openai", "anthropic", "safe-superintelligence");
            assertThat(records).anySatisfy(r -> {
                assertThat(r.get("column_id")).isEqualTo("anthropic");
                assertThat(r.get("row")).isEqualTo("positions");
                assertThat(r.get("sources")).contains("Anthropic is endorsing SB 53");
            });
        }
    }

    @Test
    void typeAQueryInTheCypherEditorWithCompletionRunItAndSeeAnErrorMarked() throws IOException {
        assertThat(console.awaitReady(Duration.ofMinutes(4)))
                .as("the console's Neo4j is up")
                .isTrue();
        browser.get(url("/cypher"));
        browser.manage().logs().get(LogType.BROWSER); // what earlier pages logged
        WebElement editor = waitUpTo(15)
                .until(d -> d.findElements(By.cssSelector("#query-editor[data-ready='true']")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(browser.findElement(By.id("query")).isDisplayed())
                .as("the textarea gave way to the editor")
                .isFalse();
        WebElement content = editor.findElement(By.cssSelector(".cm-content"));
        content.click();
        content.sendKeys("MATCH (r:Regu");
        // Ctrl+Space asks for completions (the editor also opens them by itself when a person types ':', '.', '$'
        // or a bracket; that waits for the key's release, which automation sends before the text has changed)
        content.sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        // the graph's labels are offered: pick Regulation from the list
        WebElement option = waitUpTo(10)
                .withMessage(() -> "completions offered: "
                        + browser.findElements(By.cssSelector(".cm-tooltip-autocomplete li")).stream()
                                .map(WebElement::getText)
                                .toList())
                .until(d -> d.findElements(By.cssSelector(".cm-tooltip-autocomplete li")).stream()
                        .filter(li -> li.getText().equals(":Regulation"))
                        .findFirst()
                        .orElse(null));
        option.click();
        waitUpTo(5)
                .until(d -> d.findElements(By.cssSelector(".cm-tooltip-autocomplete"))
                                .isEmpty()
                        || !d.findElement(By.cssSelector(".cm-tooltip-autocomplete"))
                                .isDisplayed());
        String text = (String)
                ((JavascriptExecutor) browser).executeScript("return window.PolicyGraphCypherEditor.getValue();");
        assertThat(text).as("the editor's text after the completion").startsWith("MATCH (r:Regulation");
        // the rest of the query, typed: the editor closed the brackets and quotes it opened, and steps over them
        editor.findElement(By.cssSelector(".cm-content")).sendKeys(" {id: 'eu-ai-act'}) RETURN r.name AS name");
        assertThat((String) ((JavascriptExecutor) browser)
                        .executeScript("return window.PolicyGraphCypherEditor.getValue();"))
                .isEqualTo("MATCH (r:Regulation {id: 'eu-ai-act'}) RETURN r.name AS name");
        assertThat(browser.findElement(By.id("query")).getAttribute("value"))
                .as("the textarea follows the editor")
                .isEqualTo("MATCH (r:Regulation {id: 'eu-ai-act'}) RETURN r.name AS name");
        assertThat(editor.findElements(By.cssSelector(".cm-keyword")))
                .as("keywords highlighted")
                .isNotEmpty();
        editor.findElement(By.cssSelector(".cm-content")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        WebElement summary = waitUpTo(20)
                .until(d -> d.findElements(By.cssSelector(".result-summary")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(summary.getAttribute("data-rows")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector(".result-table")).getText())
                .contains("EU Artificial Intelligence Act");
        waitUpTo(15)
                .until(d -> !d.findElements(By.cssSelector("#query-editor[data-ready='true']"))
                        .isEmpty());
        assertThat((String) ((JavascriptExecutor) browser)
                        .executeScript("return window.PolicyGraphCypherEditor.getValue();"))
                .as("the editor holds the query that ran")
                .contains("eu-ai-act");

        // a syntax error: the server's line and column are marked in the editor
        ((JavascriptExecutor) browser)
                .executeScript("window.PolicyGraphCypherEditor.setValue('MATCH (n)\\nRETURN n LIMT 3');");
        browser.findElement(By.cssSelector("#console-form button[type=submit]")).click();
        WebElement marked = waitUpTo(20)
                .until(d -> d.findElements(By.cssSelector("#query-editor[data-error-marked]")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(marked.getAttribute("data-error-marked")).startsWith("2:");
        assertThat(browser.findElement(By.cssSelector(".console-error")).getText())
                .isNotBlank();
        waitUpTo(10)
                .until(d -> !d.findElements(By.cssSelector("#query-editor .cm-lintRange-error"))
                        .isEmpty());

        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
        assertThat(violations).as("the editor runs under the site's CSP").isEmpty();
        screenshot("cypher-editor.png");
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
