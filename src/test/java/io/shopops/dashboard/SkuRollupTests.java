package io.shopops.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rollup per day, channel and SKU ({@code kpi_sku_day}) that the product performance
 * page reads: kept by the listeners' calls, equal to a recomputation of the final truth
 * and to the verification's recomputation from the facts, with refunds days later and
 * around local midnight.
 */
@SpringBootTest
class SkuRollupTests {

	@Autowired
	KpiRollups rollups;

	@Autowired
	KpiVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refundsCountOnTheirOwnDayAndCorrectionsMoveTheLines() {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		String a = channel + "-A";
		String b = channel + "-B";
		LocalDate day1 = LocalDate.of(2037, 3, 10);
		// the last second of day 1, local time
		Instant lateDay1 = day1.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
		OrderSnapshot first = KpiFixtures.order(KpiFixtures.nextId(), channel, lateDay1, a, 2, "200.00", b, 1, "35.50");
		this.rollups.recordOrder(first);
		this.rollups.recordOrder(first); // redelivered: nothing changes
		OrderSnapshot second = KpiFixtures.order(KpiFixtures.nextId(), channel, lateDay1.plusSeconds(2), a, 1,
				"100.00");
		this.rollups.recordOrder(second);
		// one unit of A of the first order refunded at the first second of day 3
		Instant day3 = day1.plusDays(2).atStartOfDay(zone).toInstant();
		RefundCompleted refund = KpiFixtures.refund(KpiFixtures.nextId(), first, day3, a, 1, "100.00");
		this.rollups.recordRefund(refund);
		this.rollups.recordRefund(refund);

		assertThat(rows(channel)).containsExactly(row(day1, a, 2, "200.00", 0, "0.00"),
				row(day1, b, 1, "35.50", 0, "0.00"), row(day1.plusDays(1), a, 1, "100.00", 0, "0.00"),
				row(day1.plusDays(2), a, 0, "0.00", 1, "100.00"));

		// the first order was corrected: paid a day later, B now 3 units
		OrderSnapshot corrected = KpiFixtures.order(first.id(), channel, lateDay1.plusSeconds(86_400), a, 2, "200.00",
				b, 3, "90.00");
		this.rollups.recordOrder(corrected);
		assertThat(rows(channel)).containsExactly(row(day1.plusDays(1), a, 3, "300.00", 0, "0.00"),
				row(day1.plusDays(1), b, 3, "90.00", 0, "0.00"), row(day1.plusDays(2), a, 0, "0.00", 1, "100.00"));
		assertThat(this.verification.verify(new KpiRange(day1.minusDays(1), day1.plusDays(3))).differences()).isEmpty();
	}

	@Test
	void theVerificationFindsARollupRowThatDiffers() {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day = LocalDate.of(2037, 4, 2);
		String sku = channel + "-X";
		this.rollups.recordOrder(KpiFixtures.order(KpiFixtures.nextId(), channel,
				day.atTime(12, 0).atZone(zone).toInstant(), sku, 4, "40.00"));
		KpiRange range = new KpiRange(day, day);
		assertThat(this.verification.verify(range).differences()).isEmpty();
		this.jdbc.sql("UPDATE kpi_sku_day SET units = units + 1 WHERE sku = :sku").param("sku", sku).update();
		List<KpiVerification.Difference> differences = this.verification.verify(range).differences();
		assertThat(differences).extracting(KpiVerification.Difference::figure).containsExactly("skuUnits");
		assertThat(differences.get(0).scope()).isEqualTo(day + " " + channel + " " + sku);
		assertThat(differences.get(0).rollup()).isEqualTo("5");
		assertThat(differences.get(0).recomputed()).isEqualTo("4");
		this.jdbc.sql("DELETE FROM kpi_sku_day WHERE sku = :sku").param("sku", sku).update();
		assertThat(this.verification.verify(range).differences()).extracting(KpiVerification.Difference::figure)
			.containsExactly("skuUnits", "skuGmv", "skuOrders");
		this.jdbc.sql("""
				INSERT INTO kpi_sku_day (day, channel_code, sku, units, gmv, orders)
				VALUES (:day, :channel, :sku, 4, 40, 1)""")
			.param("day", day)
			.param("channel", channel)
			.param("sku", sku)
			.update();
		assertThat(this.verification.verify(range).differences()).isEmpty();
	}

	@Test
	void aRebuildRecomputesTheRollupFromTheFacts() {
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		LocalDate day = LocalDate.of(2037, 5, 20);
		String sku = channel + "-R";
		OrderSnapshot order = KpiFixtures.order(KpiFixtures.nextId(), channel,
				day.atTime(23, 59, 59).atZone(zone).toInstant(), sku, 2, "30.00");
		this.rollups.recordOrder(order);
		this.rollups.recordRefund(KpiFixtures.refund(KpiFixtures.nextId(), order,
				day.plusDays(1).atStartOfDay(zone).toInstant(), sku, 1, "15.00"));
		List<String> before = rows(channel);
		assertThat(before).containsExactly(row(day, sku, 2, "30.00", 0, "0.00"),
				row(day.plusDays(1), sku, 0, "0.00", 1, "15.00"));
		this.jdbc.sql("UPDATE kpi_sku_day SET gmv = 0 WHERE sku = :sku").param("sku", sku).update();
		this.jdbc.sql("INSERT INTO kpi_sku_day (day, channel_code, sku, units) VALUES (:day, :channel, :sku, 9)")
			.param("day", day.plusDays(5))
			.param("channel", channel)
			.param("sku", sku)
			.update();
		this.rollups.rebuild(zone);
		assertThat(rows(channel)).isEqualTo(before);
	}

	static List<Long> seeds() {
		List<Long> seeds = new ArrayList<>(List.of(1L, 7L, 20261203L));
		Random random = new Random();
		for (int i = 0; i < 4; i++) {
			seeds.add(random.nextLong());
		}
		return seeds;
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theRollupEqualsARecomputationOfTheHistory(long seed) {
		Random random = new Random(seed);
		ZoneId zone = this.rollups.zone();
		String channel = KpiFixtures.channel();
		String[] skus = { channel + "-1", channel + "-2", channel + "-3", channel + "-4" };
		LocalDate firstDay = LocalDate.of(2041 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(20));
		int spanDays = 4;
		Map<Long, OrderSnapshot> truth = new LinkedHashMap<>();
		List<OrderSnapshot> events = new ArrayList<>();
		List<OrderSnapshot> corrections = new ArrayList<>();
		List<RefundCompleted> refunds = new ArrayList<>();
		int orders = 8 + random.nextInt(25);
		for (int i = 0; i < orders; i++) {
			long id = KpiFixtures.nextId();
			OrderSnapshot order = KpiFixtures.order(id, channel, aroundMidnight(random, firstDay, spanDays, zone),
					lines(random, skus));
			events.add(order);
			if (random.nextBoolean()) {
				events.add(order);
			}
			OrderSnapshot last = order;
			if (random.nextInt(4) == 0) {
				// corrected later: another payment time, other lines, or both
				last = KpiFixtures
					.order(id, channel,
							random.nextBoolean() ? aroundMidnight(random, firstDay, spanDays, zone)
									: order.times().paidAt(),
							random.nextBoolean() ? lines(random, skus) : flatten(order));
				corrections.add(last);
			}
			truth.put(id, last);
			if (random.nextInt(3) == 0) {
				OrderSnapshot.Line line = last.lines().get(random.nextInt(last.lines().size()));
				int quantity = 1 + random.nextInt(line.quantity());
				String amount = line.amount()
					.multiply(BigDecimal.valueOf(quantity))
					.divide(BigDecimal.valueOf(line.quantity()), 2, java.math.RoundingMode.DOWN)
					.toPlainString();
				// days later, often across a local midnight
				Instant at = last.times().paidAt().plusSeconds(random.nextInt(3 * 24 * 3600));
				refunds.add(KpiFixtures.refund(KpiFixtures.nextId(), last, at, line.sku(), quantity, amount));
			}
		}
		List<Object> all = new ArrayList<>(events);
		all.addAll(refunds);
		refunds.stream().filter((r) -> random.nextBoolean()).forEach(all::add);
		Collections.shuffle(all, random);
		all.addAll(corrections);
		for (Object event : all) {
			if (event instanceof OrderSnapshot order) {
				this.rollups.recordOrder(order);
			}
			else {
				this.rollups.recordRefund((RefundCompleted) event);
			}
		}

		Map<String, String> expected = new TreeMap<>();
		Map<String, long[]> units = new HashMap<>();
		Map<String, BigDecimal[]> money = new HashMap<>();
		for (OrderSnapshot order : truth.values()) {
			LocalDate day = LocalDate.ofInstant(order.times().paidAt(), zone);
			for (OrderSnapshot.Line line : order.lines()) {
				String key = day + " " + line.sku();
				units.computeIfAbsent(key, (k) -> new long[2])[0] += line.quantity();
				BigDecimal[] m = money.computeIfAbsent(key,
						(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				m[0] = m[0].add(line.amount());
			}
		}
		for (RefundCompleted refund : refunds) {
			LocalDate day = LocalDate.ofInstant(refund.at(), zone);
			for (RefundCompleted.Line line : refund.lines()) {
				String key = day + " " + line.sku();
				units.computeIfAbsent(key, (k) -> new long[2])[1] += line.quantity();
				BigDecimal[] m = money.computeIfAbsent(key,
						(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
				m[1] = m[1].add(line.amount());
			}
		}
		units.forEach((key, u) -> {
			BigDecimal[] m = money.get(key);
			expected.put(key, u[0] + " " + m[0].setScale(2) + " " + u[1] + " " + m[1].setScale(2));
		});
		Map<String, String> actual = new TreeMap<>();
		this.jdbc
			.sql("""
					SELECT day, sku, units, gmv, refunded_units, refund_amount FROM kpi_sku_day WHERE channel_code = :channel""")
			.param("channel", channel)
			.query((rs, n) -> actual.put(rs.getDate(1).toLocalDate() + " " + rs.getString(2),
					rs.getLong(3) + " " + rs.getBigDecimal(4) + " " + rs.getLong(5) + " " + rs.getBigDecimal(6)))
			.list();
		assertThat(actual).as("seed %d", seed).isEqualTo(expected);
		KpiRange whole = new KpiRange(firstDay.minusDays(1), firstDay.plusDays(spanDays + 4));
		assertThat(this.verification.verify(whole).differences()).as("seed %d", seed).isEmpty();
	}

	private static Object[] lines(Random random, String[] skus) {
		int count = 1 + random.nextInt(3);
		List<Object> lines = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			lines.add(skus[random.nextInt(skus.length)]);
			lines.add(1 + random.nextInt(4));
			lines.add(BigDecimal.valueOf(random.nextInt(50_000) + 100, 2).toPlainString());
		}
		return lines.toArray();
	}

	private static Object[] flatten(OrderSnapshot order) {
		List<Object> lines = new ArrayList<>();
		for (OrderSnapshot.Line line : order.lines()) {
			lines.add(line.sku());
			lines.add(line.quantity());
			lines.add(line.amount().toPlainString());
		}
		return lines.toArray();
	}

	private static Instant aroundMidnight(Random random, LocalDate firstDay, int spanDays, ZoneId zone) {
		LocalDateTime midnight = firstDay.plusDays(random.nextInt(spanDays)).atStartOfDay();
		long offsetSeconds = random.nextInt(600) - 300;
		return midnight.atZone(zone).toInstant().plusSeconds(offsetSeconds);
	}

	private List<String> rows(String channel) {
		return this.jdbc.sql("""
				SELECT day, sku, units, gmv, refunded_units, refund_amount FROM kpi_sku_day
				WHERE channel_code = :channel ORDER BY day, sku""")
			.param("channel", channel)
			.query((rs, n) -> rs.getDate(1).toLocalDate() + " " + rs.getString(2) + " " + rs.getLong(3) + " "
					+ rs.getBigDecimal(4) + " " + rs.getLong(5) + " " + rs.getBigDecimal(6))
			.list();
	}

	private static String row(LocalDate day, String sku, long units, String gmv, long refunded, String amount) {
		return day + " " + sku + " " + units + " " + gmv + " " + refunded + " " + amount;
	}

}
