package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.content.ContentPlatform;
import io.shopops.growth.creator.CreatorMath.Earnings;
import io.shopops.growth.creator.CreatorMath.Entry;
import io.shopops.growth.creator.CreatorMath.Sales;
import io.shopops.growth.creator.CreatorMath.Terms;
import io.shopops.growth.creator.CreatorViews.AttributedOrder;
import io.shopops.growth.creator.CreatorViews.Cooperation;
import io.shopops.growth.creator.CreatorViews.CooperationLine;
import io.shopops.growth.creator.CreatorViews.CooperationView;
import io.shopops.growth.creator.CreatorViews.Creator;
import io.shopops.growth.creator.CreatorViews.CreatorRow;
import io.shopops.growth.creator.CreatorViews.CreatorView;
import io.shopops.growth.creator.CreatorViews.LeaderRow;
import io.shopops.growth.creator.CreatorViews.LedgerLine;
import io.shopops.growth.creator.CreatorViews.PageOf;
import io.shopops.growth.creator.CreatorViews.Piece;
import io.shopops.growth.creator.CreatorViews.Sample;
import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the creator pages. A creator's orders are read from growth's attribution facts
 * ({@code attribution_order}, kept from fulfilment's order events): an order counts for
 * the cooperation whose tracking code is its content code, or else for the cooperation
 * one of whose content pieces it is attributed to, when it was paid between the
 * cooperation's first and last day and the cooperation is not cancelled. Refunds of those
 * orders ({@code attribution_refund}) reduce the GMV. Over a range, the orders paid in it
 * count, with all their refunds; fixed fees count in the range the cooperation starts in,
 * samples in the range they were sent in.
 */
@Component
class CreatorQueries {

	static final int PAGE_SIZE = 25;

	static final LocalDate ALL_FROM = LocalDate.of(1970, 1, 1);

	static final LocalDate ALL_TO = LocalDate.of(9999, 12, 31);

	private static final String CREATOR_COLUMNS = """
			c.id, c.platform, c.handle, c.display_name, c.followers, c.category, c.contact, c.notes, c.archived,
			c.version""";

	private static final String COOPERATION_COLUMNS = """
			k.id, k.creator_id, k.title, k.type, k.status, k.starts_on, k.ends_on, k.fixed_fee, k.commission_rate,
			k.tracking_code, k.notes, k.version""";

	/**
	 * The orders of the cooperations the {@code %s} condition selects, paid in
	 * {@code [:from, :to]}: by tracking code, else by piece when no cooperation claims
	 * the order's code.
	 */
	private static final String MATCHED = """
			WITH k AS (
			  SELECT id, tracking_code, starts_on, ends_on FROM creator_cooperation
			  WHERE status <> 'CANCELLED' AND %s
			), m AS (
			  SELECT k.id AS cooperation_id, o.order_id, o.order_number, o.pay_day, o.paid_amount, 'CODE' AS via
			  FROM k JOIN attribution_order o ON o.content_code = k.tracking_code
			  WHERE o.pay_day >= greatest(k.starts_on, :from) AND o.pay_day <= least(coalesce(k.ends_on, :to), :to)
			  UNION ALL
			  SELECT k.id, o.order_id, o.order_number, o.pay_day, o.paid_amount, 'PIECE'
			  FROM k JOIN creator_cooperation_piece p ON p.cooperation_id = k.id
			  JOIN attribution_order o ON o.piece_id = p.piece_id
			  WHERE o.pay_day >= greatest(k.starts_on, :from) AND o.pay_day <= least(coalesce(k.ends_on, :to), :to)
			    AND (o.content_code IS NULL OR NOT EXISTS (SELECT 1 FROM creator_cooperation x
			        WHERE x.tracking_code = o.content_code AND x.status <> 'CANCELLED' AND o.pay_day >= x.starts_on
			          AND (x.ends_on IS NULL OR o.pay_day <= x.ends_on)))
			)
			""";

	private static final String REFUNDED = """
			LEFT JOIN LATERAL (SELECT coalesce(sum(r.amount), 0) AS amount FROM attribution_refund r
			    WHERE r.order_id = m.order_id) r ON true""";

	private final JdbcClient jdbc;

	private final ShopSettings shop;

	CreatorQueries(JdbcClient jdbc, ShopSettings shop) {
		this.jdbc = jdbc;
		this.shop = shop;
	}

	/**
	 * What the list filters by.
	 *
	 * @param query part of the handle, name or category, {@code null} for any
	 * @param platform the platform, {@code null} for any
	 * @param category the category (exact, any case), {@code null} for any
	 * @param archived whether archived creators are listed instead of the others
	 */
	record Filter(String query, ContentPlatform platform, String category, boolean archived) {

		public boolean isFiltered() {
			return this.query != null || this.platform != null || this.category != null;
		}

	}

	@Transactional(readOnly = true)
	PageOf<CreatorRow> creators(Filter filter, int page) {
		String where = """
				WHERE c.archived = :archived
				  AND (CAST(:platform AS text) IS NULL OR c.platform = :platform)
				  AND (CAST(:category AS text) IS NULL OR lower(c.category) = lower(:category))
				  AND (CAST(:query AS text) IS NULL OR strpos(lower(c.handle), lower(:query)) > 0
				       OR strpos(lower(coalesce(c.display_name, '')), lower(:query)) > 0
				       OR strpos(lower(coalesce(c.category, '')), lower(:query)) > 0)""";
		long total = bind(this.jdbc.sql("SELECT count(*) FROM creator c " + where), filter).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(1, page), pages);
		List<Creator> creators = bind(this.jdbc.sql("SELECT " + CREATOR_COLUMNS + " FROM creator c " + where
				+ " ORDER BY c.followers DESC, c.id DESC LIMIT :limit OFFSET :offset"), filter)
			.param("limit", PAGE_SIZE)
			.param("offset", (number - 1) * PAGE_SIZE)
			.query(CreatorQueries::creator)
			.list();
		List<Long> ids = creators.stream().map(Creator::id).toList();
		Map<Long, List<Cooperation>> cooperations = cooperationsOf(ids);
		List<Cooperation> all = cooperations.values().stream().flatMap(List::stream).toList();
		Map<Long, Earnings> earnings = earnings(all, ALL_FROM, ALL_TO);
		Map<Long, List<Entry>> entries = entries(ids);
		List<CreatorRow> rows = new ArrayList<>();
		for (Creator creator : creators) {
			List<Cooperation> own = cooperations.getOrDefault(creator.id(), List.of());
			Earnings sum = sum(own, earnings);
			rows.add(new CreatorRow(creator, own.size(), sum,
					CreatorMath.balance(sum.owed(), entries.getOrDefault(creator.id(), List.of()))));
		}
		return new PageOf<>(rows, number, pages, total);
	}

	/**
	 * The categories in use, for the filter.
	 */
	@Transactional(readOnly = true)
	List<String> categories() {
		return this.jdbc.sql("""
				SELECT min(category) FROM creator WHERE category IS NOT NULL GROUP BY lower(category)
				ORDER BY lower(min(category)) LIMIT 200""").query(String.class).list();
	}

	@Transactional(readOnly = true)
	Optional<Creator> creator(long id) {
		return this.jdbc.sql("SELECT " + CREATOR_COLUMNS + " FROM creator c WHERE c.id = :id")
			.param("id", id)
			.query(CreatorQueries::creator)
			.optional();
	}

	@Transactional(readOnly = true)
	Optional<CreatorView> view(long id) {
		Optional<Creator> found = creator(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Cooperation> cooperations = cooperationsOf(List.of(id)).getOrDefault(id, List.of());
		Map<Long, Earnings> earnings = earnings(cooperations, ALL_FROM, ALL_TO);
		Map<Long, long[]> counts = counts(cooperations);
		List<CooperationLine> lines = cooperations.stream()
			.map((k) -> new CooperationLine(k, earnings.getOrDefault(k.id(), Earnings.NONE),
					counts.getOrDefault(k.id(), new long[2])[0], counts.getOrDefault(k.id(), new long[2])[1]))
			.toList();
		Earnings total = sum(cooperations, earnings);
		List<LedgerLine> ledger = ledger(cooperations, earnings, id);
		BigDecimal balance = CreatorMath.balance(total.owed(), entries(List.of(id)).getOrDefault(id, List.of()));
		return Optional.of(new CreatorView(found.get(), lines, total, ledger, balance));
	}

	/**
	 * A creator's balance: fees and commission owed, plus adjustments, less payouts.
	 */
	@Transactional(readOnly = true)
	BigDecimal balance(long creatorId) {
		List<Cooperation> cooperations = cooperationsOf(List.of(creatorId)).getOrDefault(creatorId, List.of());
		Earnings total = sum(cooperations, earnings(cooperations, ALL_FROM, ALL_TO));
		return CreatorMath.balance(total.owed(), entries(List.of(creatorId)).getOrDefault(creatorId, List.of()));
	}

	@Transactional(readOnly = true)
	Optional<Cooperation> cooperation(long id) {
		return this.jdbc.sql("SELECT " + COOPERATION_COLUMNS + " FROM creator_cooperation k WHERE k.id = :id")
			.param("id", id)
			.query(CreatorQueries::cooperation)
			.optional();
	}

	@Transactional(readOnly = true)
	Optional<CooperationView> cooperationView(long id) {
		Optional<Cooperation> found = cooperation(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Cooperation cooperation = found.get();
		Creator creator = creator(cooperation.creatorId()).orElseThrow();
		Earnings earnings = earnings(List.of(cooperation), ALL_FROM, ALL_TO).getOrDefault(id, Earnings.NONE);
		List<Sample> samples = this.jdbc.sql("""
				SELECT id, sku, warehouse, quantity, unit_cost, sent_on, note, actor FROM creator_sample
				WHERE cooperation_id = :id ORDER BY sent_on DESC, id DESC""")
			.param("id", id)
			.query((rs, n) -> new Sample(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8)))
			.list();
		long unknown = samples.stream().filter((s) -> s.unitCost() == null).count();
		List<AttributedOrder> orders = this.jdbc.sql(MATCHED.formatted("id = :id") + """
				SELECT m.order_id, m.order_number, m.pay_day, m.paid_amount, r.amount, m.via FROM m
				""" + REFUNDED + " ORDER BY m.pay_day DESC, m.order_id DESC LIMIT 50")
			.param("id", id)
			.param("from", ALL_FROM)
			.param("to", ALL_TO)
			.query((rs, n) -> new AttributedOrder(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)))
			.list();
		return Optional.of(new CooperationView(cooperation, creator, pieces(id), samples, earnings, unknown, orders));
	}

	@Transactional(readOnly = true)
	List<Piece> pieces(long cooperationId) {
		return this.jdbc.sql("""
				SELECT p.id, p.title, p.platform, p.tracking_code FROM creator_cooperation_piece l
				JOIN content_piece p ON p.id = l.piece_id WHERE l.cooperation_id = :id ORDER BY p.publish_at, p.id""")
			.param("id", cooperationId)
			.query((rs, n) -> new Piece(rs.getLong(1), rs.getString(2), ContentPlatform.valueOf(rs.getString(3)),
					rs.getString(4)))
			.list();
	}

	/**
	 * The leaderboard over a range: every creator with a cooperation, what they brought
	 * and cost in it, sorted by net GMV or by ROI (creators without cost last), then by
	 * handle.
	 */
	@Transactional(readOnly = true)
	List<LeaderRow> leaderboard(LocalDate from, LocalDate to, LeaderboardSort sort) {
		List<Cooperation> cooperations = this.jdbc
			.sql("SELECT " + COOPERATION_COLUMNS + " FROM creator_cooperation k ORDER BY k.creator_id, k.id")
			.query(CreatorQueries::cooperation)
			.list();
		if (cooperations.isEmpty()) {
			return List.of();
		}
		Map<Long, Earnings> earnings = earnings(cooperations, from, to);
		Map<Long, List<Cooperation>> byCreator = new HashMap<>();
		cooperations.forEach((k) -> byCreator.computeIfAbsent(k.creatorId(), (c) -> new ArrayList<>()).add(k));
		List<Creator> creators = this.jdbc
			.sql("SELECT " + CREATOR_COLUMNS + " FROM creator c WHERE c.id IN (:ids) ORDER BY c.id")
			.param("ids", List.copyOf(byCreator.keySet()))
			.query(CreatorQueries::creator)
			.list();
		List<LeaderRow> rows = new ArrayList<>();
		for (Creator creator : creators) {
			rows.add(new LeaderRow(creator, sum(byCreator.get(creator.id()), earnings)));
		}
		Comparator<LeaderRow> byHandle = Comparator.comparing((LeaderRow r) -> r.creator().handle().toLowerCase());
		Comparator<LeaderRow> order = switch (sort) {
			case GMV -> Comparator.comparing((LeaderRow r) -> r.earnings().sales().net()).reversed();
			case ROI -> Comparator.comparing((LeaderRow r) -> r.earnings().roi(),
					Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
		};
		rows.sort(order.thenComparing(byHandle));
		return rows;
	}

	/**
	 * What each cooperation brought and cost in a range.
	 */
	Map<Long, Earnings> earnings(List<Cooperation> cooperations, LocalDate from, LocalDate to) {
		if (cooperations.isEmpty()) {
			return Map.of();
		}
		List<Long> ids = cooperations.stream().map(Cooperation::id).toList();
		Map<Long, Sales> sales = new HashMap<>();
		this.jdbc.sql(MATCHED.formatted("id IN (:ids)") + """
				SELECT m.cooperation_id, count(*), sum(m.paid_amount), sum(r.amount) FROM m
				""" + REFUNDED + " GROUP BY m.cooperation_id")
			.param("ids", ids)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> sales.put(rs.getLong(1),
					new Sales(rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4))))
			.list();
		Map<Long, BigDecimal> samples = new HashMap<>();
		this.jdbc.sql("""
				SELECT cooperation_id, coalesce(sum(round(quantity * unit_cost, 2)), 0) FROM creator_sample
				WHERE cooperation_id IN (:ids) AND sent_on >= :from AND sent_on <= :to GROUP BY cooperation_id""")
			.param("ids", ids)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> samples.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		Map<Long, Earnings> earnings = new HashMap<>();
		for (Cooperation k : cooperations) {
			Terms terms = k.terms();
			if (k.startsOn().isBefore(from) || k.startsOn().isAfter(to)) {
				// the fee counts in the range the cooperation starts in
				terms = new Terms(terms.type(), terms.status(), BigDecimal.ZERO, terms.commissionRate());
			}
			earnings.put(k.id(), CreatorMath.earnings(terms, sales.getOrDefault(k.id(), Sales.NONE),
					samples.getOrDefault(k.id(), BigDecimal.ZERO)));
		}
		return earnings;
	}

	private static Earnings sum(List<Cooperation> cooperations, Map<Long, Earnings> earnings) {
		Earnings total = Earnings.NONE;
		for (Cooperation k : cooperations) {
			total = total.plus(earnings.getOrDefault(k.id(), Earnings.NONE));
		}
		return total;
	}

	private Map<Long, List<Cooperation>> cooperationsOf(List<Long> creators) {
		Map<Long, List<Cooperation>> byCreator = new HashMap<>();
		if (creators.isEmpty()) {
			return byCreator;
		}
		this.jdbc
			.sql("SELECT " + COOPERATION_COLUMNS
					+ " FROM creator_cooperation k WHERE k.creator_id IN (:ids) ORDER BY k.starts_on DESC, k.id DESC")
			.param("ids", creators)
			.query(CreatorQueries::cooperation)
			.list()
			.forEach((k) -> byCreator.computeIfAbsent(k.creatorId(), (c) -> new ArrayList<>()).add(k));
		return byCreator;
	}

	/** Pieces and samples per cooperation. */
	private Map<Long, long[]> counts(List<Cooperation> cooperations) {
		Map<Long, long[]> counts = new HashMap<>();
		if (cooperations.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT k.id, (SELECT count(*) FROM creator_cooperation_piece p WHERE p.cooperation_id = k.id),
				    (SELECT count(*) FROM creator_sample s WHERE s.cooperation_id = k.id)
				FROM creator_cooperation k WHERE k.id IN (:ids)""")
			.param("ids", cooperations.stream().map(Cooperation::id).toList())
			.query((rs, n) -> counts.put(rs.getLong(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		return counts;
	}

	private Map<Long, List<Entry>> entries(List<Long> creators) {
		Map<Long, List<Entry>> entries = new HashMap<>();
		if (creators.isEmpty()) {
			return entries;
		}
		this.jdbc.sql("SELECT creator_id, kind, amount FROM creator_payout WHERE creator_id IN (:ids)")
			.param("ids", creators)
			.query((rs, n) -> entries.computeIfAbsent(rs.getLong(1), (c) -> new ArrayList<>())
				.add(new Entry(PayoutKind.valueOf(rs.getString(2)), rs.getBigDecimal(3))))
			.list();
		return entries;
	}

	/**
	 * The ledger: each cooperation's fee (on its first day) and commission to date (on
	 * its last day, or today), then the payouts and adjustments, by date; the balance
	 * after each line.
	 */
	private List<LedgerLine> ledger(List<Cooperation> cooperations, Map<Long, Earnings> earnings, long creatorId) {
		record Raw(LocalDate date, int order, long id, String kind, String what, String note, BigDecimal amount,
				String actor) {
		}
		List<Raw> raw = new ArrayList<>();
		LocalDate today = LocalDate.now(this.shop.current().timeZone());
		for (Cooperation k : cooperations) {
			Earnings e = earnings.getOrDefault(k.id(), Earnings.NONE);
			if (e.fees().signum() != 0) {
				raw.add(new Raw(k.startsOn(), 0, k.id(), "FEE", k.title(), null, e.fees(), null));
			}
			if (e.commission().signum() != 0) {
				LocalDate day = (k.endsOn() != null && k.endsOn().isBefore(today)) ? k.endsOn() : today;
				raw.add(new Raw(day, 1, k.id(), "COMMISSION", k.title(), null, e.commission(), null));
			}
		}
		this.jdbc.sql("""
				SELECT id, kind, entry_date, amount, reference, note, actor FROM creator_payout
				WHERE creator_id = :id ORDER BY entry_date, id""").param("id", creatorId).query((rs, n) -> {
			PayoutKind kind = PayoutKind.valueOf(rs.getString(2));
			BigDecimal amount = rs.getBigDecimal(4);
			return raw.add(new Raw(rs.getObject(3, LocalDate.class), 2, rs.getLong(1), kind.name(), rs.getString(5),
					rs.getString(6), (kind == PayoutKind.PAYOUT) ? amount.negate() : amount, rs.getString(7)));
		}).list();
		raw.sort(Comparator.comparing(Raw::date).thenComparingInt(Raw::order).thenComparingLong(Raw::id));
		List<LedgerLine> lines = new ArrayList<>();
		BigDecimal balance = CreatorMath.money(null);
		for (Raw line : raw) {
			balance = balance.add(line.amount());
			lines.add(new LedgerLine(line.date(), line.kind(), line.what(), line.note(), line.amount(), line.actor(),
					balance));
		}
		return lines;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Filter filter) {
		return spec.param("archived", filter.archived())
			.param("platform", (filter.platform() != null) ? filter.platform().name() : null)
			.param("category", filter.category())
			.param("query", filter.query());
	}

	static Creator creator(ResultSet rs, int row) throws SQLException {
		return new Creator(rs.getLong(1), ContentPlatform.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
				rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getLong(10));
	}

	static Cooperation cooperation(ResultSet rs, int row) throws SQLException {
		return new Cooperation(rs.getLong(1), rs.getLong(2), rs.getString(3), CooperationType.valueOf(rs.getString(4)),
				CooperationStatus.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
				rs.getObject(7, LocalDate.class), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10),
				rs.getString(11), rs.getLong(12));
	}

}
