package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.growth.crm.CustomerBook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFM scoring against hand-computed examples, run through the very statement the
 * recompute uses, and the recompute of every customer checked against an independent
 * computation in Java.
 */
@SpringBootTest
class RfmScoringTests {

	@Autowired
	RfmScoring rfm;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	CustomerBook customers;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveCustomersScoreAsComputedByHand() {
		// recency: 400 < 200 < 30 < 10 = 10 days → ranks 1, 2, 3, 4, 4 → R = rank (n = 5)
		// frequency: 1 = 1 < 2 < 4 < 6 → ranks 1, 1, 3, 4, 5; monetary: 50 < 100 < 300 <
		// 1200 < 3000
		// averages: R 2.8, F 2.8, M 3.0 → high is R ≥ 3, F ≥ 3, M ≥ 4
		List<RfmScoring.Score> scores = this.rfm.score(List.of(figures(1, 10, 1, "100.00"), figures(2, 200, 1, "50.00"),
				figures(3, 30, 4, "1200.00"), figures(4, 400, 6, "3000.00"), figures(5, 10, 2, "300.00")));
		assertThat(scores).extracting(RfmScoring.Score::code).containsExactly("412", "211", "344", "155", "433");
		assertThat(scores).extracting(RfmScoring.Score::group)
			.containsExactly(RfmGroup.GENERAL_DEVELOP, RfmGroup.GENERAL_WINBACK, RfmGroup.IMPORTANT_VALUE,
					RfmGroup.IMPORTANT_KEEP, RfmGroup.GENERAL_VALUE);
	}

	@Test
	void tiesShareAScoreAndSevenCustomersSplitByTheShareThatIsWorse() {
		// monetary ranks 1..7 → 1 + ⌊5 × (rank − 1) / 7⌋ = 1, 1, 2, 3, 3, 4, 5 (average
		// 19/7)
		// recency and frequency all equal → all 1, nobody above the average 1
		List<RfmScoring.Figures> population = new java.util.ArrayList<>();
		for (int i = 1; i <= 7; i++) {
			population.add(figures(i, 5, 1, (i * 10) + ".00"));
		}
		List<RfmScoring.Score> scores = this.rfm.score(population);
		assertThat(scores).extracting(RfmScoring.Score::m).containsExactly(1, 1, 2, 3, 3, 4, 5);
		assertThat(scores).extracting(RfmScoring.Score::r).containsOnly(1);
		assertThat(scores).extracting(RfmScoring.Score::f).containsOnly(1);
		assertThat(scores).extracting(RfmScoring.Score::group)
			.containsExactly(RfmGroup.GENERAL_WINBACK, RfmGroup.GENERAL_WINBACK, RfmGroup.GENERAL_WINBACK,
					RfmGroup.IMPORTANT_WINBACK, RfmGroup.IMPORTANT_WINBACK, RfmGroup.IMPORTANT_WINBACK,
					RfmGroup.IMPORTANT_WINBACK);
	}

	@Test
	void aRecentBigSpenderWhoBoughtOnceIsToBeDeveloped() {
		// R: 100, 100, 1 days → ranks 1, 1, 3 → 1, 1, 4 (avg 2); F: 3, 3, 1 → ranks 2, 2,
		// 1 → 2, 2, 1 (avg 5/3)
		// M: 10, 20, 900 → 1, 2, 4 (avg 7/3)
		List<RfmScoring.Score> scores = this.rfm
			.score(List.of(figures(1, 100, 3, "10.00"), figures(2, 100, 3, "20.00"), figures(3, 1, 1, "900.00")));
		assertThat(scores).extracting(RfmScoring.Score::code).containsExactly("121", "122", "414");
		assertThat(scores).extracting(RfmScoring.Score::group)
			.containsExactly(RfmGroup.GENERAL_KEEP, RfmGroup.GENERAL_KEEP, RfmGroup.IMPORTANT_DEVELOP);
	}

	@Test
	void everyHighLowPatternHasItsOwnGroup() {
		assertThat(RfmGroup.of(true, true, true)).isEqualTo(RfmGroup.IMPORTANT_VALUE);
		assertThat(RfmGroup.of(true, false, true)).isEqualTo(RfmGroup.IMPORTANT_DEVELOP);
		assertThat(RfmGroup.of(false, true, true)).isEqualTo(RfmGroup.IMPORTANT_KEEP);
		assertThat(RfmGroup.of(false, false, true)).isEqualTo(RfmGroup.IMPORTANT_WINBACK);
		assertThat(RfmGroup.of(true, true, false)).isEqualTo(RfmGroup.GENERAL_VALUE);
		assertThat(RfmGroup.of(true, false, false)).isEqualTo(RfmGroup.GENERAL_DEVELOP);
		assertThat(RfmGroup.of(false, true, false)).isEqualTo(RfmGroup.GENERAL_KEEP);
		assertThat(RfmGroup.of(false, false, false)).isEqualTo(RfmGroup.GENERAL_WINBACK);
		assertThat(Arrays.stream(RfmGroup.values()).map(RfmGroup::name).distinct()).hasSize(8);
		assertThat(RfmGroup.parse(" IMPORTANT_VALUE ")).contains(RfmGroup.IMPORTANT_VALUE);
		assertThat(RfmGroup.parse("nope")).isEmpty();
	}

	@Test
	void theRecomputeScoresEveryCustomerWithAPaidOrderAgainstTheWholePopulation() {
		String site = SegmentFixtures.channel(this.channels);
		String prefix = SegmentFixtures.unique("RFM");
		Customer loyal = SegmentFixtures.buyer("常客" + prefix);
		long loyalId = SegmentFixtures.customerOf(this.jdbc,
				this.orders.place(SegmentFixtures.completed(site, prefix + "-1", loyal, "RFM-SKU", "120.00", 40))
					.order()
					.id());
		SegmentFixtures.customerOf(this.jdbc,
				this.orders.place(SegmentFixtures.completed(site, prefix + "-2", loyal, "RFM-SKU", "80.50", 3))
					.order()
					.id());
		long cancelledId = SegmentFixtures.customerOf(this.jdbc,
				this.orders
					.place(SegmentFixtures.cancelled(site, prefix + "-3", SegmentFixtures.buyer("取消" + prefix),
							"RFM-SKU", "10.00", 2))
					.order()
					.id());
		long duplicateId = SegmentFixtures.customerOf(this.jdbc,
				this.orders
					.place(SegmentFixtures.completed(site, prefix + "-4", SegmentFixtures.buyer("重复" + prefix),
							"RFM-SKU", "5.00", 9))
					.order()
					.id());
		this.rfm.recompute("test");
		assertThat(this.rfm.of(duplicateId)).isPresent();
		this.customers.merge(loyalId, duplicateId);
		// a merge drops the duplicate's scores at once
		assertThat(this.rfm.of(duplicateId)).isEmpty();

		RfmScoring.Run run = this.rfm.recompute("rfm-tester");

		RfmScoring.Score score = this.rfm.of(loyalId).orElseThrow();
		assertThat(score.recencyDays()).isBetween(2, 4);
		assertThat(score.frequency()).isEqualTo(3);
		assertThat(score.monetary()).isEqualByComparingTo("205.50");
		assertThat(this.rfm.of(cancelledId)).isEmpty();
		assertThat(this.rfm.of(duplicateId)).isEmpty();
		assertThat(this.rfm.lastRun()).hasValueSatisfying((last) -> {
			assertThat(last.actor()).isEqualTo("rfm-tester");
			assertThat(last.scored()).isEqualTo(run.scored());
		});
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'RFM_RECOMPUTED' AND summary = :summary")
					.param("summary", run.scored() + " customers, " + run.millis() + " ms")
					.query(Long.class)
					.single())
			.isPositive();

		// the stored scores are what an independent computation over all of them gives
		List<RfmScoring.Score> all = this.jdbc
			.sql("SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_group "
					+ "FROM customer_rfm")
			.query((rs, n) -> new RfmScoring.Score(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4),
					rs.getInt(5), rs.getInt(6), rs.getInt(7), RfmGroup.valueOf(rs.getString(8))))
			.list();
		assertThat(all).hasSize(run.scored());
		Map<Long, int[]> expected = expectedScores(all);
		long[] sums = new long[3];
		expected.values().forEach((s) -> {
			for (int i = 0; i < 3; i++) {
				sums[i] += s[i];
			}
		});
		long n = all.size();
		for (RfmScoring.Score stored : all) {
			int[] e = expected.get(stored.customerId());
			assertThat(new int[] { stored.r(), stored.f(), stored.m() }).as("customer %d", stored.customerId())
				.containsExactly(e);
			// high: above the average score, i.e. score × n > sum of scores
			assertThat(stored.group())
				.isEqualTo(RfmGroup.of(e[0] * n > sums[0], e[1] * n > sums[1], e[2] * n > sums[2]));
		}
	}

	/** 1 + ⌊5 × (customers strictly worse) / n⌋ for each of R, F and M. */
	private static Map<Long, int[]> expectedScores(List<RfmScoring.Score> all) {
		int n = all.size();
		int[] recency = all.stream().mapToInt(RfmScoring.Score::recencyDays).sorted().toArray();
		int[] frequency = all.stream().mapToInt(RfmScoring.Score::frequency).sorted().toArray();
		BigDecimal[] monetary = all.stream().map(RfmScoring.Score::monetary).sorted().toArray(BigDecimal[]::new);
		Map<Long, int[]> scores = new HashMap<>();
		for (RfmScoring.Score s : all) {
			long worseR = Arrays.stream(recency).filter((d) -> d > s.recencyDays()).count();
			long worseF = Arrays.stream(frequency).filter((f) -> f < s.frequency()).count();
			long worseM = Arrays.stream(monetary).filter((m) -> m.compareTo(s.monetary()) < 0).count();
			scores.put(s.customerId(),
					new int[] { (int) (1 + 5 * worseR / n), (int) (1 + 5 * worseF / n), (int) (1 + 5 * worseM / n) });
		}
		return scores;
	}

	private static RfmScoring.Figures figures(long id, int recencyDays, int frequency, String monetary) {
		return new RfmScoring.Figures(id, recencyDays, frequency, new BigDecimal(monetary));
	}

}
