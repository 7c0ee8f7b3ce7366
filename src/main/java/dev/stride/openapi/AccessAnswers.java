package dev.stride.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * The answers of access that every operation has (401 without a valid token, 429 over the rate
 * limit), added to each once here instead of written on every resource method.
 */
final class AccessAnswers {
  private AccessAnswers() {}

  static void addTo(OpenAPI document) {
    if (document.getPaths() == null) {
      return;
    }
    for (PathItem path : document.getPaths().getPathItems().values()) {
      for (Operation operation : path.getOperations().values()) {
        add(operation, "401", "Unauthorized");
        add(operation, "429", "TooManyRequests");
      }
    }
  }

  private static void add(Operation operation, String status, String response) {
    if (operation.getResponses().getAPIResponse(status) == null) {
      operation
          .getResponses()
          .addAPIResponse(
              status, OASFactory.createAPIResponse().ref("#/components/responses/" + response));
    }
  }
}
