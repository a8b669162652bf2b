package io.shopops.dashboard;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BuyerKeyTests {

	private static final Instant PAID = Instant.parse("2026-12-01T02:00:00Z");

	@Test
	void theChannelsBuyerIdComesFirstWithinItsChannel() {
		assertThat(BuyerKey.of(KpiFixtures.order(1, "TMALL", KpiFixtures.buyerId(" tb_lily "), PAID, "1")))
			.isEqualTo("id:TMALL:tb_lily");
		assertThat(BuyerKey.of(KpiFixtures.order(1, "JD", KpiFixtures.buyerId("tb_lily"), PAID, "1")))
			.isEqualTo("id:JD:tb_lily");
	}

	@Test
	void thenThePhoneThenTheEmailThenTheOrder() {
		assertThat(BuyerKey.of(KpiFixtures.order(1, "JD", KpiFixtures.phone("+86 138-0013-8000"), PAID, "1")))
			.isEqualTo("phone:13800138000");
		assertThat(BuyerKey.of(KpiFixtures.order(1, "JD", KpiFixtures.phone("13800138000"), PAID, "1")))
			.isEqualTo("phone:13800138000");
		assertThat(BuyerKey.of(KpiFixtures.order(1, "JD", KpiFixtures.email(" Li.Lei@Example.COM "), PAID, "1")))
			.isEqualTo("email:li.lei@example.com");
		assertThat(BuyerKey.of(KpiFixtures.order(77, "JD", KpiFixtures.nobody(), PAID, "1"))).isEqualTo("order:77");
	}

	@Test
	void maskedValuesNameNobody() {
		assertThat(BuyerKey.of(KpiFixtures.order(5, "TMALL",
				new io.shopops.fulfilment.order.Customer("李*", "138****5678", "l***@example.com", "t**1"), PAID, "1")))
			.isEqualTo("order:5");
	}

}
