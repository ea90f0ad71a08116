package kr.co.pg.settlement.opsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kr.co.pg.settlement.events.EventJson;
import kr.co.pg.settlement.events.Topics;
import kr.co.pg.settlement.localstack.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real headless Chromium (Debian's chromium and chromium-driver; ./run-tests.sh installs them):
 * log in as the operator, kick off a job through the confirmation dialog, watch it finish on the Today page, look
 * up a transaction. The kick-off goes to the real Kafka topic; the test plays the collector's part minimally - when
 * it sees the kick-off record it writes the run's job_run and job_slice rows, first half done, then DONE. Screenshots
 * in target/screenshots.
 */
class BrowserTest extends ConsoleTestSupport {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void chromium() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("ops-console-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1360,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void operatorKicksOffAJobWatchesItFinishAndLooksUpATransaction() {
        settlementSql("INSERT INTO sub_merchant (sub_merchant_id, business_no, business_name, representative_name,"
                        + " opened_on, kis_reg_status) VALUES ('SM-WEB-1', '1234567891', '바다식당', '이바다', '2021-01-01', 'NONE')",
                "INSERT INTO payment_transaction (transaction_id, sub_merchant_id, card_company, card_type, transaction_type,"
                        + " approval_no, approved_at, masked_card_no, amount, applied_fee_rate, fee_amount) VALUES"
                        + " ('T-WEB-000000000001', 'SM-WEB-1', 'SH', 'CREDIT', 'APPROVAL', '22222222', '2026-05-19 09:30:00',"
                        + "  '543210******9876', 55000, 1.800, 990)");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        logInAsOperator(wait, "01-login");

        By card = By.cssSelector(".card[data-job='DIFF_SETTLEMENT_REQUEST']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "NOT STARTED"));
        assertThat(browser.findElement(By.id("user")).getText()).isEqualTo("otto (operator)");
        assertThat(browser.findElements(By.cssSelector(".card"))).hasSize(4);
        screenshot("02-today");

        try (KafkaTestClient kafka = new KafkaTestClient(kafka(), List.of(Topics.KICKOFF))) {
            browser.findElement(By.cssSelector("button.kickoff[data-job='DIFF_SETTLEMENT_REQUEST']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
            assertThat(browser.findElement(By.id("confirm-text")).getText())
                    .contains("would send a kick-off of DIFF_SETTLEMENT_REQUEST");
            screenshot("03-confirm");
            browser.findElement(By.id("confirm-ok")).click();

            ConsumerRecord<String, byte[]> kickoff = Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> first(kafka.received(Topics.KICKOFF, r -> new String(r.value(), StandardCharsets.UTF_8)
                            .contains("\"requestedBy\":\"ops-console:otto\"") && "DIFF_SETTLEMENT_REQUEST".equals(r.key()))),
                            r -> r != null);
            JsonNode value = EventJson.mapper().readTree(kickoff.value());
            String kickoffId = value.get("kickoffId").asString();
            String date = value.get("businessDate").asString();

            // the collector's part: the run starts with two slices, one done
            settlementSql("INSERT INTO job_run (kickoff_id, job, business_date, status, files_created, rows_collected,"
                            + " started_at) VALUES ('" + kickoffId + "', 'DIFF_SETTLEMENT_REQUEST', '" + date + "', 'RUNNING', 1, 500, NOW(3))",
                    "INSERT INTO job_slice (kickoff_id, slice_no, slice_count, bounds, status, created_at) VALUES"
                            + " ('" + kickoffId + "', 1, 2, 'a|b', 'DONE', NOW(3)), ('" + kickoffId + "', 2, 2, 'b|c', 'PENDING', NOW(3))");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "RUNNING"));
            assertThat(browser.findElement(card).findElement(By.className("progress")).getText()).isEqualTo("50 %");
            screenshot("04-running");

            settlementSql("UPDATE job_slice SET status = 'DONE', finished_at = NOW(3) WHERE kickoff_id = '" + kickoffId + "'",
                    "UPDATE job_run SET status = 'DONE', files_created = 2, rows_collected = 1000, rows_not_eligible = 7,"
                            + " finished_at = NOW(3) WHERE kickoff_id = '" + kickoffId + "'");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(card, "DONE"));
            assertThat(browser.findElement(card).getText()).contains("100 %").contains("collected 1000")
                    .contains("not eligible 7").contains("slices 2/2");
            screenshot("05-done");
        }

        browser.findElement(By.cssSelector("a[href='#tx']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tx-id"))).sendKeys("T-WEB-000000000001");
        browser.findElement(By.id("tx-go")).click();
        WebElement story = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tx-story")));
        assertThat(story.getText()).contains("Transaction T-WEB-000000000001").contains("바다식당")
                .contains("543210******9876").contains("its sub-merchant is NONE");
        screenshot("06-transaction");

        browser.findElement(By.cssSelector("a[href='#audit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "job=DIFF_SETTLEMENT_REQUEST"));
        assertThat(browser.findElement(By.id("view")).getText()).contains("otto").contains("KICKOFF").contains("EXECUTE");
        screenshot("07-audit");
    }

    @Test
    void dayReportScheduleAndADeadLetterReDrivenFromThePage() throws Exception {
        String deadLetterId;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> r = new ProducerRecord<>(Topics.DLT_GATEWAY, 0, "S1-20260520-000003",
                    "{}".getBytes(StandardCharsets.UTF_8));
            r.headers().add("eventType", "SettlementFileRequested".getBytes(StandardCharsets.UTF_8));
            r.headers().add("kafka_dlt-original-topic", Topics.SETTLEMENT_FILE_REQUESTED.getBytes(StandardCharsets.UTF_8));
            r.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(0).array());
            r.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(7).array());
            r.headers().add("dltReason", "record count 0 below 1".getBytes(StandardCharsets.UTF_8));
            deadLetterId = Topics.DLT_GATEWAY + ":0:" + producer.send(r).get().offset();
        }
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        logInAsOperator(wait, null);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".card")));

        browser.findElement(By.cssSelector("a[href='#report']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay")));
        WebElement date = browser.findElement(By.id("date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-05-20';"
                + " arguments[0].dispatchEvent(new Event('change'));", date);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "S1-20260520-000002"));
        assertThat(browser.findElement(By.id("view")).getText()).contains("expected 705 KRW")
                .contains("trailer count 3 != 4").contains("Replay this day");
        screenshot("08-day-report");

        browser.findElement(By.cssSelector("a[href='#schedule']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "SKIPPED_HOLIDAY"));
        assertThat(browser.findElement(By.id("view")).getText()).contains("기독탄신일")
                .contains("sched:DIFF_SETTLEMENT_REQUEST:2026-11-23:0715");
        screenshot("09-schedule");

        browser.findElement(By.cssSelector("a[href='#dead-letters']")).click();
        By redrive = By.cssSelector("button.redrive[data-id='" + deadLetterId + "']");
        wait.until(ExpectedConditions.elementToBeClickable(redrive)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-dialog")));
        assertThat(browser.findElement(By.id("confirm-text")).getText())
                .contains(deadLetterId + ": would re-drive to " + Topics.SETTLEMENT_FILE_REQUESTED + " partition 0");
        screenshot("10-redrive-confirm");
        browser.findElement(By.id("confirm-ok")).click();
        // the list is read again: the row now says re-driven instead of offering the button
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "re-driven"));
        assertThat(browser.findElements(redrive)).isEmpty();
        assertThat(browser.findElement(By.id("toast")).getText()).contains("re-driven 1");
        screenshot("11-dead-letters");
    }

    private static ConsumerRecord<String, byte[]> first(List<ConsumerRecord<String, byte[]>> records) {
        return records.isEmpty() ? null : records.get(0);
    }

    /** A fresh session (the tests share the browser): the page redirects to the login form, fill it in. */
    private void logInAsOperator(WebDriverWait wait, String screenshot) {
        browser.get(baseUrl() + "/login");
        browser.manage().deleteAllCookies();
        browser.get(baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        browser.findElement(By.id("username")).sendKeys(OPERATOR);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        if (screenshot != null) {
            screenshot(screenshot);
        }
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private static void screenshot(String name) {
        try {
            File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
