package dev.stride.tester.access.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretTest {

  static final String VALID = "stride_" + "Ab9-_".repeat(8) + "xyz";

  @Test
  void aSecretGoesIntoTheAuthorizationHeaderWithoutTheWhitespaceAroundIt() {
    assertThat(Secret.of(VALID).authorization()).isEqualTo("Bearer " + VALID);
    assertThat(Secret.of("  " + VALID + "\n").authorization()).isEqualTo("Bearer " + VALID);
  }

  @Test
  void itNeverShowsInText() {
    assertThat(Secret.of(VALID).toString()).doesNotContain(VALID.substring(7));
    assertThat(new Bearer(Secret.of(VALID), "refused").toString())
        .doesNotContain(VALID.substring(7));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "stride_",
        "stride_tooShort0123456789012345678901234567890",
        "Bearer stride_0123456789012345678901234567890123456789012",
        "STRIDE_0123456789012345678901234567890123456789012",
        "stride_01234567890123456789\n01234567890123456789012",
        "stride_0123456789012345678901234567890123456789012+/",
        "stride_0123456789012345678901234567890123456789012="
      })
  void anythingElseIsRefusedWithoutBeingRepeated(String text) {
    assertThatThrownBy(() -> Secret.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("is not a Stride token (" + Secret.SHAPE_RULE + ")");
  }
}
