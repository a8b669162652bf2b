package io.shopops.growth.coupon;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coupons for the other parts of growth that hand them out on their own (lifecycle
 * rules): the coupons that can be issued now, and issuing one unique code to each of a
 * batch of customers who holds no unused code of the coupon. Like {@link CouponIssuing}
 * it holds the coupon's row lock, so that runs at once never give a customer two codes.
 */
@Service
public class CouponGrants {

	/** Unambiguous characters: no 0/O, 1/I/L. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final SecureRandom random = new SecureRandom();

	CouponGrants(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * The active coupons whose validity has not ended, by name.
	 * @return the coupons
	 */
	@Transactional(readOnly = true)
	public List<Grantable> grantable() {
		return this.jdbc.sql("""
				SELECT id, name FROM coupon WHERE status = 'ACTIVE' AND valid_until > now()
				ORDER BY lower(name), id""").query((rs, n) -> new Grantable(rs.getLong(1), rs.getString(2))).list();
	}

	/**
	 * A coupon's name, whatever its status.
	 * @param couponId the coupon
	 * @return its name, empty if there is no such coupon
	 */
	@Transactional(readOnly = true)
	public Optional<String> name(long couponId) {
		return this.jdbc.sql("SELECT name FROM coupon WHERE id = :id")
			.param("id", couponId)
			.query(String.class)
			.optional();
	}

	/**
	 * Issues one unique code to each customer who holds no unused code of the coupon, in
	 * the caller's transaction.
	 * @param couponId the coupon
	 * @param customerIds the customers, at most a few thousand
	 * @param description what asks, kept with the issue (for example the rule's name)
	 * @param by who issues
	 * @return the codes issued, by customer, or why none could be
	 */
	@Transactional
	public Grant grant(long couponId, List<Long> customerIds, String description, String by) {
		Optional<Map<String, Object>> row = this.jdbc
			.sql("SELECT status, valid_until FROM coupon WHERE id = :id FOR UPDATE")
			.param("id", couponId)
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (row.isEmpty()) {
			return new Grant(GrantStatus.UNKNOWN, Map.of(), List.of());
		}
		if (!"ACTIVE".equals(row.get().get("status"))) {
			return new Grant(GrantStatus.DISABLED, Map.of(), List.of());
		}
		if (!((Timestamp) row.get().get("valid_until")).toInstant().isAfter(Instant.now())) {
			return new Grant(GrantStatus.EXPIRED, Map.of(), List.of());
		}
		List<Long> distinct = customerIds.stream().distinct().toList();
		if (distinct.isEmpty()) {
			return new Grant(GrantStatus.ISSUED, Map.of(), List.of());
		}
		Set<Long> holding = new HashSet<>(this.jdbc.sql("""
				SELECT customer_id FROM coupon_code WHERE coupon_id = :id AND kind = 'UNIQUE'
				AND used_order_id IS NULL AND customer_id IN (:customers)""")
			.param("id", couponId)
			.param("customers", distinct)
			.query(Long.class)
			.list());
		List<Long> pending = distinct.stream().filter((id) -> !holding.contains(id)).toList();
		long issue = this.jdbc.sql("""
				INSERT INTO coupon_issue (coupon_id, audience, description, issued_count, skipped_count, issued_by)
				VALUES (:id, 'lifecycle', :description, :issued, :skipped, :by) RETURNING id""")
			.param("id", couponId)
			.param("description", (description.length() > 255) ? description.substring(0, 255) : description)
			.param("issued", pending.size())
			.param("skipped", holding.size())
			.param("by", by)
			.query(Long.class)
			.single();
		Map<Long, Code> codes = new HashMap<>();
		for (int attempt = 0; !pending.isEmpty(); attempt++) {
			if (attempt > 5) {
				throw new IllegalStateException("could not generate unique coupon codes");
			}
			String[] generated = new String[pending.size()];
			for (int i = 0; i < generated.length; i++) {
				generated[i] = generate();
			}
			this.jdbc.sql("""
					INSERT INTO coupon_code (coupon_id, code, kind, customer_id, issue_id)
					SELECT :id, x.code, 'UNIQUE', x.customer, :issue
					FROM unnest(CAST(:codes AS varchar[]), CAST(:customers AS bigint[])) AS x (code, customer)
					ON CONFLICT (code) DO NOTHING RETURNING id, customer_id, code""")
				.param("id", couponId)
				.param("issue", issue)
				.param("codes", generated)
				.param("customers", pending.toArray(new Long[0]))
				.query((rs, n) -> Map.entry(rs.getLong(2), new Code(rs.getLong(1), rs.getString(3))))
				.list()
				.forEach((entry) -> codes.put(entry.getKey(), entry.getValue()));
			List<Long> again = new ArrayList<>();
			for (Long customer : pending) {
				if (!codes.containsKey(customer)) {
					again.add(customer);
				}
			}
			pending = again;
		}
		this.auditLog.record("COUPON_ISSUED", "coupon", Long.toString(couponId),
				"lifecycle " + description + ": " + codes.size() + " issued, " + holding.size() + " skipped");
		return new Grant(GrantStatus.ISSUED, codes, List.copyOf(holding));
	}

	private String generate() {
		char[] code = new char[12];
		code[0] = 'C';
		code[1] = 'P';
		for (int i = 2; i < code.length; i++) {
			code[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	/**
	 * A coupon that can be issued.
	 *
	 * @param id its id
	 * @param name its name
	 */
	public record Grantable(long id, String name) {
	}

	/**
	 * One issued code.
	 *
	 * @param id the code's id
	 * @param code the code
	 */
	public record Code(long id, String code) {
	}

	/**
	 * What {@link #grant} did.
	 *
	 * @param status whether codes could be issued
	 * @param codes the codes issued, by customer
	 * @param holding the customers passed over because they hold an unused code
	 */
	public record Grant(GrantStatus status, Map<Long, Code> codes, List<Long> holding) {
	}

	/** Whether a coupon could be issued. */
	public enum GrantStatus {

		/** Codes were issued (to those who held none). */
		ISSUED,

		/** No such coupon. */
		UNKNOWN,

		/** The coupon is disabled. */
		DISABLED,

		/** The coupon's validity has ended. */
		EXPIRED

	}

}
