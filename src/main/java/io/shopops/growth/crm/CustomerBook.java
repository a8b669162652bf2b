package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
		Map<Long, Long> customers = new HashMap<>();
		if (orders.isEmpty()) {
			return customers;
		}
		boolean known = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM customer_order WHERE order_id = ANY (:ids::bigint[]))")
			.param("ids", orders.stream().map(OrderSnapshot::id).toArray(Long[]::new))
			.query(Boolean.class)
			.single();
		if (known) {
			// a batch delivered again: each order as the single-order path has it
			for (OrderSnapshot order : orders) {
				record(order).ifPresent((id) -> customers.put(order.id(), id));
			}
			return customers;
		}
		return new BatchRecording(orders).run();
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

	private static boolean hasPlace(Address address) {
		return address != null && (blankToNull(address.line1()) != null || blankToNull(address.city()) != null);
	}

	/**
	 * One row per place; the recipient's name and phone are the latest seen there.
	 */
	private static String fingerprint(Address address) {
		return trim(String
			.join("|", nullToEmpty(address.province()), nullToEmpty(address.city()), nullToEmpty(address.district()),
					nullToEmpty(address.line1()), nullToEmpty(address.postcode()))
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("\\s+", ""), 600);
	}

	private void addAddress(long customerId, Address address, Instant at) {
		if (!hasPlace(address)) {
			return;
		}
		String fingerprint = fingerprint(address);
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
			.param("fingerprint", fingerprint)
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

	/**
	 * Records a batch of orders CRM has not seen yet with the result of recording them
	 * one by one in the list's order, in a few set-based statements: which customer each
	 * order belongs to, new customers, identities, contacts and addresses are worked out
	 * in memory from what the tables hold (the customer lock keeps every other writer out
	 * meanwhile), then written once each. Tiers change along the orders as they would one
	 * by one; points and the hooks are those of each order.
	 */
	private final class BatchRecording {

		private final List<OrderSnapshot> orders;

		BatchRecording(List<OrderSnapshot> orders) {
			this.orders = orders;
		}

		Map<Long, Long> run() {
			int count = this.orders.size();
			List<List<Identity>> identities = new ArrayList<>(count);
			Set<Identity> all = new LinkedHashSet<>();
			for (OrderSnapshot order : this.orders) {
				Customer buyer = order.customer();
				List<Identity> keys = CustomerKeys.identities(order.channelCode(), buyer.buyerId(), buyer.phone(),
						buyer.email());
				identities.add(keys);
				all.addAll(keys);
			}
			Map<Identity, Long> owners = owners(all);
			Map<Long, Long> survivors = survivors(new HashSet<>(owners.values()));
			Map<Identity, Long> added = new LinkedHashMap<>();
			// new customers by a temporary (negative) id: the order that makes each
			Map<Long, Integer> created = new LinkedHashMap<>();
			long[] customerOf = new long[count];
			long temporary = 0;
			for (int i = 0; i < count; i++) {
				List<Identity> keys = identities.get(i);
				Long found = null;
				for (Identity identity : keys) {
					found = owners.get(identity);
					if (found != null) {
						break;
					}
				}
				long customer;
				if (found == null) {
					if (keys.isEmpty()) {
						continue;
					}
					customer = --temporary;
					created.put(customer, i);
				}
				else {
					customer = survivors.getOrDefault(found, found);
				}
				for (Identity identity : keys) {
					if (owners.putIfAbsent(identity, customer) == null) {
						added.put(identity, customer);
					}
				}
				customerOf[i] = customer;
			}
			Map<Long, Long> real = create(created, identities);
			Map<Long, Long> customers = new HashMap<>();
			List<Integer> recorded = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				if (customerOf[i] != 0) {
					customerOf[i] = real.getOrDefault(customerOf[i], customerOf[i]);
					customers.put(this.orders.get(i).id(), customerOf[i]);
					recorded.add(i);
				}
			}
			if (recorded.isEmpty()) {
				return customers;
			}
			insertIdentities(added, real);
			Set<Long> touched = new LinkedHashSet<>();
			recorded.forEach((i) -> touched.add(customerOf[i]));
			Set<Long> existing = new HashSet<>(touched);
			existing.removeAll(real.values());
			contacts(recorded, customerOf, existing, created, real);
			addresses(recorded, customerOf, existing);
			Map<Long, BigDecimal> refunded = refunded();
			Instant now = Instant.now();
			Map<Long, Figures> before = figures(existing, now);
			storeOrders(recorded, customerOf, refunded);
			recomputeAll(touched);
			tiers(recorded, customerOf, before, refunded, now);
			List<PointsLedger.Earning> earnings = new ArrayList<>();
			for (int i : recorded) {
				OrderSnapshot order = this.orders.get(i);
				Instant completedAt = order.times().completedAt();
				if (completedAt != null && order.times().paidAt() != null && order.status() != OrderStatus.CANCELLED) {
					earnings.add(new PointsLedger.Earning(customerOf[i], order.id(), order.paidAmount(),
							refunded.getOrDefault(order.id(), BigDecimal.ZERO), completedAt));
				}
			}
			CustomerBook.this.points.earnAll(earnings);
			List<CustomerHook.RecordedOrder> batch = new ArrayList<>(recorded.size());
			for (int i : recorded) {
				batch.add(new CustomerHook.RecordedOrder(customerOf[i], this.orders.get(i)));
			}
			CustomerBook.this.hooks.orderedStream().forEach((hook) -> hook.ordersRecorded(batch));
			return customers;
		}

		/** Who holds each identity now. */
		private Map<Identity, Long> owners(Set<Identity> identities) {
			Map<Identity, Long> owners = new HashMap<>();
			if (identities.isEmpty()) {
				return owners;
			}
			CustomerBook.this.jdbc.sql("""
					SELECT i.kind, i.channel_code, i.value, i.customer_id FROM customer_identity i
					JOIN unnest(:kinds::text[], :channels::text[], :values::text[]) AS k (kind, channel_code, value)
					  ON i.kind = k.kind AND i.channel_code = k.channel_code AND i.value = k.value""")
				.param("kinds", identities.stream().map((i) -> i.kind().name()).toArray(String[]::new))
				.param("channels", identities.stream().map(Identity::channelCode).toArray(String[]::new))
				.param("values", identities.stream().map(Identity::value).toArray(String[]::new))
				.query((rs,
						n) -> owners.put(new Identity(CustomerKeys.Kind.valueOf(rs.getString(1)), rs.getString(2),
								rs.getString(3)), rs.getLong(4)))
				.list();
			return owners;
		}

		/** The customer each one was merged into in the end (itself when not merged). */
		private Map<Long, Long> survivors(Set<Long> ids) {
			Map<Long, Long> next = new HashMap<>();
			Set<Long> pending = new HashSet<>(ids);
			for (int round = 0; round < 20 && !pending.isEmpty(); round++) {
				Set<Long> asked = pending;
				pending = new HashSet<>();
				List<long[]> rows = CustomerBook.this.jdbc
					.sql("SELECT id, merged_into FROM customer WHERE id = ANY (:ids::bigint[])")
					.param("ids", asked.toArray(Long[]::new))
					.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.wasNull() ? 0 : 1 })
					.list();
				for (long[] row : rows) {
					if (row[2] == 1) {
						next.put(row[0], row[1]);
						if (!next.containsKey(row[1])) {
							pending.add(row[1]);
						}
					}
				}
			}
			Map<Long, Long> survivors = new HashMap<>();
			for (long id : ids) {
				long survivor = id;
				for (int i = 0; i < 20 && next.containsKey(survivor); i++) {
					survivor = next.get(survivor);
				}
				survivors.put(id, survivor);
			}
			return survivors;
		}

		/** Creates the new customers, ids in the order they appeared. */
		private Map<Long, Long> create(Map<Long, Integer> created, List<List<Identity>> identities) {
			Map<Long, Long> real = new HashMap<>();
			if (created.isEmpty()) {
				return real;
			}
			List<Long> ids = CustomerBook.this.jdbc
				.sql("SELECT nextval(pg_get_serial_sequence('customer', 'id')) FROM generate_series(1, :count)")
				.param("count", created.size())
				.query(Long.class)
				.list();
			List<Customer> buyers = created.values().stream().map((i) -> this.orders.get(i).customer()).toList();
			CustomerBook.this.jdbc.sql("""
					INSERT INTO customer (id, name, phone, email)
					SELECT * FROM unnest(:ids::bigint[], :names::text[], :phones::text[], :emails::text[])""")
				.param("ids", ids.toArray(Long[]::new))
				.param("names", buyers.stream().map((b) -> trim(b.name(), 120)).toArray(String[]::new))
				.param("phones", buyers.stream().map((b) -> trim(b.phone(), 40)).toArray(String[]::new))
				.param("emails", buyers.stream().map((b) -> trim(b.email(), 254)).toArray(String[]::new))
				.update();
			int n = 0;
			List<AuditLog.Entry> entries = new ArrayList<>(created.size());
			for (Map.Entry<Long, Integer> entry : created.entrySet()) {
				long id = ids.get(n);
				Customer buyer = buyers.get(n++);
				real.put(entry.getKey(), id);
				entries.add(new AuditLog.Entry("CUSTOMER_CREATED", "customer", String.valueOf(id),
						identities.get(entry.getValue()).get(0).kind().name().toLowerCase() + " "
								+ nullToEmpty(trim(buyer.name(), 120))));
			}
			CustomerBook.this.audit.recordAll(entries);
			return real;
		}

		private void insertIdentities(Map<Identity, Long> added, Map<Long, Long> real) {
			if (added.isEmpty()) {
				return;
			}
			List<Map.Entry<Identity, Long>> rows = new ArrayList<>(added.entrySet());
			CustomerBook.this.jdbc.sql("""
					INSERT INTO customer_identity (customer_id, kind, channel_code, value)
					SELECT * FROM unnest(:customers::bigint[], :kinds::text[], :channels::text[], :values::text[])
					ON CONFLICT DO NOTHING""")
				.param("customers",
						rows.stream().map((e) -> real.getOrDefault(e.getValue(), e.getValue())).toArray(Long[]::new))
				.param("kinds", rows.stream().map((e) -> e.getKey().kind().name()).toArray(String[]::new))
				.param("channels", rows.stream().map((e) -> e.getKey().channelCode()).toArray(String[]::new))
				.param("values", rows.stream().map((e) -> e.getKey().value()).toArray(String[]::new))
				.update();
		}

		/**
		 * Name, phone and e-mail as {@code updateContact} leaves them after each order in
		 * turn.
		 */
		private void contacts(List<Integer> recorded, long[] customerOf, Set<Long> existing, Map<Long, Integer> created,
				Map<Long, Long> real) {
			Map<Long, String[]> contacts = new HashMap<>();
			if (!existing.isEmpty()) {
				CustomerBook.this.jdbc
					.sql("SELECT id, name, phone, email FROM customer WHERE id = ANY (:ids::bigint[])")
					.param("ids", existing.toArray(Long[]::new))
					.query((rs, n) -> contacts.put(rs.getLong(1),
							new String[] { rs.getString(2), rs.getString(3), rs.getString(4) }))
					.list();
			}
			for (Map.Entry<Long, Integer> entry : created.entrySet()) {
				Customer buyer = this.orders.get(entry.getValue()).customer();
				contacts.put(real.get(entry.getKey()),
						new String[] { trim(buyer.name(), 120), trim(buyer.phone(), 40), trim(buyer.email(), 254) });
			}
			Map<Long, String[]> before = new HashMap<>();
			contacts.forEach((id, values) -> before.put(id, values.clone()));
			for (int i : recorded) {
				Customer buyer = this.orders.get(i).customer();
				String[] contact = contacts.get(customerOf[i]);
				String name = blankToNull(trim(buyer.name(), 120));
				if (name != null) {
					contact[0] = name;
				}
				contact[1] = contactValue(contact[1], blankToNull(trim(buyer.phone(), 40)));
				contact[2] = contactValue(contact[2], blankToNull(trim(buyer.email(), 254)));
			}
			List<Long> changed = contacts.keySet()
				.stream()
				.filter((id) -> !java.util.Arrays.equals(contacts.get(id), before.get(id)))
				.toList();
			if (changed.isEmpty()) {
				return;
			}
			CustomerBook.this.jdbc.sql("""
					UPDATE customer c SET name = u.name, phone = u.phone, email = u.email
					FROM unnest(:ids::bigint[], :names::text[], :phones::text[], :emails::text[])
					  AS u (id, name, phone, email)
					WHERE c.id = u.id""")
				.param("ids", changed.toArray(Long[]::new))
				.param("names", changed.stream().map((id) -> contacts.get(id)[0]).toArray(String[]::new))
				.param("phones", changed.stream().map((id) -> contacts.get(id)[1]).toArray(String[]::new))
				.param("emails", changed.stream().map((id) -> contacts.get(id)[2]).toArray(String[]::new))
				.update();
		}

		/**
		 * The customers' addresses as {@code addAddress} leaves them after each order in
		 * turn.
		 */
		private void addresses(List<Integer> recorded, long[] customerOf, Set<Long> existing) {
			Map<String, AddressRow> rows = new LinkedHashMap<>();
			Set<String> stored = new HashSet<>();
			if (!existing.isEmpty()) {
				CustomerBook.this.jdbc.sql("""
						SELECT customer_id, fingerprint, name, phone, last_used_at FROM customer_address
						WHERE customer_id = ANY (:ids::bigint[])""")
					.param("ids", existing.toArray(Long[]::new))
					.query((rs, n) -> {
						AddressRow row = new AddressRow(rs.getLong(1), rs.getString(2), null, rs.getString(3),
								rs.getString(4), rs.getTimestamp(5).toInstant());
						stored.add(row.key());
						return rows.put(row.key(), row);
					})
					.list();
			}
			Set<String> touched = new LinkedHashSet<>();
			for (int i : recorded) {
				OrderSnapshot order = this.orders.get(i);
				Address address = order.address();
				if (!hasPlace(address)) {
					continue;
				}
				Instant at = placedAt(order).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
				AddressRow next = new AddressRow(customerOf[i], fingerprint(address), address,
						trim(address.name(), 120), trim(address.phone(), 40), at);
				AddressRow old = rows.get(next.key());
				if (old == null) {
					rows.put(next.key(), next);
				}
				else {
					boolean newer = !at.isBefore(old.at());
					rows.put(next.key(),
							new AddressRow(old.customerId(), old.fingerprint(), old.place(),
									newer ? coalesce(next.name(), old.name()) : old.name(),
									newer ? coalesce(next.phone(), old.phone()) : old.phone(),
									at.isAfter(old.at()) ? at : old.at()));
				}
				touched.add(next.key());
			}
			if (touched.isEmpty()) {
				return;
			}
			List<AddressRow> write = touched.stream().map(rows::get).toList();
			// a row that is there already keeps its place; only a new one needs it
			CustomerBook.this.jdbc.sql("""
					INSERT INTO customer_address (customer_id, fingerprint, name, phone, province, city, district,
					                              line1, postcode, last_used_at)
					SELECT * FROM unnest(:customers::bigint[], :fingerprints::text[], :names::text[], :phones::text[],
					  :provinces::text[], :cities::text[], :districts::text[], :lines::text[], :postcodes::text[],
					  :ats::timestamptz[])
					ON CONFLICT (customer_id, fingerprint)
					DO UPDATE SET last_used_at = EXCLUDED.last_used_at, name = EXCLUDED.name, phone = EXCLUDED.phone""")
				.param("customers", write.stream().map(AddressRow::customerId).toArray(Long[]::new))
				.param("fingerprints", write.stream().map(AddressRow::fingerprint).toArray(String[]::new))
				.param("names", write.stream().map(AddressRow::name).toArray(String[]::new))
				.param("phones", write.stream().map(AddressRow::phone).toArray(String[]::new))
				.param("provinces", write.stream().map((r) -> place(r, 0)).toArray(String[]::new))
				.param("cities", write.stream().map((r) -> place(r, 1)).toArray(String[]::new))
				.param("districts", write.stream().map((r) -> place(r, 2)).toArray(String[]::new))
				.param("lines", write.stream().map((r) -> place(r, 3)).toArray(String[]::new))
				.param("postcodes", write.stream().map((r) -> place(r, 4)).toArray(String[]::new))
				.param("ats", write.stream().map((r) -> r.at().toString()).toArray(String[]::new))
				.update();
		}

		private static String place(AddressRow row, int part) {
			Address address = row.place();
			if (address == null) {
				// there already: the place is not written over
				return null;
			}
			return switch (part) {
				case 0 -> trim(address.province(), 64);
				case 1 -> trim(address.city(), 64);
				case 2 -> trim(address.district(), 64);
				case 3 -> trim(address.line1(), 255);
				default -> trim(address.postcode(), 16);
			};
		}

		/** What was refunded of each order before it arrived, by order id. */
		private Map<Long, BigDecimal> refunded() {
			Map<Long, BigDecimal> refunded = new HashMap<>();
			CustomerBook.this.jdbc.sql("""
					SELECT order_id, sum(amount) FROM customer_refund WHERE order_id = ANY (:ids::bigint[])
					GROUP BY order_id""")
				.param("ids", this.orders.stream().map(OrderSnapshot::id).toArray(Long[]::new))
				.query((rs, n) -> refunded.put(rs.getLong(1), rs.getBigDecimal(2)))
				.list();
			return refunded;
		}

		private void storeOrders(List<Integer> recorded, long[] customerOf, Map<Long, BigDecimal> refunded) {
			List<OrderSnapshot> stored = recorded.stream().map(this.orders::get).toList();
			CustomerBook.this.jdbc
				.sql("""
						INSERT INTO customer_order (order_id, customer_id, channel_code, order_number, status, status_rank,
						                            placed_at, paid_amount, paid_at, completed_at, currency, refunded_amount)
						SELECT * FROM unnest(:ids::bigint[], :customers::bigint[], :channels::text[], :numbers::text[],
						  :statuses::text[], :ranks::int[], :placed::timestamptz[], :paid::numeric[], :paidAt::timestamptz[],
						  :completedAt::timestamptz[], :currencies::text[], :refunded::numeric[])""")
				.param("ids", stored.stream().map(OrderSnapshot::id).toArray(Long[]::new))
				.param("customers", recorded.stream().map((i) -> customerOf[i]).toArray(Long[]::new))
				.param("channels", stored.stream().map(OrderSnapshot::channelCode).toArray(String[]::new))
				.param("numbers", stored.stream().map(OrderSnapshot::number).toArray(String[]::new))
				.param("statuses", stored.stream().map((o) -> o.status().name()).toArray(String[]::new))
				.param("ranks", stored.stream().map((o) -> RANK.get(o.status())).toArray(Integer[]::new))
				.param("placed", stored.stream().map((o) -> placedAt(o).toString()).toArray(String[]::new))
				.param("paid",
						stored.stream()
							.map((o) -> (o.times().paidAt() != null) ? o.paidAmount().toPlainString() : "0")
							.toArray(String[]::new))
				.param("paidAt", stored.stream().map((o) -> text(o.times().paidAt())).toArray(String[]::new))
				.param("completedAt", stored.stream().map((o) -> text(o.times().completedAt())).toArray(String[]::new))
				.param("currencies", stored.stream().map(OrderSnapshot::currency).toArray(String[]::new))
				.param("refunded",
						stored.stream()
							.map((o) -> refunded.getOrDefault(o.id(), BigDecimal.ZERO).toPlainString())
							.toArray(String[]::new))
				.update();
		}

		/**
		 * {@link CustomerBook#recompute}'s totals, for many customers in one statement.
		 */
		private void recomputeAll(Set<Long> customers) {
			CustomerBook.this.jdbc.sql("""
					UPDATE customer c SET order_count = s.counted, paid_total = s.paid, refunded_total = s.refunded,
					       net_spend = s.paid - s.refunded, first_order_at = s.first_at, last_order_at = s.last_at,
					       first_channel = s.first_channel, updated_at = now()
					FROM (SELECT customer_id,
					             count(*) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED') AS counted,
					             coalesce(sum(paid_amount) FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'),
					               0) AS paid,
					             coalesce(sum(refunded_amount)
					               FILTER (WHERE paid_at IS NOT NULL AND status <> 'CANCELLED'), 0) AS refunded,
					             min(placed_at) FILTER (WHERE status <> 'CANCELLED') AS first_at,
					             max(placed_at) FILTER (WHERE status <> 'CANCELLED') AS last_at,
					             (array_agg(channel_code ORDER BY placed_at, order_id))[1] AS first_channel
					      FROM customer_order WHERE customer_id = ANY (:ids::bigint[]) GROUP BY customer_id) s
					WHERE c.id = s.customer_id""").param("ids", customers.toArray(Long[]::new)).update();
		}

		/**
		 * The 12-month tier figures of the customers that had orders before the batch.
		 */
		private Map<Long, Figures> figures(Set<Long> customers, Instant now) {
			Map<Long, Figures> figures = new HashMap<>();
			if (customers.isEmpty()) {
				return figures;
			}
			CustomerBook.this.jdbc.sql("""
					SELECT customer_id, coalesce(sum(paid_amount - refunded_amount), 0), count(*) FROM customer_order
					WHERE customer_id = ANY (:ids::bigint[]) AND paid_at IS NOT NULL AND status <> 'CANCELLED'
					  AND placed_at >= CAST(:now AS TIMESTAMPTZ) - INTERVAL '12 months'
					GROUP BY customer_id""")
				.param("ids", customers.toArray(Long[]::new))
				.param("now", Timestamp.from(now))
				.query((rs, n) -> figures.put(rs.getLong(1), new Figures(rs.getBigDecimal(2), rs.getInt(3))))
				.list();
			return figures;
		}

		/** Each customer's tier after each of its orders, as one by one. */
		private void tiers(List<Integer> recorded, long[] customerOf, Map<Long, Figures> before,
				Map<Long, BigDecimal> refunded, Instant now) {
			Instant since = CustomerBook.this.jdbc.sql("SELECT CAST(:now AS TIMESTAMPTZ) - INTERVAL '12 months'")
				.param("now", Timestamp.from(now))
				.query(Timestamp.class)
				.single()
				.toInstant();
			Map<Long, List<Figures>> steps = new LinkedHashMap<>();
			Map<Long, Figures> running = new HashMap<>(before);
			for (int i : recorded) {
				OrderSnapshot order = this.orders.get(i);
				long customer = customerOf[i];
				Figures figures = running.getOrDefault(customer, new Figures(BigDecimal.ZERO, 0));
				boolean counts = order.times().paidAt() != null && order.status() != OrderStatus.CANCELLED
						&& !placedAt(order).isBefore(since);
				if (counts) {
					figures = new Figures(figures.netSpend()
						.add(order.paidAmount())
						.subtract(refunded.getOrDefault(order.id(), BigDecimal.ZERO)), figures.orders() + 1);
				}
				running.put(customer, figures);
				steps.computeIfAbsent(customer, (id) -> new ArrayList<>()).add(figures);
			}
			List<TierRules.Tier> rules = CustomerBook.this.tiers.tiers();
			steps.forEach((customer, figures) -> CustomerBook.this.tiers.recomputeAlong(customer, rules,
					figures.stream().map((f) -> new TierRules.Figures(f.netSpend(), f.orders())).toList()));
		}

	}

	private record Figures(BigDecimal netSpend, int orders) {
	}

	private record AddressRow(long customerId, String fingerprint, Address place, String name, String phone,
			Instant at) {

		String key() {
			return this.customerId + "\u0000" + this.fingerprint;
		}

	}

	private static String contactValue(String current, String given) {
		if (given == null) {
			return current;
		}
		if (current == null || current.contains("*") || !given.contains("*")) {
			return given;
		}
		return current;
	}

	private static String coalesce(String first, String second) {
		return (first != null) ? first : second;
	}

	private static String text(Instant at) {
		return (at != null) ? at.toString() : null;
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
