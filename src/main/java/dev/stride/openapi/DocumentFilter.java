package dev.stride.openapi;

import dev.stride.sessions.entity.Activity;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Completes the OpenAPI document (registered as {@code mp.openapi.filter}) with the shared parts
 * whose facts live in Java ({@link SharedComponents}): the schema Activity from {@link
 * Activity#values()}, so that the list of activities is written once, the parameters both
 * statistics operations take, and the example of their 400 from the rules it shows.
 *
 * <p>It also mends what Payara Micro 6 writes wrongly (each is a fault of Payara's own
 * implementation, not of the annotations; see {@link PayaraRepairs}): the attribute {@code
 * endpoints} that OpenAPI does not have, tags written twice, the defaults of unset annotation
 * attributes written as constraints, a field's Java type winning over its declared format, examples
 * kept as text, path parameters that are not required, and component schemas copied inline instead
 * of referred to.
 */
public class DocumentFilter implements OASFilter {
  @Override
  public Schema filterSchema(Schema schema) {
    PayaraRepairs.repair(schema);
    return schema;
  }

  @Override
  public Parameter filterParameter(Parameter parameter) {
    PayaraRepairs.repair(parameter);
    return parameter;
  }

  @Override
  public Operation filterOperation(Operation operation) {
    PayaraRepairs.repair(operation);
    return operation;
  }

  @Override
  public Header filterHeader(Header header) {
    PayaraRepairs.repair(header);
    return header;
  }

  /** Runs last, once every part of the document went through the methods above. */
  @Override
  public void filterOpenAPI(OpenAPI document) {
    SharedComponents.addTo(document.getComponents());
    AccessAnswers.addTo(document);
    PayaraRepairs.dropEndpoints(document);
    PayaraRepairs.mergeTags(document);
    PayaraRepairs.parseJsonExamples(document);
    InlineCopies.referToComponents(document);
  }
}
