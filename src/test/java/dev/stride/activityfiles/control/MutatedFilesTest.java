package dev.stride.activityfiles.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.garmin.fit.CRC;
import dev.stride.activityfiles.entity.FileFormat;
import dev.stride.activityfiles.entity.Recording;
import dev.stride.activityfiles.entity.Sample;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzing: thousands of damaged versions of the valid files (bytes flipped, cut short, ranges
 * inserted, deleted or repeated). Each must be read into a recording that keeps the invariants, or
 * be refused with an {@link UnreadableFileException}; anything else thrown, or a hang, fails.
 */
class MutatedFilesTest {
  private static final int MUTATIONS_PER_FILE = 500;
  private static final Duration LIMIT_PER_FILE = Duration.ofSeconds(2);

  private final ActivityFileReader reader = new ActivityFileReader();

  /** The fixtures and a FIT activity written with the SDK: 6 × 500 = 3000 mutated files. */
  static Stream<Arguments> files() {
    return Stream.concat(
        Fixtures.valid().map(args -> Arguments.of(args.get()[0], args.get()[1])),
        Stream.of(Arguments.of("FitReaderTest.run()", FileFormat.FIT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyMutationIsReadOrRefused(String name, FileFormat format) {
    byte[] original = name.endsWith(")") ? FitReaderTest.run() : Fixtures.bytes(name);
    Random random = new Random(name.hashCode());
    for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
      byte[] mutant = mutate(original, random);
      if (format == FileFormat.FIT && random.nextBoolean()) {
        // Half the FIT mutants get a correct CRC, so that they reach the decoder itself.
        withValidCrc(mutant);
      }
      assertTimeoutPreemptively(LIMIT_PER_FILE, () -> readOrRefuse(format, mutant));
    }
  }

  private void readOrRefuse(FileFormat format, byte[] mutant) {
    Recording recording;
    try {
      recording = reader.read(format, mutant);
    } catch (UnreadableFileException refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return;
    }
    assertThat(recording.samples()).isNotEmpty().allMatch(sample -> sample.time() != null);
    assertThat(recording.samples()).extracting(Sample::time).isSorted();
    assertThat(recording.format()).isEqualTo(format);
  }

  private static byte[] mutate(byte[] original, Random random) {
    int at = random.nextInt(original.length);
    return switch (random.nextInt(5)) {
      case 0 -> flip(original, random, 1 + random.nextInt(8));
      case 1 -> Arrays.copyOf(original, at);
      case 2 -> {
        byte[] inserted = new byte[1 + random.nextInt(64)];
        random.nextBytes(inserted);
        yield splice(original, at, 0, inserted);
      }
      case 3 -> splice(original, at, random.nextInt(Math.min(64, original.length - at) + 1), null);
      default -> {
        int length = random.nextInt(Math.min(256, original.length - at) + 1);
        yield splice(original, at, 0, Arrays.copyOfRange(original, at, at + length));
      }
    };
  }

  private static byte[] flip(byte[] original, Random random, int bytes) {
    byte[] mutant = original.clone();
    for (int i = 0; i < bytes; i++) {
      mutant[random.nextInt(mutant.length)] ^= (byte) (1 + random.nextInt(255));
    }
    return mutant;
  }

  /** {@code original} with {@code deleted} bytes at {@code at} replaced by {@code inserted}. */
  private static byte[] splice(byte[] original, int at, int deleted, byte[] inserted) {
    byte[] middle = inserted == null ? new byte[0] : inserted;
    byte[] mutant = new byte[original.length - deleted + middle.length];
    System.arraycopy(original, 0, mutant, 0, at);
    System.arraycopy(middle, 0, mutant, at, middle.length);
    System.arraycopy(
        original, at + deleted, mutant, at + middle.length, original.length - at - deleted);
    return mutant;
  }

  /** The FIT file CRC: CRC-16 of all bytes but the last two, stored little-endian in them. */
  private static void withValidCrc(byte[] fit) {
    if (fit.length < 2) {
      return;
    }
    int crc = 0;
    for (int i = 0; i < fit.length - 2; i++) {
      crc = CRC.get16(crc, fit[i]);
    }
    fit[fit.length - 2] = (byte) crc;
    fit[fit.length - 1] = (byte) (crc >> 8);
  }
}
