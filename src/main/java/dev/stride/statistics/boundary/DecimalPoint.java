package dev.stride.statistics.boundary;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;

/**
 * Writes a double as a JSON number with a decimal point and without an exponent for the values
 * statistics reach: {@code 15000.0}, {@code 12500000.0}, {@code 141.5} (the default writer would
 * write {@code 1.25E7}). The digits are the shortest that read back as the same double.
 */
public class DecimalPoint implements JsonbSerializer<Double> {
  @Override
  public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
    generator.write(text(value));
  }

  static BigDecimal text(double value) {
    BigDecimal decimal = BigDecimal.valueOf(value);
    return decimal.scale() < 1 ? decimal.setScale(1) : decimal;
  }
}
