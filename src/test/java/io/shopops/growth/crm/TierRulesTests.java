package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.util.List;

import io.shopops.growth.crm.TierRules.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tier rule by hand: the highest-ranked tier whose spend OR order threshold is met.
 */
class TierRulesTests {

	private static final List<Tier> TIERS = List.of(new Tier("SILVER", "银卡", 1, new BigDecimal("500"), 3),
			new Tier("DIAMOND", "钻石", 3, new BigDecimal("10000"), null),
			new Tier("GOLD", "金卡", 2, new BigDecimal("2000"), 8));

	@Test
	void theHighestTierMetWins() {
		assertThat(TierRules.tierFor(TIERS, new BigDecimal("499.99"), 2)).isNull();
		assertThat(TierRules.tierFor(TIERS, new BigDecimal("500"), 0)).isEqualTo("SILVER");
		assertThat(TierRules.tierFor(TIERS, new BigDecimal("10"), 3)).isEqualTo("SILVER");
		assertThat(TierRules.tierFor(TIERS, new BigDecimal("1999"), 8)).isEqualTo("GOLD");
		assertThat(TierRules.tierFor(TIERS, new BigDecimal("2000"), 1)).isEqualTo("GOLD");
		assertThat(TierRules.tierFor(TIERS, new BigDecimal("10000"), 0)).isEqualTo("DIAMOND");
		// an unused threshold never qualifies
		assertThat(TierRules.tierFor(TIERS, BigDecimal.ZERO, 1000)).isEqualTo("GOLD");
		assertThat(TierRules.tierFor(List.of(), new BigDecimal("99999"), 99)).isNull();
	}

}
