package io.repdesk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes an API token needs to call the annotated endpoint (all of them). Agents signed in with HTTP
 * Basic are not limited by scopes; a token calling an endpoint without this annotation is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequiresScope {

    ApiScope[] value();
}
