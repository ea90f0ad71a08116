package kr.co.pg.settlement.poller.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import kr.co.pg.settlement.poller.application.ClaimOwner;
import kr.co.pg.settlement.poller.application.PollerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The poller's claim owner (fault suite F2): {@code settlement.poller.instance-id} ({@code POLLER_INSTANCE_ID}, e.g. the
 * pod name of a StatefulSet) when set; otherwise the host name and a hash of the instance's work directory, which the
 * instance locks while it runs, so two instances on one host (or in one JVM) never share an owner, and the same
 * instance started again on the same host and work directory is the same owner and takes its claims back at once.
 */
@Configuration(proxyBeanMethods = false)
class ClaimOwnerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClaimOwnerConfiguration.class);
    static final String LOCK_FILE = ".claim-owner.lock";

    @Bean(destroyMethod = "close")
    InstanceLock claimOwnerLock(@Value("${settlement.poller.instance-id:${POLLER_INSTANCE_ID:}}") String instanceId,
                                @Value("${HOSTNAME:}") String hostName, PollerSettings settings) {
        return InstanceLock.resolve(instanceId, hostName.isBlank() ? localHostName() : hostName, settings.workDir());
    }

    @Bean
    ClaimOwner claimOwner(InstanceLock lock) {
        log.info("claiming receipts as {}", lock.owner().id());
        return lock.owner();
    }

    /** The owner, and the work directory's lock that keeps it this instance's alone while it runs. */
    record InstanceLock(ClaimOwner owner, FileChannel channel, FileLock lock) implements AutoCloseable {

        static InstanceLock resolve(String instanceId, String hostName, Path workDir) {
            if (instanceId != null && !instanceId.isBlank()) {
                return new InstanceLock(new ClaimOwner("poller-" + instanceId.strip()), null, null);
            }
            Path dir = workDir.toAbsolutePath().normalize();
            FileChannel channel = null;
            try {
                Files.createDirectories(dir);
                channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new InstanceLock(new ClaimOwner("poller-" + printable(hostName, 40) + "-" + hash(dir)),
                            channel, lock);
                }
                channel.close();
                log.warn("work directory {} is in use by another poller instance: this one claims receipts under a"
                        + " random name, so after a restart its claims wait for settlement.poller.claim-lease. Give"
                        + " every instance its own settlement.poller.work-dir or POLLER_INSTANCE_ID.", dir);
            } catch (IOException e) {
                closeQuietly(channel);
                log.warn("cannot lock work directory {} ({}): claiming receipts under a random name; set"
                        + " POLLER_INSTANCE_ID so that a restarted instance takes its claims back at once", dir, e);
            }
            return new InstanceLock(ClaimOwner.random(), null, null);
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                // closing the channel releases the lock
                channel.close();
            }
        }

        private static FileLock tryLock(FileChannel channel) throws IOException {
            try {
                return channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                return null;
            }
        }

        private static void closeQuietly(FileChannel channel) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // nothing was locked through it
            }
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String printable(String s, int max) {
        StringBuilder b = new StringBuilder();
        s.chars().limit(max).forEach(c -> b.append(c > 0x20 && c < 0x7F ? (char) c : '_'));
        return b.isEmpty() ? "host" : b.toString();
    }

    private static String hash(Path dir) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(dir.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
