package kr.co.pg.settlement.localstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs MariaDB and Kafka for a local demo, keeping data between runs, until Ctrl-C.
 * <pre>
 * LocalStackMain [dataDir] [mariaDbPort] [kafkaPort]
 * env: LOCAL_STACK_DATA (default ./.local-stack), LOCAL_STACK_MARIADB_PORT (3306), LOCAL_STACK_KAFKA_PORT (9092)
 * </pre>
 */
public final class LocalStackMain {

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(arg(args, 0, "LOCAL_STACK_DATA", ".local-stack"));
        int mariaDbPort = port(arg(args, 1, "LOCAL_STACK_MARIADB_PORT", "3306"), "MariaDB");
        int kafkaPort = port(arg(args, 2, "LOCAL_STACK_KAFKA_PORT", "9092"), "Kafka");
        long started = System.nanoTime();
        PersistentStack stack = LocalStack.startPersistent(dataDir, mariaDbPort, kafkaPort);
        MariaDbServer db = stack.mariaDb();
        System.out.printf("local-stack up in %d ms, data in %s%n", (System.nanoTime() - started) / 1_000_000,
                dataDir.toAbsolutePath());
        System.out.printf("  MariaDB: jdbc:mariadb://%s:%d/  user %s, empty password (binlog ROW)%n",
                db.host(), db.port(), db.username());
        System.out.printf("  Kafka:   bootstrap servers %s (controller on port %d)%n",
                stack.kafka().bootstrapServers(), kafkaPort + 1);
        System.out.println("Press Ctrl-C to stop.");
        new CountDownLatch(1).await(); // the shutdown hook closes the stack
    }

    private static String arg(String[] args, int index, String env, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(String value, String what) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port > 0 && port < 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(what + " port '" + value + "' is not a TCP port (1-65534)");
    }

    private LocalStackMain() {
    }
}
