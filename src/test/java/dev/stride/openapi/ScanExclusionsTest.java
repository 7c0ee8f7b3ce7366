package dev.stride.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.sessions.boundary.SessionsResource;
import dev.stride.statistics.boundary.StatisticsResource;
import jakarta.ws.rs.BeanParam;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Payara's OpenAPI scanner logs every constructor parameter of a {@code @BeanParam} class as a
 * SEVERE "Couldn't add parameter": microprofile-config.properties excludes those classes, and must
 * name each of them, by its current name.
 */
class ScanExclusionsTest {
  @Test
  void theScannerSkipsExactlyTheBeanParamClassesOfTheResources() throws IOException {
    Set<String> beanParams =
        Stream.of(SessionsResource.class, StatisticsResource.class)
            .flatMap(resource -> Arrays.stream(resource.getDeclaredMethods()))
            .flatMap(method -> Arrays.stream(method.getParameters()))
            .filter(parameter -> parameter.isAnnotationPresent(BeanParam.class))
            .map(Parameter::getType)
            .map(Class::getName)
            .collect(Collectors.toSet());

    assertThat(beanParams).hasSize(3);
    assertThat(excludedFromTheScan()).containsExactlyInAnyOrderElementsOf(beanParams);
  }

  private static Set<String> excludedFromTheScan() throws IOException {
    Properties config = new Properties();
    try (InputStream file =
        ScanExclusionsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      config.load(file);
    }
    return Arrays.stream(config.getProperty("mp.openapi.scan.exclude.classes", "").split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toSet());
  }
}
