package io.repdesk.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a request handler needs. On a method it wins over one on the class. A handler without it
 * is refused to everyone (an architecture test keeps every handler annotated). API tokens are governed by
 * {@link RequiresScope} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Permits {

    Permission value();
}
