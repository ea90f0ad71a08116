package kr.co.pg.settlement.kis.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileReadingTest {

    @TempDir
    Path dir;

    @Test
    void readsTheKeyWithoutSurroundingWhitespace() throws Exception {
        Path file = Files.writeString(dir.resolve("k"), "  key-A\n");
        KeyFileReading reading = KeyFileReading.read(file);
        assertThat(reading.key()).isEqualTo("key-A");
        assertThat(reading.toString()).doesNotContain("key-A");
        assertThat(reading.isStale(file)).isFalse();
    }

    @Test
    void aRenameOverTheFileMakesTheReadingStale() throws Exception {
        Path file = Files.writeString(dir.resolve("k"), "key-A\n");
        KeyFileReading reading = KeyFileReading.read(file);
        Path next = Files.writeString(dir.resolve("k.new"), "key-B\n");
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(reading.isStale(file)).isTrue();
        assertThat(KeyFileReading.read(file).key()).isEqualTo("key-B");
    }

    @Test
    void anEmptyOrNonUtf8FileHoldsNoKeyAndTheMessageNamesOnlyTheReason() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");
        assertThatThrownBy(() -> KeyFileReading.read(empty))
                .isInstanceOf(KeyFileReading.InvalidKeyFileException.class).hasMessage("empty");
        Path binary = Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> KeyFileReading.read(binary))
                .isInstanceOf(KeyFileReading.InvalidKeyFileException.class).hasMessage("not UTF-8 text");
        assertThatThrownBy(() -> KeyFileReading.read(dir.resolve("missing")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
