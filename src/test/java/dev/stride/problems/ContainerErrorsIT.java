package dev.stride.problems;

import static dev.stride.support.Problems.assertLeaksNothing;
import static dev.stride.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stride.support.Api.Answer;
import dev.stride.support.DeployedStride;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.Test;

/**
 * What Payara and Jersey answer themselves, before or beside Stride's resources, is a problem too
 * and names no product or version (issue 13's black-box probe found HTML error pages and WADL).
 */
class ContainerErrorsIT extends DeployedStride {
  @Test
  void aContentTypeListIsA400Problem() {
    Answer answer =
        api.send(
            "/api/sessions", "POST", BodyPublishers.ofString("{}"), "application/json, text/plain");
    assertProblem(answer, 400);
  }

  @Test
  void anAcceptOfOnlyCommasIsA400Problem() {
    assertProblem(
        api.send("/api/sessions", "GET", BodyPublishers.noBody(), null, "Accept", ",,,"), 400);
  }

  @Test
  void pathsOutsideTheApiAreProblems() {
    assertProblem(api.get("/nothing-here"), 404);
    assertProblem(api.get("/error-problem"), 404);
  }

  @Test
  void noWadlDescribesTheResources() {
    Answer options = api.send("/api/sessions", "OPTIONS", BodyPublishers.noBody(), null);
    assertThat(options.body())
        .doesNotContainIgnoringCase("wadl")
        .doesNotContainIgnoringCase("jersey");
    assertThat(options.header("Allow"))
        .hasValueSatisfying(allow -> assertThat(allow).contains("POST", "GET"));
    assertLeaksNothing(options);
    assertProblem(api.get("/api/application.wadl"), 404);
  }
}
