package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductCatalog.CategoryOption;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.growth.coupon.Coupon.ScopeItem;
import io.shopops.growth.coupon.CouponViews.CouponRow;
import io.shopops.growth.coupon.CouponViews.CouponView;
import io.shopops.growth.coupon.CouponViews.Figures;
import io.shopops.growth.coupon.CouponViews.IssueRow;
import io.shopops.growth.coupon.CouponViews.PageOf;
import io.shopops.growth.coupon.CouponViews.RedemptionRow;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupon definitions: created, edited, disabled and enabled by managers, each change one
 * transaction with its audit entry; the list, a coupon's page and the report with the
 * figures of each coupon.
 */
@Service
class Coupons {

	static final int PAGE_SIZE = 25;

	/** The window of the home card: coupons whose validity ends within it. */
	static final Duration EXPIRING = Duration.ofDays(7);

	private static final String COLUMNS = """
			c.id, c.name, c.type, c.threshold, c.amount, c.percent_off, c.cap, c.valid_from, c.valid_until,
			c.total_limit, c.per_customer_limit, c.scope, c.stacking, c.refund_rule, c.status, c.redeemed_count,
			c.created_at, c.version""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ProductCatalog catalog;

	private final ShopSettings settings;

	Coupons(JdbcClient jdbc, AuditLog audit, ProductCatalog catalog, ShopSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.catalog = catalog;
		this.settings = settings;
	}

	/**
	 * The list's filter.
	 *
	 * @param q part of the name, may be {@code null}
	 * @param status only coupons in this status, may be {@code null}
	 * @param expiring only active coupons whose validity ends within
	 * {@link Coupons#EXPIRING}
	 */
	record Filter(String q, Coupon.Status status, boolean expiring) {

		Filter {
			q = (q == null || q.isBlank()) ? null : q.strip();
			if (q != null && q.length() > 120) {
				q = q.substring(0, 120);
			}
		}

		public boolean isFiltered() {
			return this.q != null || this.status != null || this.expiring;
		}

	}

	@Transactional(readOnly = true)
	PageOf<CouponRow> page(Filter filter, int page, Instant now) {
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new HashMap<>();
		if (filter.q() != null) {
			where.append(" AND lower(c.name) LIKE :q");
			params.put("q", "%"
					+ filter.q().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%");
		}
		if (filter.status() != null) {
			where.append(" AND c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.expiring()) {
			where.append(" AND c.status = 'ACTIVE' AND c.valid_until >= :now AND c.valid_until < :soon");
			params.put("now", Timestamp.from(now));
			params.put("soon", Timestamp.from(now.plus(EXPIRING)));
		}
		long total = this.jdbc.sql("SELECT count(*) FROM coupon c" + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(page, pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (long) (current - 1) * PAGE_SIZE);
		String order = filter.expiring() ? " ORDER BY c.valid_until, c.id" : " ORDER BY c.created_at DESC, c.id DESC";
		List<Coupon> coupons = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM coupon c" + where + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::coupon)
			.list();
		return new PageOf<>(rows(coupons), current, pages, total);
	}

	/**
	 * How many active coupons stop being valid within the next 7 days.
	 * @return the count
	 */
	@Transactional(readOnly = true)
	long countExpiring() {
		Instant now = Instant.now();
		return this.jdbc
			.sql("SELECT count(*) FROM coupon WHERE status = 'ACTIVE' AND valid_until >= :now AND valid_until < :soon")
			.param("now", Timestamp.from(now))
			.param("soon", Timestamp.from(now.plus(EXPIRING)))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	Optional<Coupon> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM coupon c WHERE c.id = :id")
			.param("id", id)
			.query(this::coupon)
			.optional()
			.map((c) -> withScope(List.of(c)).get(0));
	}

	@Transactional(readOnly = true)
	Optional<CouponView> view(long id) {
		return find(id).map((coupon) -> {
			CouponRow row = rows(List.of(coupon)).get(0);
			List<IssueRow> issues = this.jdbc.sql("""
					SELECT audience, description, issued_count, skipped_count, issued_by, issued_at FROM coupon_issue
					WHERE coupon_id = :id ORDER BY issued_at DESC, id DESC LIMIT 20""")
				.param("id", id)
				.query((rs, n) -> new IssueRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
						rs.getString(5), rs.getTimestamp(6).toInstant()))
				.list();
			List<RedemptionRow> redemptions = this.jdbc.sql("""
					SELECT r.order_id, r.order_number, r.channel_code, k.code, r.customer_id, r.status, r.reason,
					       r.discount, r.paid_amount, r.placed_at
					FROM coupon_redemption r JOIN coupon_code k ON k.id = r.code_id
					WHERE r.coupon_id = :id ORDER BY r.placed_at DESC, r.order_id DESC LIMIT 20""")
				.param("id", id)
				.query((rs, n) -> new RedemptionRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						(Long) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8),
						rs.getBigDecimal(9), rs.getTimestamp(10).toInstant()))
				.list();
			return new CouponView(row, issues, redemptions);
		});
	}

	/**
	 * The report: every coupon with its figures, one page, and the totals of all.
	 * @param page the page, from 1
	 * @return the page and the totals
	 */
	@Transactional(readOnly = true)
	Report report(int page) {
		PageOf<CouponRow> rows = page(new Filter(null, null, false), page, Instant.now());
		Figures totals = this.jdbc.sql("""
				SELECT (SELECT count(*) FROM coupon_code WHERE kind = 'UNIQUE'),
				       count(r.order_id), count(r.order_id) FILTER (WHERE k.kind = 'UNIQUE'),
				       coalesce(sum(r.paid_amount), 0), coalesce(sum(r.discount), 0)
				FROM coupon_redemption r JOIN coupon_code k ON k.id = r.code_id WHERE r.status = 'REDEEMED'""")
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4),
					rs.getBigDecimal(5)))
			.single();
		return new Report(rows, totals);
	}

	record Report(PageOf<CouponRow> page, Figures totals) {
	}

	List<CategoryOption> categories() {
		return this.catalog.categories();
	}

	@Transactional
	long create(CouponForm form) {
		List<ScopeItem> scope = scope(form);
		ZoneId zone = zone();
		long id = this.jdbc.sql("""
				INSERT INTO coupon (name, type, threshold, amount, percent_off, cap, valid_from, valid_until,
				    total_limit, per_customer_limit, scope, stacking, refund_rule)
				VALUES (:name, :type, :threshold, :amount, :percent, :cap, :from, :until, :total, :perCustomer,
				    :scope, :stacking, :refund) RETURNING id""").params(values(form, zone)).query(Long.class).single();
		saveScope(id, scope);
		this.audit.record("COUPON_CREATED", "coupon", Long.toString(id), summary(form));
		return id;
	}

	@Transactional
	void update(long id, CouponForm form) {
		Map<String, Object> row = this.jdbc.sql("SELECT version, redeemed_count FROM coupon WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new CouponNotFoundException(id));
		if (((Number) row.get("version")).longValue() != form.getVersion()) {
			throw new OptimisticLockingFailureException("coupon " + id + " changed");
		}
		int redeemed = ((Number) row.get("redeemed_count")).intValue();
		if (form.getTotalLimit() != null && form.getTotalLimit() < redeemed) {
			throw new CouponFormException("totalLimit", "coupon.form.totalLimit.belowRedeemed", redeemed);
		}
		List<ScopeItem> scope = scope(form);
		Map<String, Object> values = values(form, zone());
		values.put("id", id);
		this.jdbc.sql("""
				UPDATE coupon SET name = :name, type = :type, threshold = :threshold, amount = :amount,
				    percent_off = :percent, cap = :cap, valid_from = :from, valid_until = :until,
				    total_limit = :total, per_customer_limit = :perCustomer, scope = :scope, stacking = :stacking,
				    refund_rule = :refund, updated_at = now(), version = version + 1
				WHERE id = :id""").params(values).update();
		this.jdbc.sql("DELETE FROM coupon_scope WHERE coupon_id = :id").param("id", id).update();
		saveScope(id, scope);
		this.audit.record("COUPON_UPDATED", "coupon", Long.toString(id), summary(form));
	}

	/**
	 * Disables or enables a coupon.
	 * @param id the coupon
	 * @param status the new status
	 * @return whether it changed
	 */
	@Transactional
	boolean setStatus(long id, Coupon.Status status) {
		Coupon coupon = find(id).orElseThrow(() -> new CouponNotFoundException(id));
		int changed = this.jdbc.sql("""
				UPDATE coupon SET status = :status, updated_at = now(), version = version + 1
				WHERE id = :id AND status <> :status""").param("status", status.name()).param("id", id).update();
		if (changed > 0) {
			this.audit.record((status == Coupon.Status.DISABLED) ? "COUPON_DISABLED" : "COUPON_ENABLED", "coupon",
					Long.toString(id), coupon.name());
		}
		return changed > 0;
	}

	/**
	 * The form of an existing coupon, for editing.
	 * @param coupon the coupon
	 * @return the form with its values
	 */
	CouponForm form(Coupon coupon) {
		ZoneId zone = zone();
		CouponForm form = new CouponForm();
		CouponTerms terms = coupon.terms();
		form.setName(coupon.name());
		form.setType(terms.type());
		form.setThreshold(terms.threshold());
		form.setAmount(terms.amount());
		form.setPercentOff(terms.percentOff());
		form.setCap(terms.cap());
		form.setValidFrom(terms.validFrom().atZone(zone).toLocalDate());
		form.setValidUntil(terms.validUntil().atZone(zone).toLocalDate().minusDays(1));
		form.setTotalLimit(coupon.totalLimit());
		form.setPerCustomerLimit(coupon.perCustomerLimit());
		form.setScope(coupon.scope());
		form.setProductHandles(String.join("\n",
				coupon.scopeItems()
					.stream()
					.filter((i) -> i.kind() == ScopeItem.Kind.PRODUCT)
					.map(ScopeItem::label)
					.toList()));
		form.setCategoryIds(new ArrayList<>(coupon.scopeItems()
			.stream()
			.filter((i) -> i.kind() == ScopeItem.Kind.CATEGORY)
			.map(ScopeItem::refId)
			.toList()));
		form.setStacking(coupon.stacking());
		form.setRefundRule(coupon.refundRule());
		form.setVersion(coupon.version());
		return form;
	}

	ZoneId zone() {
		return this.settings.current().timeZone();
	}

	private List<ScopeItem> scope(CouponForm form) {
		List<ScopeItem> items = new ArrayList<>();
		if (form.getScope() == Coupon.Scope.PRODUCTS) {
			List<String> missing = new ArrayList<>();
			for (String handle : form.handles()) {
				Optional<ProductMatch> match = (handle.length() <= 255) ? this.catalog.findByHandle(handle)
						: Optional.empty();
				match.ifPresentOrElse(
						(m) -> items.add(new ScopeItem(ScopeItem.Kind.PRODUCT, m.productId(), m.handle())),
						() -> missing.add(handle));
			}
			if (!missing.isEmpty()) {
				throw new CouponFormException("productHandles", "coupon.form.products.unknown",
						String.join(", ", missing.subList(0, Math.min(5, missing.size()))));
			}
			if (items.size() > 200) {
				throw new CouponFormException("productHandles", "coupon.form.products.size");
			}
		}
		else if (form.getScope() == Coupon.Scope.CATEGORIES) {
			Map<Long, String> paths = new LinkedHashMap<>();
			this.catalog.categories().forEach((c) -> paths.put(c.id(), c.path()));
			for (Long categoryId : form.getCategoryIds()) {
				if (categoryId == null || !paths.containsKey(categoryId)) {
					throw new CouponFormException("categoryIds", "coupon.form.categories.unknown");
				}
				items.add(new ScopeItem(ScopeItem.Kind.CATEGORY, categoryId, paths.get(categoryId)));
			}
		}
		return items.stream().distinct().toList();
	}

	private void saveScope(long id, List<ScopeItem> items) {
		for (ScopeItem item : items) {
			this.jdbc.sql("""
					INSERT INTO coupon_scope (coupon_id, kind, ref_id, label) VALUES (:id, :kind, :ref, :label)
					ON CONFLICT DO NOTHING""")
				.param("id", id)
				.param("kind", item.kind().name())
				.param("ref", item.refId())
				.param("label", item.label())
				.update();
		}
	}

	private static Map<String, Object> values(CouponForm form, ZoneId zone) {
		Map<String, Object> values = new HashMap<>();
		values.put("name", form.getName().strip());
		values.put("type", form.getType().name());
		values.put("threshold", form.getThreshold());
		values.put("amount", form.getAmount());
		values.put("percent", form.getPercentOff());
		values.put("cap", form.getCap());
		values.put("from", Timestamp.from(form.getValidFrom().atStartOfDay(zone).toInstant()));
		values.put("until", Timestamp.from(form.getValidUntil().plusDays(1).atStartOfDay(zone).toInstant()));
		values.put("total", form.getTotalLimit());
		values.put("perCustomer", form.getPerCustomerLimit());
		values.put("scope", form.getScope().name());
		values.put("stacking", form.getStacking().name());
		values.put("refund", form.getRefundRule().name());
		return values;
	}

	private static String summary(CouponForm form) {
		StringBuilder text = new StringBuilder(form.getName().strip()).append(" type=").append(form.getType());
		if (form.getThreshold() != null) {
			text.append(" threshold=").append(form.getThreshold().toPlainString());
		}
		if (form.getAmount() != null) {
			text.append(" amount=").append(form.getAmount().toPlainString());
		}
		if (form.getPercentOff() != null) {
			text.append(" percent=").append(form.getPercentOff().toPlainString());
		}
		if (form.getCap() != null) {
			text.append(" cap=").append(form.getCap().toPlainString());
		}
		text.append(" dates=").append(form.getValidFrom()).append("…").append(form.getValidUntil());
		text.append(" limits=").append((form.getTotalLimit() != null) ? form.getTotalLimit() : "∞").append('/');
		text.append((form.getPerCustomerLimit() != null) ? form.getPerCustomerLimit() : "∞");
		text.append(" scope=").append(form.getScope()).append(" stacking=").append(form.getStacking());
		text.append(" refund=").append(form.getRefundRule());
		return text.toString();
	}

	private List<CouponRow> rows(List<Coupon> coupons) {
		if (coupons.isEmpty()) {
			return List.of();
		}
		List<Coupon> scoped = withScope(coupons);
		List<Long> ids = coupons.stream().map(Coupon::id).toList();
		Map<Long, Figures> figures = new HashMap<>();
		this.jdbc.sql("""
				SELECT c.id,
				       (SELECT count(*) FROM coupon_code k WHERE k.coupon_id = c.id AND k.kind = 'UNIQUE') AS issued,
				       count(r.order_id) AS redeemed, count(r.order_id) FILTER (WHERE k.kind = 'UNIQUE') AS issued_used,
				       coalesce(sum(r.paid_amount), 0) AS gmv, coalesce(sum(r.discount), 0) AS discount
				FROM coupon c
				LEFT JOIN coupon_redemption r ON r.coupon_id = c.id AND r.status = 'REDEEMED'
				LEFT JOIN coupon_code k ON k.id = r.code_id
				WHERE c.id IN (:ids) GROUP BY c.id""")
			.param("ids", ids)
			.query((rs, n) -> figures.put(rs.getLong(1),
					new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5), rs.getBigDecimal(6))))
			.list();
		Map<Long, String> shared = new HashMap<>();
		this.jdbc.sql("SELECT coupon_id, code FROM coupon_code WHERE kind = 'SHARED' AND coupon_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> shared.put(rs.getLong(1), rs.getString(2)))
			.list();
		return scoped.stream()
			.map((c) -> new CouponRow(c, shared.get(c.id()), figures.getOrDefault(c.id(), Figures.NONE)))
			.toList();
	}

	private List<Coupon> withScope(List<Coupon> coupons) {
		List<Long> ids = coupons.stream().map(Coupon::id).toList();
		Map<Long, List<ScopeItem>> items = new HashMap<>();
		this.jdbc
			.sql("SELECT coupon_id, kind, ref_id, label FROM coupon_scope WHERE coupon_id IN (:ids) ORDER BY label")
			.param("ids", ids)
			.query((rs, n) -> items.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(new ScopeItem(ScopeItem.Kind.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4))))
			.list();
		return coupons.stream()
			.map((c) -> new Coupon(c.id(), c.name(), c.terms(), c.totalLimit(), c.perCustomerLimit(), c.scope(),
					items.getOrDefault(c.id(), List.of()), c.stacking(), c.refundRule(), c.status(), c.redeemedCount(),
					c.createdAt(), c.version()))
			.toList();
	}

	Coupon coupon(ResultSet rs, int row) throws SQLException {
		CouponTerms terms = new CouponTerms(CouponTerms.Type.valueOf(rs.getString("type")),
				rs.getBigDecimal("threshold"), rs.getBigDecimal("amount"), rs.getBigDecimal("percent_off"),
				rs.getBigDecimal("cap"), rs.getTimestamp("valid_from").toInstant(),
				rs.getTimestamp("valid_until").toInstant());
		return new Coupon(rs.getLong("id"), rs.getString("name"), terms, (Integer) rs.getObject("total_limit"),
				(Integer) rs.getObject("per_customer_limit"), Coupon.Scope.valueOf(rs.getString("scope")), List.of(),
				Coupon.Stacking.valueOf(rs.getString("stacking")),
				Coupon.RefundRule.valueOf(rs.getString("refund_rule")), Coupon.Status.valueOf(rs.getString("status")),
				rs.getInt("redeemed_count"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

}
