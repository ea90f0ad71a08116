package kr.co.pg.settlement.scheduler;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.co.pg.settlement.events.KickoffParser;
import kr.co.pg.settlement.events.KickoffRequested;
import kr.co.pg.settlement.localstack.LocalStack;
import kr.co.pg.settlement.scheduler.application.KickoffScheduler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Whole scheduler instances (Spring contexts) against the real broker, each test class on its own kick-off topic,
 * leader topic and group, all instances of a class sharing one {@link MutableClock}.
 */
final class SchedulerInstances implements AutoCloseable {

    static final String MANAGEMENT_USER = "scheduler-test";
    static final String MANAGEMENT_PASSWORD = "scheduler-test-management-password";

    final String kickoffTopic = "it.scheduler.kickoff." + UUID.randomUUID();
    final String leaderTopic = "it.scheduler.leader." + UUID.randomUUID();
    final String leaderGroup = "it-scheduler-leader-" + UUID.randomUUID();
    final MutableClock clock;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    SchedulerInstances(MutableClock clock) {
        this.clock = clock;
    }

    ConfigurableApplicationContext start(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.kafka.bootstrap-servers=" + LocalStack.kafka().bootstrapServers(),
                "--server.port=0",
                "--settlement.scheduler.tick=100ms",
                "--settlement.scheduler.kafka.kickoff-topic=" + kickoffTopic,
                "--settlement.scheduler.kafka.leader-topic=" + leaderTopic,
                "--settlement.scheduler.kafka.leader-group=" + leaderGroup,
                "--settlement.scheduler.kafka.session-timeout=6s",
                "--settlement.kafka.topic-replication=1",
                // in this JVM no process listing shows arguments
                "--settlement.management.user=" + MANAGEMENT_USER,
                "--settlement.management.password=" + MANAGEMENT_PASSWORD));
        args.addAll(List.of(extraArgs));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SchedulerApplication.class)
                .properties(Map.of("spring.config.name", SchedulerApplication.CONFIG_NAME))
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("testClock", Clock.class,
                        () -> clock, definition -> definition.setPrimary(true)))
                .run(args.toArray(String[]::new));
        running.add(context);
        return context;
    }

    static KickoffScheduler scheduler(ConfigurableApplicationContext instance) {
        return instance.getBean(KickoffScheduler.class);
    }

    /** Waits until {@code instance} leads and has completed {@code ticks} more ticks as leader. */
    static void awaitLeaderTicks(ConfigurableApplicationContext instance, int ticks) {
        KickoffScheduler scheduler = scheduler(instance);
        await().atMost(Duration.ofSeconds(30)).until(scheduler::isLeader);
        long from = scheduler.leaderTicks();
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.leaderTicks() >= from + ticks);
    }

    void stop(ConfigurableApplicationContext instance) {
        instance.close();
        running.remove(instance);
    }

    /** Every kick-off on the topic, read to the end offsets of now. */
    List<KickoffRequested> kickoffs() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(kickoffTopic).stream()
                    .map(p -> new TopicPartition(kickoffTopic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            List<KickoffRequested> kickoffs = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        kickoffs.add(KickoffParser.parse(record.value()));
                    }
                }
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
            });
            return kickoffs;
        }
    }

    List<String> kickoffIds() {
        return kickoffs().stream().map(KickoffRequested::kickoffId).sorted().toList();
    }

    @Override
    public void close() {
        new ArrayList<>(running).forEach(this::stop);
    }
}
