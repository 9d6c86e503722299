package org.badgebridge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BadgeBridgeApplication {

	@org.springframework.context.annotation.Bean
	java.time.Clock clock() {
		return java.time.Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(BadgeBridgeApplication.class, args);
	}
}
