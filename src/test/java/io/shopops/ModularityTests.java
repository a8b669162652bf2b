package io.shopops;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifies the module structure and writes the module documentation to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(ShopOpsApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void theFourModulesAndTheSharedKernelExist() {
		assertThat(this.modules.stream().map((module) -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrder("fulfilment", "growth", "dashboard", "platform", "shared");
		assertThat(this.modules.getSharedModules()).extracting((module) -> module.getIdentifier().toString())
			.containsExactly("shared");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

}
