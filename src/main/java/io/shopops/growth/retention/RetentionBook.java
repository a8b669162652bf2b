package io.shopops.growth.retention;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.growth.crm.CustomerHook;
import io.shopops.growth.retention.RetentionMath.Contribution;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps retention's own facts of customers' paid orders, refunds and bought products, and
 * the rollups the retention pages read. It is fed by CRM's recording of the order and
 * refund events ({@link CustomerHook}, inside that transaction, so the customer is always
 * known) and by merges; {@link RetentionCatchUp} fills in what is missing. Every change
 * subtracts the customer's contribution, changes the facts and adds the contribution
 * again, so a re-delivered event changes nothing.
 */
@Service
class RetentionBook implements CustomerHook {

	/** The key of the transaction lock every change of the rollups takes. */
	private static final long RETENTION_LOCK = 0x52455401L;

	private static final Map<OrderStatus, Integer> RANK = Map.of(OrderStatus.PENDING_PAYMENT, 0,
			OrderStatus.AWAITING_STOCK, 1, OrderStatus.PAID, 2, OrderStatus.PARTIALLY_SHIPPED, 3, OrderStatus.SHIPPED,
			4, OrderStatus.DELIVERED, 5, OrderStatus.COMPLETED, 6, OrderStatus.CANCELLED, 7, OrderStatus.CLOSED, 7);

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	RetentionBook(JdbcClient jdbc, ProductCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	@Override
	@Transactional
	public void orderRecorded(long customerId, OrderSnapshot order) {
		if (order.times() == null || order.times().paidAt() == null) {
			return;
		}
		Instant paidAt = order.times().paidAt().truncatedTo(ChronoUnit.MICROS);
		BigDecimal amount = (order.paidAmount() != null) ? order.paidAmount().setScale(2, RoundingMode.HALF_UP)
				: BigDecimal.ZERO;
		lock();
		Map<String, Object> old = this.jdbc
			.sql("SELECT customer_id, paid_at, paid_amount FROM retention_order WHERE order_id = :id")
			.param("id", order.id())
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		Long oldCustomer = (old != null) ? ((Number) old.get("customer_id")).longValue() : null;
		boolean same = old != null && oldCustomer == customerId
				&& ((Timestamp) old.get("paid_at")).toInstant().equals(paidAt)
				&& ((BigDecimal) old.get("paid_amount")).compareTo(amount) == 0;
		ZoneId zone = same ? null : zone();
		if (!same) {
			apply(customerId, -1, zone);
			if (oldCustomer != null && oldCustomer != customerId) {
				apply(oldCustomer, -1, zone);
			}
		}
		this.jdbc.sql("""
				INSERT INTO retention_order (order_id, customer_id, paid_at, paid_amount, status, status_rank)
				VALUES (:id, :customer, :paidAt, :amount, :status, :rank)
				ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, paid_at = EXCLUDED.paid_at,
				  paid_amount = EXCLUDED.paid_amount,
				  status = CASE WHEN EXCLUDED.status_rank >= retention_order.status_rank THEN EXCLUDED.status
				                ELSE retention_order.status END,
				  status_rank = greatest(retention_order.status_rank, EXCLUDED.status_rank), recorded_at = now()
				""")
			.param("id", order.id())
			.param("customer", customerId)
			.param("paidAt", Timestamp.from(paidAt))
			.param("amount", amount)
			.param("status", order.status().name())
			.param("rank", RANK.getOrDefault(order.status(), 0))
			.update();
		recordProducts(order);
		if (!same) {
			apply(customerId, 1, zone);
			if (oldCustomer != null && oldCustomer != customerId) {
				apply(oldCustomer, 1, zone);
			}
		}
	}

	/**
	 * Records a batch of orders CRM just recorded with the figures of
	 * {@link #orderRecorded} for each in turn, in a few statements: each customer's
	 * contribution is taken off once, the orders and products written, and the
	 * contribution added again (a contribution depends only on the customer's facts, so
	 * the single steps add up to this). Orders retention knows already go one by one.
	 */
	@Override
	@Transactional
	public void ordersRecorded(List<RecordedOrder> orders) {
		List<RecordedOrder> paid = orders.stream()
			.filter((o) -> o.order().times() != null && o.order().times().paidAt() != null)
			.toList();
		if (paid.isEmpty()) {
			return;
		}
		Long[] ids = paid.stream().map((o) -> o.order().id()).distinct().toArray(Long[]::new);
		lock();
		boolean known = ids.length != paid.size()
				|| this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM retention_order WHERE order_id = ANY (:ids::bigint[]))")
					.param("ids", ids)
					.query(Boolean.class)
					.single();
		if (known) {
			CustomerHook.super.ordersRecorded(orders);
			return;
		}
		ZoneId zone = zone();
		Long[] customers = paid.stream().map(RecordedOrder::customerId).distinct().sorted().toArray(Long[]::new);
		Deltas deltas = new Deltas();
		contributions(customers, zone, -1, deltas);
		this.jdbc.sql("""
				INSERT INTO retention_order (order_id, customer_id, paid_at, paid_amount, status, status_rank)
				SELECT * FROM unnest(:ids::bigint[], :customers::bigint[], :paidAt::timestamptz[], :amounts::numeric[],
				  :statuses::text[], :ranks::int[])""")
			.param("ids", ids)
			.param("customers", paid.stream().map(RecordedOrder::customerId).toArray(Long[]::new))
			.param("paidAt",
					paid.stream()
						.map((o) -> o.order().times().paidAt().truncatedTo(ChronoUnit.MICROS).toString())
						.toArray(String[]::new))
			.param("amounts",
					paid.stream()
						.map((o) -> (o.order().paidAmount() != null)
								? o.order().paidAmount().setScale(2, RoundingMode.HALF_UP).toPlainString() : "0.00")
						.toArray(String[]::new))
			.param("statuses", paid.stream().map((o) -> o.order().status().name()).toArray(String[]::new))
			.param("ranks", paid.stream().map((o) -> RANK.getOrDefault(o.order().status(), 0)).toArray(Integer[]::new))
			.update();
		recordProducts(paid.stream().map(RecordedOrder::order).toList());
		contributions(customers, zone, 1, deltas);
		deltas.write();
	}

	/**
	 * Adds what the customers' facts contribute now, times {@code sign}, to the deltas,
	 * as {@link #apply} would write it.
	 */
	private void contributions(Long[] customers, ZoneId zone, int sign, Deltas deltas) {
		Map<Long, List<RetentionMath.Paid>> orders = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT customer_id, order_id, paid_at, paid_amount FROM retention_order "
					+ "WHERE customer_id = ANY (:ids::bigint[])")
			.param("ids", customers)
			.query((rs, row) -> orders.computeIfAbsent(rs.getLong(1), (k) -> new java.util.ArrayList<>())
				.add(new RetentionMath.Paid(rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4))))
			.list();
		Map<Long, List<RetentionMath.Money>> refunds = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT o.customer_id, r.refunded_at, r.amount FROM retention_refund r
				JOIN retention_order o ON o.order_id = r.order_id WHERE o.customer_id = ANY (:ids::bigint[])""")
			.param("ids", customers)
			.query((rs, row) -> refunds.computeIfAbsent(rs.getLong(1), (k) -> new java.util.ArrayList<>())
				.add(new RetentionMath.Money(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3))))
			.list();
		for (Long customer : customers) {
			List<RetentionMath.Paid> paid = orders.getOrDefault(customer, List.of());
			if (!paid.isEmpty()) {
				deltas.add(RetentionMath.of(paid, refunds.getOrDefault(customer, List.of()), zone), sign);
			}
		}
	}

	/**
	 * The changes of the three rollups a batch makes, summed per row; every row a
	 * contribution touches is written (with zero when the changes cancel), as
	 * {@link #apply} writes them.
	 */
	private final class Deltas {

		private final Map<List<Object>, BigDecimal[]> cohorts = new java.util.TreeMap<>(Deltas::compare);

		private final Map<List<Object>, int[]> periods = new java.util.TreeMap<>(Deltas::compare);

		private final long[] gaps = new long[RetentionMath.Contribution.NONE.gaps().length];

		private final boolean[] gapTouched = new boolean[this.gaps.length];

		void add(Contribution contribution, int sign) {
			BigDecimal factor = BigDecimal.valueOf(sign);
			for (RetentionMath.CohortCell cell : contribution.cells()) {
				BigDecimal[] row = this.cohorts.computeIfAbsent(List.of(cell.cohort(), cell.offset()),
						(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO });
				row[0] = row[0].add(BigDecimal.valueOf((long) sign * cell.customers()));
				row[1] = row[1].add(cell.paid().multiply(factor));
				row[2] = row[2].add(cell.refunded().multiply(factor));
			}
			for (RetentionMath.PeriodCell period : contribution.periods()) {
				int[] row = this.periods.computeIfAbsent(List.of(String.valueOf(period.kind()), period.start()),
						(k) -> new int[2]);
				row[0] += sign * period.buyers();
				row[1] += sign * period.repeatBuyers();
			}
			int[] counted = contribution.gaps();
			for (int bucket = 0; bucket < counted.length; bucket++) {
				if (counted[bucket] != 0) {
					this.gaps[bucket] += (long) sign * counted[bucket];
					this.gapTouched[bucket] = true;
				}
			}
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static int compare(List<Object> a, List<Object> b) {
			for (int i = 0; i < a.size(); i++) {
				int c = ((Comparable) a.get(i)).compareTo(b.get(i));
				if (c != 0) {
					return c;
				}
			}
			return 0;
		}

		void write() {
			if (!this.cohorts.isEmpty()) {
				List<List<Object>> keys = new java.util.ArrayList<>(this.cohorts.keySet());
				RetentionBook.this.jdbc
					.sql("""
							INSERT INTO retention_cohort_month (cohort, month_offset, customers, paid_amount, refund_amount)
							SELECT u.cohort, u.month_offset, u.customers, u.paid, u.refunded
							FROM unnest(:cohorts::date[], :offsets::int[], :customers::int[], :paid::numeric[],
							  :refunded::numeric[]) WITH ORDINALITY AS u (cohort, month_offset, customers, paid, refunded, n)
							ORDER BY u.n
							ON CONFLICT (cohort, month_offset) DO UPDATE SET
							  customers = retention_cohort_month.customers + EXCLUDED.customers,
							  paid_amount = retention_cohort_month.paid_amount + EXCLUDED.paid_amount,
							  refund_amount = retention_cohort_month.refund_amount + EXCLUDED.refund_amount""")
					.param("cohorts", keys.stream().map((k) -> k.get(0).toString()).toArray(String[]::new))
					.param("offsets", keys.stream().map((k) -> (Integer) k.get(1)).toArray(Integer[]::new))
					.param("customers",
							keys.stream().map((k) -> this.cohorts.get(k)[0].intValueExact()).toArray(Integer[]::new))
					.param("paid",
							keys.stream().map((k) -> this.cohorts.get(k)[1].toPlainString()).toArray(String[]::new))
					.param("refunded",
							keys.stream().map((k) -> this.cohorts.get(k)[2].toPlainString()).toArray(String[]::new))
					.update();
			}
			if (!this.periods.isEmpty()) {
				List<List<Object>> keys = new java.util.ArrayList<>(this.periods.keySet());
				RetentionBook.this.jdbc.sql("""
						INSERT INTO retention_period (kind, period_start, buyers, repeat_buyers)
						SELECT u.kind, u.period_start, u.buyers, u.repeat_buyers
						FROM unnest(:kinds::text[], :starts::date[], :buyers::int[], :repeats::int[]) WITH ORDINALITY
						  AS u (kind, period_start, buyers, repeat_buyers, n)
						ORDER BY u.n
						ON CONFLICT (kind, period_start) DO UPDATE SET
						  buyers = retention_period.buyers + EXCLUDED.buyers,
						  repeat_buyers = retention_period.repeat_buyers + EXCLUDED.repeat_buyers""")
					.param("kinds", keys.stream().map((k) -> (String) k.get(0)).toArray(String[]::new))
					.param("starts", keys.stream().map((k) -> k.get(1).toString()).toArray(String[]::new))
					.param("buyers", keys.stream().map((k) -> this.periods.get(k)[0]).toArray(Integer[]::new))
					.param("repeats", keys.stream().map((k) -> this.periods.get(k)[1]).toArray(Integer[]::new))
					.update();
			}
			List<Integer> buckets = new java.util.ArrayList<>();
			List<Long> counts = new java.util.ArrayList<>();
			for (int bucket = 0; bucket < this.gaps.length; bucket++) {
				if (this.gapTouched[bucket]) {
					buckets.add(bucket);
					counts.add(this.gaps[bucket]);
				}
			}
			if (!buckets.isEmpty()) {
				RetentionBook.this.jdbc.sql("""
						INSERT INTO retention_gap (bucket, gaps)
						SELECT * FROM unnest(:buckets::int[], :gaps::bigint[])
						ON CONFLICT (bucket) DO UPDATE SET gaps = retention_gap.gaps + EXCLUDED.gaps""")
					.param("buckets", buckets.toArray(Integer[]::new))
					.param("gaps", counts.toArray(Long[]::new))
					.update();
			}
		}

	}

	/**
	 * The products of a batch's lines, as {@link #recordProducts(OrderSnapshot)} for
	 * each, the catalog asked once for every SKU.
	 */
	private void recordProducts(List<OrderSnapshot> orders) {
		java.util.Set<String> skus = new java.util.HashSet<>();
		for (OrderSnapshot order : orders) {
			if (order.lines() != null) {
				for (OrderSnapshot.Line line : order.lines()) {
					if (line.sku() != null && !line.sku().isBlank()) {
						skus.add(line.sku());
					}
				}
			}
		}
		Map<String, ProductMatch> matches = this.catalog.findBySkus(skus);
		List<Long> rowOrders = new java.util.ArrayList<>();
		List<Long> rowProducts = new java.util.ArrayList<>();
		List<String> rowTitles = new java.util.ArrayList<>();
		for (OrderSnapshot order : orders) {
			if (order.lines() == null) {
				continue;
			}
			for (OrderSnapshot.Line line : order.lines()) {
				ProductMatch match = (line.sku() != null) ? matches.get(line.sku()) : null;
				if (match == null) {
					continue;
				}
				rowOrders.add(order.id());
				rowProducts.add(match.productId());
				rowTitles.add((match.title() != null && match.title().length() > 255) ? match.title().substring(0, 255)
						: match.title());
			}
		}
		if (rowOrders.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO retention_purchase (order_id, product_id, title)
				SELECT * FROM unnest(:orders::bigint[], :products::bigint[], :titles::text[]) ON CONFLICT DO NOTHING""")
			.param("orders", rowOrders.toArray(Long[]::new))
			.param("products", rowProducts.toArray(Long[]::new))
			.param("titles", rowTitles.toArray(String[]::new))
			.update();
	}

	@Override
	@Transactional
	public void refundRecorded(long customerId, RefundCompleted refund) {
		refund(refund.requestId(), refund.orderId(), refund.amount(), refund.at());
	}

	/**
	 * Records a refund once per after-sales request.
	 * @return whether it was new
	 */
	@Transactional
	boolean refund(long requestId, long orderId, BigDecimal amount, Instant at) {
		lock();
		Long customerId = this.jdbc.sql("SELECT customer_id FROM retention_order WHERE order_id = :id")
			.param("id", orderId)
			.query(Long.class)
			.optional()
			.orElse(null);
		boolean seen = this.jdbc.sql("SELECT count(*) FROM retention_refund WHERE request_id = :id")
			.param("id", requestId)
			.query(Long.class)
			.single() > 0;
		if (seen) {
			return false;
		}
		ZoneId zone = zone();
		if (customerId != null) {
			apply(customerId, -1, zone);
		}
		this.jdbc
			.sql("INSERT INTO retention_refund (request_id, order_id, amount, refunded_at) "
					+ "VALUES (:request, :order, :amount, :at) ON CONFLICT DO NOTHING")
			.param("request", requestId)
			.param("order", orderId)
			.param("amount", amount.setScale(2, RoundingMode.HALF_UP))
			.param("at", Timestamp.from(at.truncatedTo(ChronoUnit.MICROS)))
			.update();
		if (customerId != null) {
			apply(customerId, 1, zone);
		}
		return true;
	}

	@Override
	@Transactional
	public void merged(long survivorId, long duplicateId) {
		lock();
		ZoneId zone = zone();
		apply(survivorId, -1, zone);
		apply(duplicateId, -1, zone);
		this.jdbc.sql("UPDATE retention_order SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		apply(survivorId, 1, zone);
	}

	/**
	 * Recomputes every rollup from the facts, with months in the given time zone.
	 */
	@Transactional
	void rebuild(ZoneId zone) {
		lock();
		this.jdbc.sql("TRUNCATE retention_cohort_month, retention_period, retention_gap").update();
		// each customer's cohort, once, indexed: the joins below stay hash or index joins
		this.jdbc.sql("DROP TABLE IF EXISTS retention_rebuild_first").update();
		this.jdbc.sql("""
				CREATE TEMPORARY TABLE retention_rebuild_first ON COMMIT DROP AS
				SELECT DISTINCT ON (customer_id) customer_id,
				       date_trunc('month', paid_at AT TIME ZONE :zone)::date AS cohort
				FROM retention_order ORDER BY customer_id, paid_at, order_id""").param("zone", zone.getId()).update();
		this.jdbc.sql("ALTER TABLE retention_rebuild_first ADD PRIMARY KEY (customer_id)").update();
		this.jdbc.sql("ANALYZE retention_rebuild_first").update();
		String offset = "((extract(year FROM {m}) * 12 + extract(month FROM {m})) "
				+ "- (extract(year FROM f.cohort) * 12 + extract(month FROM f.cohort)))::int";
		this.jdbc.sql("""
				INSERT INTO retention_cohort_month (cohort, month_offset, customers, paid_amount)
				SELECT f.cohort, x.k, count(DISTINCT o.customer_id), sum(o.paid_amount)
				FROM retention_order o JOIN retention_rebuild_first f ON f.customer_id = o.customer_id
				CROSS JOIN LATERAL (SELECT date_trunc('month', o.paid_at AT TIME ZONE :zone)::date AS m) om
				CROSS JOIN LATERAL (SELECT {offset} AS k) x
				WHERE x.k BETWEEN 0 AND 12 GROUP BY 1, 2
				""".replace("{offset}", offset.replace("{m}", "om.m"))).param("zone", zone.getId()).update();
		this.jdbc.sql("""
				INSERT INTO retention_cohort_month (cohort, month_offset, refund_amount)
				SELECT f.cohort, x.k, sum(r.amount)
				FROM retention_refund r JOIN retention_order o ON o.order_id = r.order_id
				JOIN retention_rebuild_first f ON f.customer_id = o.customer_id
				CROSS JOIN LATERAL (SELECT date_trunc('month', r.refunded_at AT TIME ZONE :zone)::date AS m) rm
				CROSS JOIN LATERAL (SELECT {offset} AS k) x
				WHERE x.k BETWEEN 0 AND 12 GROUP BY 1, 2
				ON CONFLICT (cohort, month_offset)
				DO UPDATE SET refund_amount = retention_cohort_month.refund_amount + EXCLUDED.refund_amount
				""".replace("{offset}", offset.replace("{m}", "rm.m"))).param("zone", zone.getId()).update();
		for (String[] kind : new String[][] { { "M", "month" }, { "Q", "quarter" }, { "Y", "year" } }) {
			this.jdbc.sql("""
					INSERT INTO retention_period (kind, period_start, buyers, repeat_buyers)
					SELECT :kind, p, count(*), count(*) FILTER (WHERE n >= 2)
					FROM (SELECT customer_id, date_trunc(:unit, paid_at AT TIME ZONE :zone)::date AS p, count(*) AS n
					      FROM retention_order GROUP BY 1, 2) b
					GROUP BY p""").param("kind", kind[0]).param("unit", kind[1]).param("zone", zone.getId()).update();
		}
		this.jdbc.sql("""
				INSERT INTO retention_gap (bucket, gaps)
				SELECT width_bucket(gap, ARRAY[1, 8, 15, 31, 61, 91, 181, 366]), count(*)
				FROM (SELECT (paid_at AT TIME ZONE :zone)::date
				             - lag((paid_at AT TIME ZONE :zone)::date)
				                 OVER (PARTITION BY customer_id ORDER BY paid_at, order_id) AS gap
				      FROM retention_order) g
				WHERE gap IS NOT NULL GROUP BY 1""").param("zone", zone.getId()).update();
		this.jdbc.sql("UPDATE retention_state SET time_zone = :zone, rebuilt_at = now() WHERE id = 1")
			.param("zone", zone.getId())
			.update();
	}

	/**
	 * The time zone the rollups' months are in.
	 */
	ZoneId zone() {
		return ZoneId
			.of(this.jdbc.sql("SELECT time_zone FROM retention_state WHERE id = 1").query(String.class).single());
	}

	private void recordProducts(OrderSnapshot order) {
		if (order.lines() == null) {
			return;
		}
		for (OrderSnapshot.Line line : order.lines()) {
			if (line.sku() == null || line.sku().isBlank()) {
				continue;
			}
			for (ProductMatch match : this.catalog.findBySku(line.sku()).stream().toList()) {
				this.jdbc.sql(
						"INSERT INTO retention_purchase (order_id, product_id, title) VALUES (:order, :product, :title) "
								+ "ON CONFLICT DO NOTHING")
					.param("order", order.id())
					.param("product", match.productId())
					.param("title",
							(match.title() != null && match.title().length() > 255) ? match.title().substring(0, 255)
									: match.title())
					.update();
			}
		}
	}

	/**
	 * Adds ({@code sign} 1) or subtracts ({@code -1}) what a customer's facts contribute
	 * to the rollups.
	 */
	private void apply(long customerId, int sign, ZoneId zone) {
		List<RetentionMath.Paid> orders = this.jdbc
			.sql("SELECT order_id, paid_at, paid_amount FROM retention_order WHERE customer_id = :id")
			.param("id", customerId)
			.query((rs, row) -> new RetentionMath.Paid(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					rs.getBigDecimal(3)))
			.list();
		if (orders.isEmpty()) {
			return;
		}
		List<RetentionMath.Money> refunds = this.jdbc.sql("""
				SELECT r.refunded_at, r.amount FROM retention_refund r JOIN retention_order o ON o.order_id = r.order_id
				WHERE o.customer_id = :id""")
			.param("id", customerId)
			.query((rs, row) -> new RetentionMath.Money(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)))
			.list();
		Contribution contribution = RetentionMath.of(orders, refunds, zone);
		BigDecimal factor = BigDecimal.valueOf(sign);
		for (RetentionMath.CohortCell cell : contribution.cells()) {
			this.jdbc.sql("""
					INSERT INTO retention_cohort_month (cohort, month_offset, customers, paid_amount, refund_amount)
					VALUES (:cohort, :offset, :customers, :paid, :refunded)
					ON CONFLICT (cohort, month_offset) DO UPDATE SET
					  customers = retention_cohort_month.customers + EXCLUDED.customers,
					  paid_amount = retention_cohort_month.paid_amount + EXCLUDED.paid_amount,
					  refund_amount = retention_cohort_month.refund_amount + EXCLUDED.refund_amount""")
				.param("cohort", cell.cohort())
				.param("offset", cell.offset())
				.param("customers", sign * cell.customers())
				.param("paid", cell.paid().multiply(factor))
				.param("refunded", cell.refunded().multiply(factor))
				.update();
		}
		for (RetentionMath.PeriodCell period : contribution.periods()) {
			this.jdbc.sql("""
					INSERT INTO retention_period (kind, period_start, buyers, repeat_buyers)
					VALUES (:kind, :start, :buyers, :repeat)
					ON CONFLICT (kind, period_start) DO UPDATE SET
					  buyers = retention_period.buyers + EXCLUDED.buyers,
					  repeat_buyers = retention_period.repeat_buyers + EXCLUDED.repeat_buyers""")
				.param("kind", String.valueOf(period.kind()))
				.param("start", period.start())
				.param("buyers", sign * period.buyers())
				.param("repeat", sign * period.repeatBuyers())
				.update();
		}
		int[] gaps = contribution.gaps();
		for (int bucket = 0; bucket < gaps.length; bucket++) {
			if (gaps[bucket] != 0) {
				this.jdbc
					.sql("INSERT INTO retention_gap (bucket, gaps) VALUES (:bucket, :gaps) "
							+ "ON CONFLICT (bucket) DO UPDATE SET gaps = retention_gap.gaps + EXCLUDED.gaps")
					.param("bucket", bucket)
					.param("gaps", (long) sign * gaps[bucket])
					.update();
			}
		}
	}

	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", RETENTION_LOCK).query(Object.class).list();
	}

}
