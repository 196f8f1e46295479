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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

    private static void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
