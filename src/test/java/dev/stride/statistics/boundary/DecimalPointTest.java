package dev.stride.statistics.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON text of a double (the generator writes the BigDecimal's toString). */
class DecimalPointTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0.0",
    "15000, 15000.0",
    "141.5, 141.5",
    "12500000, 12500000.0",
    "11000000.25, 11000000.25",
    "1e15, 1000000000000000.0",
    "0.001, 0.001",
    "141.33333333333334, 141.33333333333334"
  })
  void hasADecimalPointAndNoExponent(double value, String json) {
    assertThat(DecimalPoint.text(value).toString()).isEqualTo(json);
    assertThat(Double.parseDouble(json)).isEqualTo(value);
  }
}
