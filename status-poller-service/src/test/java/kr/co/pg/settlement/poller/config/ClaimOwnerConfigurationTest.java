package kr.co.pg.settlement.poller.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import kr.co.pg.settlement.poller.config.ClaimOwnerConfiguration.InstanceLock;
import org.junit.jupiter.api.Test;

/** F2: the claim owner is stable for one instance across restarts and never shared by two running instances. */
class ClaimOwnerConfigurationTest {

    @Test
    void theSameInstanceStartedAgainIsTheSameOwner() throws Exception {
        Path work = Files.createTempDirectory("poller-owner");
        String first;
        try (InstanceLock running = InstanceLock.resolve("", "node-7", work)) {
            first = running.owner().id();
        }
        try (InstanceLock restarted = InstanceLock.resolve("", "node-7", work)) {
            assertThat(restarted.owner().id()).isEqualTo(first).startsWith("poller-node-7-").hasSize(22);
        }
    }

    @Test
    void twoInstancesOnOneHostNeverShareAnOwner() throws Exception {
        Path work = Files.createTempDirectory("poller-owner");
        Path otherWork = Files.createTempDirectory("poller-owner");
        try (InstanceLock a = InstanceLock.resolve(null, "node-7", work);
             InstanceLock sameDir = InstanceLock.resolve(null, "node-7", work);
             InstanceLock otherDir = InstanceLock.resolve(null, "node-7", otherWork)) {
            assertThat(sameDir.owner().id()).as("work directory locked by the first: a random owner")
                    .isNotEqualTo(a.owner().id()).doesNotStartWith("poller-node-7-");
            assertThat(otherDir.owner().id()).startsWith("poller-node-7-").isNotEqualTo(a.owner().id());
        }
    }

    @Test
    void aConfiguredInstanceIdIsTheOwnerWhateverTheHostAndDirectory() throws Exception {
        try (InstanceLock pod = InstanceLock.resolve(" settlement-poller-1 ", "ignored",
                Files.createTempDirectory("poller-owner"))) {
            assertThat(pod.owner().id()).isEqualTo("poller-settlement-poller-1");
        }
        assertThatThrownBy(() -> InstanceLock.resolve("x".repeat(60), "h", Files.createTempDirectory("poller-owner")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 64 printable ASCII");
        assertThatThrownBy(() -> InstanceLock.resolve("pod 1", "h", Files.createTempDirectory("poller-owner")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnprintableOrLongHostNameStillGivesAValidOwner() throws Exception {
        try (InstanceLock odd = InstanceLock.resolve("", "한글 host\t" + "h".repeat(80),
                Files.createTempDirectory("poller-owner"))) {
            assertThat(odd.owner().id()).hasSizeLessThanOrEqualTo(64).matches("[\\x21-\\x7e]+");
        }
    }
}
