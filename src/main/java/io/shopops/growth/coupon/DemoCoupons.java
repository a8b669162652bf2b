package io.shopops.growth.coupon;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.Times;
import io.shopops.growth.crm.CustomerBook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's coupons (profile {@code demo}, after the demo CRM): a 满减 coupon
 * with the shared code {@value #SHARED_CODE} ending in five days (so the home card shows
 * it), a capped 折扣 coupon issued to the best tier, and a 无门槛 coupon issued to a list of
 * customers; then a few completed orders of the official site that carry those codes, so
 * that the redemptions come through the same order events as real ones. Everything goes
 * through the services the pages use. Run again, it changes nothing.
 */
@Component
@Profile("demo")
@Order(62)
class DemoCoupons implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCoupons.class);

	static final String SHARED_CODE = "DOUBLE12";

	static final String ORDER_PREFIX = "DEMO-CPN-";

	private final Coupons coupons;

	private final CouponIssuing issuing;

	private final CustomerBook customers;

	private final Orders orders;

	private final SalesChannels channels;

	private final JdbcClient jdbc;

	DemoCoupons(Coupons coupons, CouponIssuing issuing, CustomerBook customers, Orders orders, SalesChannels channels,
			JdbcClient jdbc) {
		this.coupons = coupons;
		this.issuing = issuing;
		this.customers = customers;
		this.orders = orders;
		this.channels = channels;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM coupon_code WHERE code = :code")
			.param("code", SHARED_CODE)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		LocalDate today = LocalDate.now(this.coupons.zone());
		CouponForm double12 = form("双12 满199减30", CouponTerms.Type.SPEND_SAVE, today.minusDays(9), today.plusDays(5));
		double12.setThreshold(new BigDecimal("199.00"));
		double12.setAmount(new BigDecimal("30.00"));
		double12.setTotalLimit(2000);
		double12.setPerCustomerLimit(1);
		long double12Id = this.coupons.create(double12);
		this.issuing.publish(double12Id, SHARED_CODE, "demo");

		CouponForm members = form("会员专享 85 折（最高减 50）", CouponTerms.Type.PERCENT, today.minusDays(20),
				today.plusDays(40));
		members.setPercentOff(new BigDecimal("15"));
		members.setCap(new BigDecimal("50.00"));
		members.setPerCustomerLimit(1);
		members.setStacking(Coupon.Stacking.EXCLUSIVE);
		long membersId = this.coupons.create(members);
		Map<String, String> tiers = this.customers.tierNames();
		List<Long> memberIds = List.of();
		if (!tiers.isEmpty()) {
			String best = new ArrayList<>(tiers.keySet()).get(tiers.size() - 1);
			if (this.customers.idsInTier(best).isEmpty() && tiers.size() > 1) {
				best = new ArrayList<>(tiers.keySet()).get(tiers.size() - 2);
			}
			if (!this.customers.idsInTier(best).isEmpty()) {
				this.issuing.issue(membersId, "tier", best, "demo");
				memberIds = this.customers.idsInTier(best);
			}
		}

		CouponForm welcome = form("老客回购 无门槛 10 元", CouponTerms.Type.NO_THRESHOLD, today.minusDays(3),
				today.plusDays(27));
		welcome.setAmount(new BigDecimal("10.00"));
		welcome.setRefundRule(Coupon.RefundRule.ANY_REFUND);
		long welcomeId = this.coupons.create(welcome);
		List<Long> lapsed = this.jdbc.sql("""
				SELECT id FROM customer WHERE merged_into IS NULL AND order_count > 0
				ORDER BY last_order_at, id LIMIT 20""").query(Long.class).list();
		if (!lapsed.isEmpty()) {
			this.issuing.issue(welcomeId, "list", String.join("\n", lapsed.stream().map((id) -> "#" + id).toList()),
					"demo");
		}

		int placed = placeOrders(double12Id, membersId, memberIds);
		log.info("Demo coupons: 3 coupons, {} orders with codes", placed);
	}

	/** Completed site orders carrying the shared code and some members' unique codes. */
	private int placeOrders(long double12Id, long membersId, List<Long> memberIds) {
		List<SalesChannel> all = this.channels.list();
		if (all.isEmpty()) {
			return 0;
		}
		String channel = all.stream().filter((c) -> "SITE".equals(c.code())).findFirst().orElse(all.get(0)).code();
		List<Long> buyers = this.jdbc.sql("""
				SELECT id FROM customer WHERE merged_into IS NULL AND (phone IS NOT NULL OR email IS NOT NULL)
				AND position('*' IN coalesce(phone, '') || coalesce(email, '')) = 0
				ORDER BY net_spend DESC, id LIMIT 12""").query(Long.class).list();
		int placed = 0;
		for (int i = 0; i < buyers.size() && i < 8; i++) {
			placed += place(channel, buyers.get(i), SHARED_CODE, "229.00", "30.00", i) ? 1 : 0;
		}
		for (int i = 0; i < memberIds.size() && i < 4; i++) {
			List<String> codes = this.issuing.codesOf(membersId, memberIds.get(i));
			if (!codes.isEmpty()) {
				placed += place(channel, memberIds.get(i), codes.get(0), "399.00", "50.00", 10 + i) ? 1 : 0;
			}
		}
		return placed;
	}

	private boolean place(String channel, long customerId, String code, String price, String discount, int n) {
		Map<String, Object> buyer = this.jdbc.sql("SELECT name, phone, email FROM customer WHERE id = :id")
			.param("id", customerId)
			.query()
			.singleRow();
		if (buyer.get("phone") == null && buyer.get("email") == null) {
			return false;
		}
		Instant at = Instant.now().minus(Duration.ofHours(30L + 7L * n)).truncatedTo(ChronoUnit.SECONDS);
		Times times = new Times(at, at.plusSeconds(60), at.plusSeconds(3 * 3600), at.plusSeconds(20 * 3600),
				at.plusSeconds(26 * 3600), null, null);
		OrderDraft draft = new OrderDraft(channel, ORDER_PREFIX + String.format("%03d", n), OrderStatus.COMPLETED,
				times,
				new Customer((String) buyer.get("name"), (String) buyer.get("phone"), (String) buyer.get("email"),
						null),
				null, List.of(new OrderDraft.Line("DEMO-GIFT-BOX", "冬季礼盒（演示）", 1, new BigDecimal(price), null)), null,
				new BigDecimal(discount), null, code, null, null, null, null, null, OrderSource.API);
		this.orders.place(draft);
		return true;
	}

	private static CouponForm form(String name, CouponTerms.Type type, LocalDate from, LocalDate until) {
		CouponForm form = new CouponForm();
		form.setName(name);
		form.setType(type);
		form.setValidFrom(from);
		form.setValidUntil(until);
		form.setPerCustomerLimit(null);
		return form;
	}

}
