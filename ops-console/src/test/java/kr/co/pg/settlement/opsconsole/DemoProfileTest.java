package kr.co.pg.settlement.opsconsole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.localstack.MariaDbServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The demo profile has demo users with random passwords, printed once at start-up (see SecurityConfigTest). */
@ExtendWith(OutputCaptureExtension.class)
class DemoProfileTest {

    @Test
    void theDemoProfileHasDemoUsersWithRandomPasswordsPrintedAtStartUp(CapturedOutput output) {
        try (ConfigurableApplicationContext demo = start("demo")) {
            Matcher m = Pattern.compile("user demo-operator password (\\S+) \\(role operator\\)").matcher(output.getAll());
            assertThat(m.find()).as(output.getAll()).isTrue();
            int port = ((WebServerApplicationContext) demo).getWebServer().getPort();
            ConsoleClient operator = ConsoleClient.login("http://127.0.0.1:" + port, "demo-operator", m.group(1));
            assertThat(operator.get("/api/me").json().get("operator").asBoolean()).isTrue();
            assertThat(output.getAll()).contains("user demo-viewer password ");
        }
    }

    private static ConfigurableApplicationContext start(String profile) {
        MariaDbServer db = LocalStack.mariaDb();
        String url = db.jdbcUrl("ops_console_users");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(OpsConsoleApplication.class)
                .properties("spring.config.name=ops-console");
        if (profile != null) {
            builder.profiles(profile);
        }
        // command-line arguments: they win over the profile's own file
        return builder.run("--server.port=0", "--spring.main.banner-mode=off", "--logging.config=classpath:logback-test.xml",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(), "--ops.users=", "--ops.poller-db.url=",
                "--spring.kafka.bootstrap-servers=127.0.0.1:1");
    }
}
