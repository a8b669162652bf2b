package io.shopops;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductStatus;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.platform.csv.CsvFile;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;
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
	void fulfilmentPublishesItsApisAsNamedInterfaces() {
		ApplicationModule fulfilment = module("fulfilment");
		assertThat(
				fulfilment.getNamedInterfaces().stream().filter(NamedInterface::isNamed).map(NamedInterface::getName))
			.contains("catalog", "inventory", "order");
		assertThat(fulfilment.isExposed(ProductCatalog.class)).isTrue();
		assertThat(fulfilment.isExposed(ProductStatus.class)).isTrue();
		assertThat(fulfilment.isExposed(Inventory.class)).isTrue();
		assertThat(fulfilment.isExposed(StockLevel.class)).isTrue();
		assertThat(fulfilment.isExposed(type(fulfilment, "io.shopops.fulfilment.catalog.ProductController"))).isFalse();
		assertThat(fulfilment.isExposed(type(fulfilment, "io.shopops.fulfilment.catalog.ProductForm"))).isFalse();
		assertThat(fulfilment.isExposed(type(fulfilment, "io.shopops.fulfilment.catalog.importing.CatalogFileReader")))
			.isFalse();
		assertThat(module("platform").isExposed(CsvFile.class)).isTrue();
	}

	@Test
	void namedInterfacesExposeNoControllersRepositoriesOrForms() {
		for (ApplicationModule module : this.modules) {
			module.getNamedInterfaces()
				.stream()
				.filter(NamedInterface::isNamed)
				.flatMap(NamedInterface::asJavaClasses)
				.forEach((type) -> assertThat(type.getSimpleName()).as(module.getIdentifier() + ": " + type.getName())
					.doesNotEndWith("Controller")
					.doesNotEndWith("Repository")
					.doesNotEndWith("Form"));
		}
	}

	@Test
	void growthAndDashboardMayUseTheFulfilmentApisAndTheCsvToolkit() {
		for (String name : List.of("growth", "dashboard")) {
			assertThat(module(name).getAllowedDependencies(this.modules).stream())
				.extracting((dependency) -> dependency.getTargetModule().getIdentifier() + "::"
						+ dependency.getTargetNamedInterface().getName())
				.as(name)
				.contains("fulfilment::catalog", "fulfilment::inventory", "fulfilment::order", "platform::csv");
		}
		assertThat(module("fulfilment").getAllowedDependencies(this.modules).stream())
			.extracting((dependency) -> dependency.getTargetModule().getIdentifier() + "::"
					+ dependency.getTargetNamedInterface().getName())
			.contains("platform::csv");
	}

	private ApplicationModule module(String name) {
		return this.modules.getModuleByName(name).orElseThrow();
	}

	private static JavaClass type(ApplicationModule module, String name) {
		return module.getType(name).orElseThrow();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation().writeIndividualModulesAsPlantUml();
	}

}
