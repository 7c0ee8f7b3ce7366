package dev.stride.json;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes a JSON body: instead of {@code @Consumes}, which JAX-RS checks while
 * it matches the request (so a wrong media type would be 415 before the caller's scopes are
 * checked), {@link JsonBodyRequired} checks the Content-Type once authorization has passed, as the
 * contract orders the answers (403 before 415).
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonBody {}
