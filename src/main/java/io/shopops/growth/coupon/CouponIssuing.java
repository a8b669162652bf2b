package io.shopops.growth.coupon;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.platform.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts coupons in buyers' hands: publishes one shared code, or issues unique generated
 * codes to the customers of an audience ({@link CouponAudience}). A customer who still
 * holds an unused code of the coupon gets no second one. Issuing holds the coupon's row
 * lock, so two runs at once never issue twice.
 */
@Service
class CouponIssuing {

	/** The most codes one run issues. */
	static final int MAX_ISSUE = 100_000;

	/** Unambiguous characters: no 0/O, 1/I/L. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final String CODE_PATTERN = "[A-Z0-9_-]{4,32}";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final AuditLog audit;

	private final ObjectProvider<CouponAudience> audiences;

	private final SecureRandom random = new SecureRandom();

	CouponIssuing(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, ObjectProvider<CouponAudience> audiences) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.audiences = audiences;
	}

	/**
	 * The audiences, in order.
	 * @return every audience bean
	 */
	List<CouponAudience> audiences() {
		return this.audiences.orderedStream().toList();
	}

	Optional<CouponAudience> audience(String key) {
		return audiences().stream().filter((a) -> a.key().equals(key)).findFirst();
	}

	/**
	 * Publishes the coupon's shared code.
	 * @param couponId the coupon
	 * @param code the code, 4 to 32 letters, digits, {@code -} or {@code _}; stored
	 * upper-case
	 * @param by who publishes
	 * @return the code as stored
	 * @throws CouponFormException when the code is malformed, taken, or the coupon has a
	 * shared code already
	 */
	@Transactional
	String publish(long couponId, String code, String by) {
		lockUsable(couponId, "code");
		String value = (code != null) ? code.strip().toUpperCase(Locale.ROOT) : "";
		if (!value.matches(CODE_PATTERN)) {
			throw new CouponFormException("code", "coupon.code.invalid");
		}
		boolean exists = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM coupon_code WHERE coupon_id = :id AND kind = 'SHARED')")
			.param("id", couponId)
			.query(Boolean.class)
			.single();
		if (exists) {
			throw new CouponFormException("code", "coupon.code.exists");
		}
		long issue = this.jdbc.sql("""
				INSERT INTO coupon_issue (coupon_id, audience, description, issued_count, issued_by)
				VALUES (:id, 'shared', :code, 0, :by) RETURNING id""")
			.param("id", couponId)
			.param("code", value)
			.param("by", by)
			.query(Long.class)
			.single();
		int inserted = this.jdbc.sql("""
				INSERT INTO coupon_code (coupon_id, code, kind, issue_id) VALUES (:id, :code, 'SHARED', :issue)
				ON CONFLICT (code) DO NOTHING""")
			.param("id", couponId)
			.param("code", value)
			.param("issue", issue)
			.update();
		if (inserted == 0) {
			throw new CouponFormException("code", "coupon.code.taken", value);
		}
		this.audit.record("COUPON_CODE_PUBLISHED", "coupon", Long.toString(couponId), value);
		return value;
	}

	/**
	 * Issues one unique code to each customer of an audience who holds no unused code of
	 * the coupon.
	 * @param couponId the coupon
	 * @param audienceKey the audience
	 * @param value the audience's value (a tier's code, a pasted list)
	 * @param by who issues
	 * @return what was issued
	 * @throws CouponFormException when the audience or value is not acceptable, the
	 * coupon cannot be issued, or the audience is too large
	 */
	@Transactional
	Issued issue(long couponId, String audienceKey, String value, String by) {
		lockUsable(couponId, "value");
		CouponAudience audience = audience(audienceKey)
			.orElseThrow(() -> new CouponFormException("audience", "coupon.issue.audience.unknown"));
		CouponAudience.Selection selection;
		try {
			selection = audience.select(value);
		}
		catch (IllegalArgumentException ex) {
			throw new CouponFormException("value", ex.getMessage());
		}
		Set<Long> holding = new HashSet<>(this.jdbc.sql("""
				SELECT customer_id FROM coupon_code WHERE coupon_id = :id AND kind = 'UNIQUE'
				AND used_order_id IS NULL""").param("id", couponId).query(Long.class).list());
		List<Long> recipients = selection.customerIds().stream().filter((id) -> !holding.contains(id)).toList();
		if (recipients.size() > MAX_ISSUE) {
			throw new CouponFormException("value", "coupon.issue.tooMany", MAX_ISSUE);
		}
		if (recipients.isEmpty() && selection.customerIds().isEmpty()) {
			throw new CouponFormException("value", "coupon.issue.nobody");
		}
		int skipped = selection.customerIds().size() - recipients.size();
		long issue = this.jdbc.sql("""
				INSERT INTO coupon_issue (coupon_id, audience, description, issued_count, skipped_count, issued_by)
				VALUES (:id, :audience, :description, :issued, :skipped, :by) RETURNING id""")
			.param("id", couponId)
			.param("audience", audience.key())
			.param("description", selection.description())
			.param("issued", recipients.size())
			.param("skipped", skipped)
			.param("by", by)
			.query(Long.class)
			.single();
		List<Long> pending = recipients;
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt > 5) {
				throw new IllegalStateException("could not generate unique coupon codes");
			}
			List<Object[]> rows = new ArrayList<>(pending.size());
			for (Long customer : pending) {
				rows.add(new Object[] { couponId, generate(), customer, issue });
			}
			int[][] counts = this.template.batchUpdate("""
					INSERT INTO coupon_code (coupon_id, code, kind, customer_id, issue_id) VALUES (?, ?, 'UNIQUE', ?, ?)
					ON CONFLICT (code) DO NOTHING""", rows, 1000, (ps, row) -> {
				for (int i = 0; i < row.length; i++) {
					ps.setObject(i + 1, row[i]);
				}
			});
			List<Long> again = new ArrayList<>();
			int index = 0;
			for (int[] batch : counts) {
				for (int count : batch) {
					if (count == 0) {
						again.add(pending.get(index));
					}
					index++;
				}
			}
			pending = again;
		}
		this.audit.record("COUPON_ISSUED", "coupon", Long.toString(couponId), audience.key() + " "
				+ selection.description() + ": " + recipients.size() + " issued, " + skipped + " skipped");
		return new Issued(recipients.size(), skipped, selection.unmatched());
	}

	/**
	 * What an issuing run did.
	 *
	 * @param issued codes issued
	 * @param skipped customers who already held an unused code
	 * @param unmatched typed references that named no customer
	 */
	record Issued(int issued, int skipped, List<String> unmatched) {
	}

	/**
	 * The unique codes a customer holds, for tests and the customer's page.
	 * @param couponId the coupon
	 * @param customerId the customer
	 * @return the codes, oldest first
	 */
	@Transactional(readOnly = true)
	List<String> codesOf(long couponId, long customerId) {
		return this.jdbc
			.sql("SELECT code FROM coupon_code WHERE coupon_id = :c AND customer_id = :k ORDER BY issued_at, id")
			.param("c", couponId)
			.param("k", customerId)
			.query(String.class)
			.list();
	}

	private void lockUsable(long couponId, String field) {
		Map<String, Object> row = this.jdbc.sql("SELECT status, valid_until FROM coupon WHERE id = :id FOR UPDATE")
			.param("id", couponId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new CouponNotFoundException(couponId));
		if (!"ACTIVE".equals(row.get("status"))) {
			throw new CouponFormException(field, "coupon.issue.disabled");
		}
		Instant until = ((java.sql.Timestamp) row.get("valid_until")).toInstant();
		if (!until.isAfter(Instant.now())) {
			throw new CouponFormException(field, "coupon.issue.expired");
		}
	}

	String generate() {
		char[] code = new char[12];
		code[0] = 'C';
		code[1] = 'P';
		for (int i = 2; i < code.length; i++) {
			code[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

}
