package org.badgebridge.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler anyone may call, with the reason why that is right (a capability URL, a machine endpoint of a
 * public credential, the LMS's cross-site post guarded by LTI itself...). On a class it covers every handler
 * of that class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface PublicEndpoint {

	/** Why this endpoint needs no principal. */
	String value();
}
