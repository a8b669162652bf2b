package io.shopops.fulfilment.catalog.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derivation and disambiguation of SKUs.
 */
class SkuRulesTests {

	@Test
	void slugsOptionValues() {
		assertThat(SkuRules.slug("14 Inches")).isEqualTo("14-inches");
		assertThat(SkuRules.slug("  Dark__Blue / Navy  ")).isEqualTo("dark-blue-navy");
		assertThat(SkuRules.slug("12\"")).isEqualTo("12");
		assertThat(SkuRules.slug("22-22.5")).isEqualTo("22-22-5");
		assertThat(SkuRules.slug("红色 / 大号")).isEqualTo("红色-大号");
		assertThat(SkuRules.slug("Café Crème")).isEqualTo("café-crème");
		assertThat(SkuRules.slug("---")).isEmpty();
		assertThat(SkuRules.slug(List.of("14 Inches", "", "3B/3C"))).isEqualTo("14-inches-3b-3c");
	}

	@Test
	void derivesSkuFromHandleAndOptionValues() {
		assertThat(SkuRules.derive("classic-varsity-top", List.of("Small"))).isEqualTo("classic-varsity-top-small");
		assertThat(SkuRules.derive("tee", List.of("M", "Red"))).isEqualTo("tee-m-red");
		assertThat(SkuRules.derive("ocean-blue-shirt", List.of())).isEqualTo("ocean-blue-shirt");
		assertThat(SkuRules.derive("tee", List.of("!!!"))).isEqualTo("tee");
	}

	@Test
	void disambiguatesRepeatedSkuWithOptionValuesThenCounter() {
		Set<String> taken = new HashSet<>(Set.of("ROUTEINS"));
		assertThat(SkuRules.disambiguate("ROUTEINS", List.of("1.15"), taken::contains)).isEqualTo("ROUTEINS-1-15");
		taken.add("X-m");
		taken.add("X");
		assertThat(SkuRules.disambiguate("X", List.of("M"), taken::contains)).isEqualTo("X-m-2");
		taken.add("X-m-2");
		assertThat(SkuRules.disambiguate("X", List.of("M"), taken::contains)).isEqualTo("X-m-3");
		assertThat(SkuRules.disambiguate("X", List.of(), taken::contains)).isEqualTo("X-2");
	}

	@Test
	void capsLongSkusWithHashSuffix() {
		String handle = "mongolian-kinky-curly-5x5-hd-lace-closure-hair-extensions";
		String sku = SkuRules.derive(handle, List.of("20 Inches", "Kinky Curly 3B/3C"));
		assertThat(sku).hasSize(64).startsWith("mongolian-kinky-curly-5x5-hd-lace-closure-hair-extensio-");
		assertThat(sku).matches(".{55}-[0-9a-f]{8}");
		assertThat(SkuRules.derive(handle, List.of("20 Inches", "Kinky Curly 3B/3C"))).isEqualTo(sku);
		assertThat(SkuRules.derive(handle, List.of("22 Inches", "Kinky Curly 3B/3C"))).isNotEqualTo(sku);
		assertThat(SkuRules.cap("a".repeat(64))).isEqualTo("a".repeat(64));
	}

	@Test
	void capDropsTrailingDashBeforeHashAndKeepsSurrogatePairsWhole() {
		assertThat(SkuRules.cap("a".repeat(54) + "-" + "b".repeat(20))).matches("a{54}-[0-9a-f]{8}");
		String emoji = "\uD83D\uDE00";
		String capped = SkuRules.cap("a".repeat(54) + emoji + "b".repeat(20));
		assertThat(capped).isEqualTo("a".repeat(54) + capped.substring(54)).matches("a{54}-[0-9a-f]{8}");
	}

	@Test
	void hashesDistinguishSimilarSkus() {
		Set<Long> hashes = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			hashes.add(SkuRules.hash64("SKU-" + i));
		}
		assertThat(hashes).hasSize(100_000);
		assertThat(SkuRules.hash64("ab")).isNotEqualTo(SkuRules.hash64("ba"));
	}

}
