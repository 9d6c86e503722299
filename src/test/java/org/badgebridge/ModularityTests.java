package org.badgebridge;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module structure holds (no cycles, no reach into internals) and its documentation is current. */
class ModularityTests {

	ApplicationModules modules = ApplicationModules.of(BadgeBridgeApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void nothingDependsOnTheDemoLms() {
		var demo = modules.getModuleByName("demolms").orElseThrow();
		modules.forEach(module -> assertThat(module.getDirectDependencies(modules).stream()
				.map(d -> d.getTargetModule().getName())).as(module.getName()).doesNotContain(demo.getName()));
		assertThat(demo.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getName())).isEmpty();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
