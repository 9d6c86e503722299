package org.badgebridge.demolms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The demo LMS exists only with {@code badgebridge.demo.enabled=true}: explicitly set, or by default on the embedded
 * H2 database only (never on MySQL/MariaDB unless set; see {@code infrastructure.DemoDefault}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnProperty(name = "badgebridge.demo.enabled", havingValue = "true")
@interface ConditionalOnDemo {
}
