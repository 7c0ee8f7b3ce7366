package dev.stride.sessions.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an activity as its lower-case wire name, which the table's CHECK lists. */
@Converter(autoApply = true)
public class ActivityConverter implements AttributeConverter<Activity, String> {
  @Override
  public String convertToDatabaseColumn(Activity activity) {
    return activity == null ? null : activity.wireName();
  }

  @Override
  public Activity convertToEntityAttribute(String name) {
    return name == null ? null : Activity.fromWireName(name).orElseThrow();
  }
}
