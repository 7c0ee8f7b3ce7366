package dev.stride.operations.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "trace:span.1_2"})
  void aValidIdFromTheClientIsKept(String id) {
    assertThat(RequestIds.chosenOrNew(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "with space", "line\r\nbreak", "quote\"", "é", "{json}"})
  void anInvalidIdIsReplacedByANewOne(String id) {
    assertThat(RequestIds.chosenOrNew(id)).matches("[0-9a-f]{32}");
  }

  @org.junit.jupiter.api.Test
  void anIdOfMoreThan64CharactersIsReplaced() {
    assertThat(RequestIds.chosenOrNew("a".repeat(64))).isEqualTo("a".repeat(64));
    assertThat(RequestIds.chosenOrNew("a".repeat(65))).matches("[0-9a-f]{32}");
    assertThat(RequestIds.chosenOrNew(null)).matches("[0-9a-f]{32}");
  }

  @org.junit.jupiter.api.Test
  void theOuterScopeKeepsItsIdAndClosingItForgetsIt() {
    assertThat(RequestIds.current()).isNull();
    try (RequestIds.Scope outer = RequestIds.enter("outer")) {
      try (RequestIds.Scope inner = RequestIds.enter("inner")) {
        assertThat(RequestIds.current()).isEqualTo("outer");
      }
      assertThat(RequestIds.current()).isEqualTo("outer");
    }
    assertThat(RequestIds.current()).isNull();
  }
}
