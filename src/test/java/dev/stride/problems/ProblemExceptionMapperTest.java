package dev.stride.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stride.problems.ProblemException.Reason;
import jakarta.ws.rs.core.Response.Status;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemExceptionMapperTest {
  @Test
  void everyReasonHasTheStatusOfTheContract() {
    Map<Reason, Status> statuses = new EnumMap<>(Reason.class);
    for (Reason reason : Reason.values()) {
      statuses.put(reason, ProblemExceptionMapper.statusOf(reason));
    }
    assertThat(statuses)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Reason.INVALID, Status.BAD_REQUEST,
                Reason.FORBIDDEN, Status.FORBIDDEN,
                Reason.NOT_FOUND, Status.NOT_FOUND,
                Reason.CONFLICT, Status.CONFLICT,
                Reason.PRECONDITION_FAILED, Status.PRECONDITION_FAILED,
                Reason.GONE, Status.GONE,
                Reason.TOO_LARGE, Status.REQUEST_ENTITY_TOO_LARGE,
                Reason.BUSY, Status.SERVICE_UNAVAILABLE));
  }

  @Test
  void aBatchItemErrorNamesItsIndex() {
    var error = new FieldError("durationSeconds", "must be between 1 and 86400").inItem(3);
    assertThat(error.field()).isEqualTo("[3].durationSeconds");
    assertThat(new InvalidInputException(List.of(error, error)).getMessage())
        .isEqualTo("2 fields are invalid");
  }

  @Test
  void aRequestIsRefusedOnlyWhenSomethingIsWrongAndThenWithEveryError() {
    InvalidInputException.throwIfAny(List.of());
    List<FieldError> errors =
        List.of(new FieldError("tz", "must be one"), new FieldError("bucket", "must be another"));
    assertThatThrownBy(() -> InvalidInputException.throwIfAny(errors))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            refused -> {
              assertThat(refused.errors()).isEqualTo(errors);
              assertThat(refused.reason()).isEqualTo(Reason.INVALID);
            });
  }
}
