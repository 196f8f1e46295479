package org.policygraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Data that holds script runs nowhere, in a real browser (Debian's chromium): a node whose name, alias and summary
 * are XSS payloads is shown on its page, in search results and in suggestions as text; and the
 * Content-Security-Policy would block an inline script even if one got into a page, while the site's own scripts
 * (suggestions, the Cytoscape graph view) still run without a single policy violation.
 */
@QuarkusTest
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class XssBrowserTest {

    static final String ID = "xss-probe-organisation";
    static final String NAME = "Xssprobe <img src=x onerror=\"window.__xss=1\">";
    static final String ALIAS = "<script>window.__xss=2</script>";
    static final String SUMMARY =
            "Xssprobe summary <svg onload=\"window.__xss=3\"></svg><iframe src=\"javascript:window.__xss=4\"></iframe>";

    static WebDriver browser;

    @TestHTTPResource("/")
    URL base;

    @Inject
    Driver driver;

    @Inject
    org.policygraph.web.cypher.ConsoleDatabase console;

    @BeforeAll
    static void openBrowser() {
        assertThat(BrowserTest.CHROMIUM)
                .as("Debian's chromium (apt-get install chromium chromium-driver)")
                .exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserTest.CHROMIUM.toFile());
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
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(BrowserTest.CHROMEDRIVER.toFile())
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

    /** Once for the class: each probe means two new copies of the graph for the console (with it, then without). */
    @BeforeAll
    void createTheProbe() {
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("""
                    MERGE (o:Organisation:Entity {id: $id})
                    SET o.name = $name, o.aliases = [$alias], o.summary = $summary, o.sources = [], o.locators = [], o.quotes = []
                    WITH o MATCH (a:Organisation {id: 'anthropic'}) MERGE (o)-[:SUBSIDIARY_OF {sources: [], locators: [], quotes: []}]->(a)
                    """, Map.of("id", ID, "name", NAME, "alias", ALIAS, "summary", SUMMARY))
                    .consume());
        }
        // the console runs on its own copy of the graph: make it again, so that it holds the probe
        console.refresh();
        org.assertj.core.api.Assertions.assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                .isTrue();
    }

    @AfterAll
    void removeTheProbe() {
        try (var session = driver.session()) {
            session.executeWrite(tx -> tx.run("MATCH (o {id: $id}) DETACH DELETE o", Map.of("id", ID))
                    .consume());
        }
        // and again without it, now: left to the console's own check of the graph, the new copy would be made while
        // a later test class queries the console
        console.refresh();
        org.assertj.core.api.Assertions.assertThat(console.awaitReady(java.time.Duration.ofMinutes(4)))
                .isTrue();
    }

    private String url(String path) {
        return base.toString().replaceAll("/$", "") + path;
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    private List<String> policyViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .toList();
    }

    private void assertNothingRan(String where) {
        assertThat(js("return typeof window.__xss;"))
                .as(where + ": window.__xss")
                .isEqualTo("undefined");
        assertThat(browser.findElements(
                        By.cssSelector("main img[src='x'], main svg[onload], main iframe, main script:not([src])")))
                .as(where + ": elements from the data")
                .isEmpty();
    }

    @Test
    void anXssPayloadInTheDataIsShownAsTextAndNothingRuns() {
        policyViolations(); // clear the log

        // the node's page: the payload is its heading, as text; the site's own scripts draw the graph
        browser.get(url("/organisations/" + ID));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(NAME);
        assertThat(browser.getPageSource()).contains("&lt;img src=x onerror=").doesNotContain("<img src=x");
        WebElement graph = browser.findElement(By.id("graph"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> graph.getAttribute("data-nodes") != null);
        assertThat(Integer.parseInt(graph.getAttribute("data-nodes")))
                .as("the graph view ran under the policy")
                .isGreaterThanOrEqualTo(2);
        assertNothingRan("entity page");
        assertThat(policyViolations())
                .as("the site's own pages break no rule of the policy")
                .isEmpty();

        // the search page: the payload is highlighted as text
        browser.get(url("/search?q=xssprobe"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Xssprobe <img src=x onerror=");
        assertNothingRan("search page");

        // suggestions as you type, written by site.js
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys("xssprobe");
        WebElement suggestion = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector(".suggestions a[data-id='" + ID + "']")).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
        assertThat(suggestion.getText()).contains(NAME);
        assertNothingRan("suggestions");

        // the console's table of a query that returns the payload
        browser.get(url("/cypher?query="
                + java.net.URLEncoder.encode(
                        "MATCH (o:Organisation {id: '" + ID + "'}) RETURN o.name AS name, o.aliases AS aliases, o",
                        java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains(NAME)
                .contains(ALIAS);
        assertNothingRan("console");
        assertThat(policyViolations())
                .as("the console page breaks no rule of the policy")
                .isEmpty();
    }

    @Test
    void thePolicyBlocksAnInlineScriptEvenIfOneGotIntoThePage() {
        browser.get(url("/organisations/" + ID));
        policyViolations();
        js(
                "var s = document.createElement('script'); s.textContent = 'window.__inline = 1;'; document.body.appendChild(s);"
                        + "var d = document.createElement('div'); d.innerHTML = '<img src=\"/static/none.png\" onerror=\"window.__inline = 2\">';"
                        + "document.body.appendChild(d);");
        try {
            Thread.sleep(500); // the image's error event, had it been allowed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(js("return typeof window.__inline;"))
                .as("an injected inline script and handler are blocked")
                .isEqualTo("undefined");
        assertThat(js("return typeof window.policyGraphView;"))
                .as("the site's own script ran")
                .isEqualTo("object");
    }
}
