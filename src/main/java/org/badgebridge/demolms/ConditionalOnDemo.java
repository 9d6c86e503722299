package org.badgebridge.demolms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** The demo LMS exists only with {@code badgebridge.demo.enabled=true} (the embedded default). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "badgebridge.demo.enabled", havingValue = "true")
@interface ConditionalOnDemo {
}
