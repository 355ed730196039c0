package dev.sky4j.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A secret is masked wherever the chunk borders of a log stream fall, and offsets stay exact. */
class StreamRedactorTest {
  private static final String SECRET = "abcdef";
  private static final String TEXT = "before abcdef middle xabcdefx end";
  private static final String MASKED = "before ****** middle x******x end";

  /** Feeds {@code text} cut at {@code cuts} (byte positions) and returns the whole output. */
  private static String feed(StreamRedactor r, String text, int... cuts) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int from = 0;
    for (int c : cuts) {
      out.writeBytes(r.push(b, from, c - from));
      from = c;
    }
    out.writeBytes(r.push(b, from, b.length - from));
    out.writeBytes(r.flush());
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSecretSplitAtEveryPositionAcrossTwoChunksIsMasked() {
    for (int cut = 0; cut <= TEXT.length(); cut++) {
      assertThat(feed(new StreamRedactor(List.of(SECRET)), TEXT, cut)).as("cut at %d", cut)
          .isEqualTo(MASKED);
    }
  }

  @Test
  void aSecretSplitAtEveryPairOfPositionsAcrossThreeChunksIsMasked() {
    for (int a = 0; a <= TEXT.length(); a++) {
      for (int b = a; b <= TEXT.length(); b++) {
        assertThat(feed(new StreamRedactor(List.of(SECRET)), TEXT, a, b))
            .as("cuts at %d and %d", a, b).isEqualTo(MASKED);
      }
    }
  }

  @Test
  void oneByteChunksStillMaskEveryValueAndKeepTheLength() {
    String text = "k=hunter22 t=✓tøken✓ k2=hunter2 hunter22";
    int[] cuts = new int[text.getBytes(StandardCharsets.UTF_8).length - 1];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = i + 1;
    }
    String out = feed(new StreamRedactor(List.of("hunter2", "hunter22", "✓tøken✓")), text, cuts);
    assertThat(out).doesNotContain("hunter2").doesNotContain("tøken");
    assertThat(out.getBytes(StandardCharsets.UTF_8)).hasSameSizeAs(
        text.getBytes(StandardCharsets.UTF_8));
    assertThat(out).startsWith("k=******** t=").endsWith(" k2=******* ********");
  }

  @Test
  void onlyAPossibleStartIsHeldBack() {
    StreamRedactor r = new StreamRedactor(List.of(SECRET));
    byte[] b = "progress 50%\nabc".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(r.push(b, 0, b.length), StandardCharsets.UTF_8))
        .isEqualTo("progress 50%\n");
    assertThat(r.held()).isEqualTo(3);
    byte[] more = "xyz".getBytes(StandardCharsets.UTF_8);
    assertThat(new String(r.push(more, 0, 3), StandardCharsets.UTF_8)).isEqualTo("abcxyz");
    assertThat(r.held()).isZero();
  }

  @Test
  void shortValuesAreLeftAlone() {
    assertThat(feed(new StreamRedactor(List.of("a", "ab", "abc", "")), "a b abc", 3))
        .isEqualTo("a b abc");
    assertThat(new StreamRedactor(List.of("abc")).isEmpty()).isTrue();
  }

  @Test
  void anUnfinishedStreamDropsItsHeldTailForTheNextRead() throws Exception {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    StreamRedactor.Out out = new StreamRedactor(List.of(SECRET)).wrap(sink);
    out.write("line\nabc".getBytes(StandardCharsets.UTF_8));
    out.finish(false);
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("line\n");
    // the reader resumes at offset 5 and reads "abcdef" whole: masked
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    StreamRedactor.Out next = new StreamRedactor(List.of(SECRET)).wrap(again);
    next.write("abcdef\n".getBytes(StandardCharsets.UTF_8));
    next.finish(true);
    assertThat(again.toString(StandardCharsets.UTF_8)).isEqualTo("******\n");
  }
}
