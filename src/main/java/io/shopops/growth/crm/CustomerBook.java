package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.growth.crm.CustomerKeys.Identity;
import io.shopops.platform.AuditLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers and the facts CRM keeps of their orders: built from order and refund
 * events, idempotently (a re-delivered event changes nothing), merged by managers, and
 * tagged by operators. Every change that finds or moves customers holds one transaction
 * lock, so that two events of one new buyer never create two customers.
 */
@Service
public class CustomerBook {

	/** The key of the transaction lock taken by every change that finds customers. */
	private static final long CUSTOMER_LOCK = 0x43524d01L;

	private static final Map<OrderStatus, Integer> RANK = Map.of(OrderStatus.PENDING_PAYMENT, 0,
			OrderStatus.AWAITING_STOCK, 1, OrderStatus.PAID, 2, OrderStatus.PARTIALLY_SHIPPED, 3, OrderStatus.SHIPPED,
			4, OrderStatus.DELIVERED, 5, OrderStatus.COMPLETED, 6, OrderStatus.CANCELLED, 7, OrderStatus.CLOSED, 7);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ObjectProvider<CustomerHook> hooks;

	private final TierRules tiers;

	private final PointsLedger points;

	CustomerBook(JdbcClient jdbc, AuditLog audit, ObjectProvider<CustomerHook> hooks, TierRules tiers,
			PointsLedger points) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.hooks = hooks;
		this.tiers = tiers;
		this.points = points;
	}

	/**
	 * Records an order as it is now: finds its customer (the one the order already
	 * belongs to, else by buyer id, phone, then e-mail; a new one when none matches),
	 * adds the buyer's identities and address, and stores the order's facts.
	 * @param order the order from an event
	 * @return the customer's id, empty for an order without any usable identity
	 */
	@Transactional
	public Optional<Long> record(OrderSnapshot order) {
		lock();
		Customer buyer = order.customer();
		List<Identity> identities = CustomerKeys.identities(order.channelCode(), buyer.buyerId(), buyer.phone(),
				buyer.email());
		Long customerId = this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = :id")
			.param("id", order.id())
			.query(Long.class)
			.optional()
			.orElse(null);
		if (customerId == null) {
			customerId = resolve(identities).orElse(null);
		}
		if (customerId == null) {
			if (identities.isEmpty()) {
				return Optional.empty();
			}
			customerId = create(buyer, identities);
		}
		customerId = survivor(customerId);
		for (Identity identity : identities) {
			this.jdbc
				.sql("INSERT INTO customer_identity (customer_id, kind, channel_code, value) "
						+ "VALUES (:customer, :kind, :channel, :value) ON CONFLICT DO NOTHING")
				.param("customer", customerId)
				.param("kind", identity.kind().name())
				.param("channel", identity.channelCode())
				.param("value", identity.value())
				.update();
		}
		updateContact(customerId, buyer);
		addAddress(customerId, order.address(), placedAt(order));
		storeOrder(customerId, order);
		recompute(customerId);
		Instant completedAt = order.times().completedAt();
		if (completedAt != null && order.times().paidAt() != null && order.status() != OrderStatus.CANCELLED) {
			BigDecimal refunded = this.jdbc.sql("SELECT refunded_amount FROM customer_order WHERE order_id = :id")
				.param("id", order.id())
				.query(BigDecimal.class)
				.single();
			this.points.earn(customerId, order.id(), order.paidAmount(), refunded, completedAt);
		}
		long recorded = customerId;
		this.hooks.orderedStream().forEach((hook) -> hook.orderRecorded(recorded, order));
		return Optional.of(customerId);
	}

	/**
	 * Records a batch of orders (imported history) in one transaction, each exactly as
	 * {@link #record} does, in the list's order; the customer lock is taken once for the
	 * batch.
	 * @param orders the orders from one event
	 * @return the customer of each order that has one, by order id
	 */
	@Transactional
	public Map<Long, Long> recordAll(List<OrderSnapshot> orders) {
		lock();
		Map<Long, Long> customers = new java.util.HashMap<>();
		for (OrderSnapshot order : orders) {
			record(order).ifPresent((id) -> customers.put(order.id(), id));
		}
		return customers;
	}

	/**
	 * Records a refund once per after-sales request: the order's refunded amount grows
	 * and its customer's net spend shrinks.
	 * @param refund the event
	 * @return the customer's id, empty when the refund was seen before or its order
	 * belongs to no customer
	 */
	@Transactional
	public Optional<Long> refund(RefundCompleted refund) {
		lock();
		int inserted = this.jdbc
			.sql("INSERT INTO customer_refund (request_id, order_id, amount, refunded_at) "
					+ "VALUES (:request, :order, :amount, :at) ON CONFLICT DO NOTHING")
			.param("request", refund.requestId())
			.param("order", refund.orderId())
			.param("amount", refund.amount())
			.param("at", Timestamp.from(refund.at()))
			.update();
		if (inserted == 0) {
			return Optional.empty();
		}
		Optional<Long> customerId = this.jdbc.sql("SELECT customer_id FROM customer_order WHERE order_id = :id")
			.param("id", refund.orderId())
			.query(Long.class)
			.optional();
		customerId.ifPresent((id) -> {
			updateRefunded(refund.orderId());
			recompute(id);
			BigDecimal paid = this.jdbc.sql("SELECT paid_amount FROM customer_order WHERE order_id = :id")
				.param("id", refund.orderId())
				.query(BigDecimal.class)
				.single();
			this.points.reverse(id, refund.orderId(), refund.requestId(), refund.amount(), paid);
			this.hooks.orderedStream().forEach((hook) -> hook.refundRecorded(id, refund));
		});
		return customerId;
	}

	/**
	 * Merges a duplicate into a survivor: the duplicate's identities, orders, addresses
	 * and tags move to the survivor, whose totals are recomputed; the duplicate remains
	 * only as a pointer to the survivor.
	 * @param survivorId the customer kept
	 * @param duplicateId the customer merged away
	 * @throws CustomerNotFoundException if either is unknown or already merged
	 * @throws IllegalArgumentException if both are the same customer
	 */
	@Transactional
	public void merge(long survivorId, long duplicateId) {
		if (survivorId == duplicateId) {
			throw new IllegalArgumentException("a customer cannot be merged into itself");
		}
		lock();
		String survivorName = activeName(survivorId);
		String duplicateName = activeName(duplicateId);
		this.jdbc.sql("UPDATE customer_identity SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("UPDATE customer_order SET customer_id = :survivor WHERE customer_id = :duplicate")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("""
				INSERT INTO customer_address (customer_id, fingerprint, name, phone, province, city, district, line1,
				                              postcode, last_used_at)
				SELECT :survivor, fingerprint, name, phone, province, city, district, line1, postcode, last_used_at
				FROM customer_address WHERE customer_id = :duplicate
				ON CONFLICT (customer_id, fingerprint)
				DO UPDATE SET last_used_at = greatest(customer_address.last_used_at, EXCLUDED.last_used_at)
				""").param("survivor", survivorId).param("duplicate", duplicateId).update();
		this.jdbc.sql("DELETE FROM customer_address WHERE customer_id = :duplicate")
			.param("duplicate", duplicateId)
			.update();
		this.jdbc
			.sql("INSERT INTO customer_tag (customer_id, tag, created_at) SELECT :survivor, tag, created_at "
					+ "FROM customer_tag WHERE customer_id = :duplicate ON CONFLICT DO NOTHING")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("DELETE FROM customer_tag WHERE customer_id = :duplicate")
			.param("duplicate", duplicateId)
			.update();
		this.hooks.orderedStream().forEach((hook) -> hook.merged(survivorId, duplicateId));
		this.jdbc.sql("""
				UPDATE customer s SET name = coalesce(s.name, d.name), phone = coalesce(s.phone, d.phone),
				       email = coalesce(s.email, d.email), updated_at = now()
				FROM customer d WHERE s.id = :survivor AND d.id = :duplicate
				""").param("survivor", survivorId).param("duplicate", duplicateId).update();
		this.jdbc.sql("""
				UPDATE customer SET merged_into = :survivor, order_count = 0, paid_total = 0, refunded_total = 0,
				       net_spend = 0, updated_at = now()
				WHERE id = :duplicate OR merged_into = :duplicate
				""").param("survivor", survivorId).param("duplicate", duplicateId).update();
		recompute(survivorId);
		this.audit.record("CUSTOMER_MERGED", "customer", String.valueOf(survivorId), "#" + duplicateId + " "
				+ nullToEmpty(duplicateName) + " → #" + survivorId + " " + nullToEmpty(survivorName));
	}

	/**
	 * Adds a tag to a customer; adding a tag it has changes nothing.
	 * @param customerId the customer
	 * @param tag the tag, 1 to 40 characters after trimming
	 * @return whether the tag was added now
	 */
	@Transactional
	public boolean tag(long customerId, String tag) {
		String value = normaliseTag(tag);
		activeName(customerId);
		int added = this.jdbc
			.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (:customer, :tag) ON CONFLICT DO NOTHING")
			.param("customer", customerId)
			.param("tag", value)
			.update();
		if (added > 0) {
			this.audit.record("CUSTOMER_TAGGED", "customer", String.valueOf(customerId), "+ " + value);
		}
		return added > 0;
	}

	/**
	 * Removes a tag from a customer.
	 * @param customerId the customer
	 * @param tag the tag
	 * @return whether it was removed now
	 */
	@Transactional
	public boolean untag(long customerId, String tag) {
		activeName(customerId);
		int removed = this.jdbc.sql("DELETE FROM customer_tag WHERE customer_id = :customer AND tag = :tag")
			.param("customer", customerId)
			.param("tag", (tag != null) ? tag.strip() : "")
			.update();
		if (removed > 0) {
			this.audit.record("CUSTOMER_UNTAGGED", "customer", String.valueOf(customerId), "− " + tag.strip());
		}
		return removed > 0;
	}

	/**
	 * The active customers in a tier (for coupons and other audiences).
	 * @param tierCode the tier's code
	 * @return their ids, ascending
	 */
	@Transactional(readOnly = true)
	public List<Long> idsInTier(String tierCode) {
		return this.jdbc.sql("SELECT id FROM customer WHERE tier_code = :tier AND merged_into IS NULL ORDER BY id")
			.param("tier", tierCode)
			.query(Long.class)
			.list();
	}

	/**
	 * The active customers with a tag.
	 * @param tag the tag, exactly
	 * @return their ids, ascending
	 */
	@Transactional(readOnly = true)
	public List<Long> idsTagged(String tag) {
		return this.jdbc.sql("""
				SELECT c.id FROM customer c JOIN customer_tag t ON t.customer_id = c.id
				WHERE t.tag = :tag AND c.merged_into IS NULL ORDER BY c.id""")
			.param("tag", (tag != null) ? tag.strip() : "")
			.query(Long.class)
			.list();
	}

	/**
	 * Finds an active customer by a reference an operator pasted: {@code #id}, an e-mail,
	 * a phone, or a plain id (digits that are no known phone). A merged customer is found
	 * as its survivor.
	 * @param reference the reference
	 * @return the customer's id, or empty when none matches
	 */
	@Transactional(readOnly = true)
	public Optional<Long> find(String reference) {
		String value = (reference != null) ? reference.strip() : "";
		Optional<Long> found = Optional.empty();
		if (value.matches("#\\d{1,18}")) {
			found = byId(Long.parseLong(value.substring(1)));
		}
		else if (value.contains("@")) {
			String email = CustomerKeys.normaliseEmail(value);
			if (email != null && email.length() <= 254) {
				found = byIdentity("EMAIL", email);
			}
		}
		else if (value.matches("[+0-9 ()-]{1,40}")) {
			String phone = CustomerKeys.normalisePhone(value);
			if (phone != null) {
				found = byIdentity("PHONE", phone);
			}
			if (found.isEmpty() && value.matches("\\d{1,18}")) {
				found = byId(Long.parseLong(value));
			}
		}
		return found.map(this::survivor);
	}

	private Optional<Long> byId(long id) {
		return this.jdbc.sql("SELECT id FROM customer WHERE id = :id").param("id", id).query(Long.class).optional();
	}

	private Optional<Long> byIdentity(String kind, String value) {
		return this.jdbc.sql(
				"SELECT customer_id FROM customer_identity WHERE kind = :kind AND channel_code = '' AND value = :value")
			.param("kind", kind)
			.param("value", value)
			.query(Long.class)
			.optional();
	}

	/**
	 * The tiers, for pickers.
	 * @return tier code to name, lowest tier first
	 */
	@Transactional(readOnly = true)
	public Map<String, String> tierNames() {
		Map<String, String> names = new java.util.LinkedHashMap<>();
		this.jdbc.sql("SELECT code, name FROM customer_tier ORDER BY position")
			.query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		return names;
	}

	/**
	 * The tags in use, for pickers.
	 * @return the tags, sorted
	 */
	@Transactional(readOnly = true)
	public List<String> tags() {
		return this.jdbc.sql("SELECT DISTINCT tag FROM customer_tag ORDER BY tag").query(String.class).list();
	}

	static String normaliseTag(String tag) {
		String value = (tag != null) ? tag.strip() : "";
		if (value.isEmpty() || value.length() > 40) {
			throw new IllegalArgumentException("crm.tag.invalid");
		}
		return value;
	}

	/**
	 * Takes the lock that every change finding or moving customers holds, until the
	 * caller's transaction ends: for jobs that write rows per customer outside CRM's own
	 * recording (a backfill), so that no order is recorded and no customers merge while
	 * they write.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockCustomers() {
		lock();
	}

	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", CUSTOMER_LOCK).query(Object.class).list();
	}

	private String activeName(long customerId) {
		Map<String, Object> row = this.jdbc.sql("SELECT name, merged_into FROM customer WHERE id = :id")
			.param("id", customerId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new CustomerNotFoundException(customerId));
		if (row.get("merged_into") != null) {
			throw new CustomerNotFoundException(customerId);
		}
		return (String) row.get("name");
	}

	private Optional<Long> resolve(List<Identity> identities) {
		for (Identity identity : identities) {
			Optional<Long> found = this.jdbc
				.sql("SELECT customer_id FROM customer_identity WHERE kind = :kind AND channel_code = :channel "
						+ "AND value = :value")
				.param("kind", identity.kind().name())
				.param("channel", identity.channelCode())
				.param("value", identity.value())
				.query(Long.class)
				.optional();
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private long survivor(long customerId) {
		long id = customerId;
		for (int i = 0; i < 20; i++) {
			Long next = this.jdbc.sql("SELECT merged_into FROM customer WHERE id = :id")
				.param("id", id)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (next == null) {
				return id;
			}
			id = next;
		}
		return id;
	}

	private long create(Customer buyer, List<Identity> identities) {
		long id = this.jdbc.sql("INSERT INTO customer (name, phone, email) VALUES (:name, :phone, :email) RETURNING id")
			.param("name", trim(buyer.name(), 120))
			.param("phone", trim(buyer.phone(), 40))
			.param("email", trim(buyer.email(), 254))
			.query(Long.class)
			.single();
		this.audit.record("CUSTOMER_CREATED", "customer", String.valueOf(id),
				identities.get(0).kind().name().toLowerCase() + " " + nullToEmpty(trim(buyer.name(), 120)));
		return id;
	}

	private void updateContact(long customerId, Customer buyer) {
		String phone = trim(buyer.phone(), 40);
		String email = trim(buyer.email(), 254);
		this.jdbc.sql("""
				UPDATE customer SET name = coalesce(CAST(:name AS VARCHAR), name),
				       phone = CASE WHEN CAST(:phone AS VARCHAR) IS NULL THEN phone
				                    WHEN phone IS NULL OR position('*' IN phone) > 0
				                         OR position('*' IN CAST(:phone AS VARCHAR)) = 0
				                    THEN CAST(:phone AS VARCHAR) ELSE phone END,
				       email = CASE WHEN CAST(:email AS VARCHAR) IS NULL THEN email
				                    WHEN email IS NULL OR position('*' IN email) > 0
				                         OR position('*' IN CAST(:email AS VARCHAR)) = 0
				                    THEN CAST(:email AS VARCHAR) ELSE email END
				WHERE id = :id
				""")
			.param("name", blankToNull(trim(buyer.name(), 120)))
			.param("phone", blankToNull(phone))
			.param("email", blankToNull(email))
			.param("id", customerId)
			.update();
	}

	private void addAddress(long customerId, Address address, Instant at) {
		if (address == null || (blankToNull(address.line1()) == null && blankToNull(address.city()) == null)) {
			return;
		}
		// one row per place; the recipient's name and phone are the latest seen there
		String fingerprint = String
			.join("|", nullToEmpty(address.province()), nullToEmpty(address.city()), nullToEmpty(address.district()),
					nullToEmpty(address.line1()), nullToEmpty(address.postcode()))
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("\\s+", "");
		this.jdbc.sql("""
				INSERT INTO customer_address (customer_id, fingerprint, name, phone, province, city, district, line1,
				                              postcode, last_used_at)
				VALUES (:customer, :fingerprint, :name, :phone, :province, :city, :district, :line1, :postcode, :at)
				ON CONFLICT (customer_id, fingerprint)
				DO UPDATE SET last_used_at = greatest(customer_address.last_used_at, EXCLUDED.last_used_at),
				  name = CASE WHEN EXCLUDED.last_used_at >= customer_address.last_used_at
				              THEN coalesce(EXCLUDED.name, customer_address.name) ELSE customer_address.name END,
				  phone = CASE WHEN EXCLUDED.last_used_at >= customer_address.last_used_at
				               THEN coalesce(EXCLUDED.phone, customer_address.phone) ELSE customer_address.phone END
				""")
			.param("customer", customerId)
			.param("fingerprint", trim(fingerprint, 600))
			.param("name", trim(address.name(), 120))
			.param("phone", trim(address.phone(), 40))
			.param("province", trim(address.province(), 64))
			.param("city", trim(address.city(), 64))
			.param("district", trim(address.district(), 64))
			.param("line1", trim(address.line1(), 255))
			.param("postcode", trim(address.postcode(), 16))
			.param("at", Timestamp.from(at))
			.update();
	}

	private void storeOrder(long customerId, OrderSnapshot order) {
		Instant paidAt = order.times().paidAt();
		boolean paid = paidAt != null;
		this.jdbc.sql("""
				INSERT INTO customer_order (order_id, customer_id, channel_code, order_number, status, status_rank,
				                            placed_at, paid_amount, paid_at, completed_at, currency)
				VALUES (:id, :customer, :channel, :number, :status, :rank, :placed, :paid, :paidAt, :completedAt,
				        :currency)
				ON CONFLICT (order_id) DO UPDATE SET
				  status = CASE WHEN EXCLUDED.status_rank >= customer_order.status_rank THEN EXCLUDED.status
				                ELSE customer_order.status END,
				  status_rank = greatest(customer_order.status_rank, EXCLUDED.status_rank),
				  paid_amount = CASE WHEN EXCLUDED.paid_at IS NOT NULL THEN EXCLUDED.paid_amount
				                     ELSE customer_order.paid_amount END,
				  paid_at = coalesce(customer_order.paid_at, EXCLUDED.paid_at),
				  completed_at = coalesce(customer_order.completed_at, EXCLUDED.completed_at)
				""")
			.param("id", order.id())
			.param("customer", customerId)
			.param("channel", order.channelCode())
			.param("number", order.number())
			.param("status", order.status().name())
			.param("rank", RANK.get(order.status()))
			.param("placed", Timestamp.from(placedAt(order)))
			.param("paid", paid ? order.paidAmount() : BigDecimal.ZERO)
			.param("paidAt", paid ? Timestamp.from(paidAt) : null)
			.param("completedAt",
					(order.times().completedAt() != null) ? Timestamp.from(order.times().completedAt()) : null)
			.param("currency", order.currency())
			.update();
		updateRefunded(order.id());
	}

	private void updateRefunded(long orderId) {
		this.jdbc.sql("""
				UPDATE customer_order SET refunded_amount =
				  (SELECT coalesce(sum(amount), 0) FROM customer_refund WHERE order_id = :id)
				WHERE order_id = :id
				""").param("id", orderId).update();
	}

	/**
	 * Recomputes a customer's totals from the order facts: counted are orders that were
	 * paid and not cancelled; first and last order from every order but cancelled ones;
	 * the first channel is the channel of the earliest order.
	 */
	void recompute(long customerId) {
		this.jdbc.sql("""
				UPDATE customer c SET order_count = s.counted, paid_total = s.paid, refunded_total = s.refunded,
				       net_spend = s.paid - s.refunded, first_order_at = s.first_at, last_order_at = s.last_at,
				       first_channel = (SELECT channel_code FROM customer_order f WHERE f.customer_id = :id
				                        ORDER BY placed_at, order_id LIMIT 1),
				       updated_at = now()
				FROM (SELECT count(*) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED') AS counted,
				             coalesce(sum(paid_amount) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'), 0)
				               AS paid,
				             coalesce(sum(refunded_amount)
				               FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'), 0) AS refunded,
				             min(placed_at) FILTER (WHERE status <> 'CANCELLED') AS first_at,
				             max(placed_at) FILTER (WHERE status <> 'CANCELLED') AS last_at
				      FROM customer_order WHERE customer_id = :id) s
				WHERE c.id = :id
				""").param("id", customerId).update();
		this.tiers.recompute(customerId);
	}

	private static Instant placedAt(OrderSnapshot order) {
		Instant placed = order.times().placedAt();
		return (placed != null) ? placed : Instant.now();
	}

	private static String trim(String value, int max) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

}
