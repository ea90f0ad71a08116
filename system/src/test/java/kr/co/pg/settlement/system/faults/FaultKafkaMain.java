package kr.co.pg.settlement.system.faults;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The fault suite's Kafka broker as a process of its own, so that it can be killed (-9) and started again on the
 * same port and log directory: local-stack's KRaft broker (the same server configuration every other test uses),
 * kept in {@code dataDir}. Arguments: dataDir port controllerPort. Prints {@value #READY} when it answers.
 * <p>
 * It halts when the JVM that started it exits: a broker must not outlive its test run.
 */
public final class FaultKafkaMain {

    static final String READY = "FAULT-SUITE KAFKA READY";

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(3)));
        // local-stack keeps its embedded broker package-private (one API for every module's tests); this suite needs
        // the one thing that API does not offer: a broker in a process of its own, on a fixed port and directory
        Class<?> embedded = Class.forName("kr.co.pg.settlement.localstack.EmbeddedKafka");
        Method start = embedded.getDeclaredMethod("startPersistent", Path.class, int.class, int.class);
        start.setAccessible(true);
        AutoCloseable broker = (AutoCloseable) start.invoke(null, dataDir, port, controllerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                broker.close();
            } catch (Exception e) {
                System.err.println("broker shutdown: " + e);
            }
        }, "broker-stop"));
        System.out.println(READY + " " + port);
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private FaultKafkaMain() {
    }
}
