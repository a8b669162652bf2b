package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.growth.coupon.CouponAudience;
import io.shopops.growth.crm.CustomerBook;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every segment criterion against customers built from real order events, the saved
 * segments with their audit entries, and the {@link Segments} facade. Each test's
 * customers share a channel of their own, which every filter includes.
 */
@SpringBootTest
class SegmentsIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	CustomerBook customers;

	@Autowired
	SegmentQuery query;

	@Autowired
	SegmentBook book;

	@Autowired
	Segments segments;

	@Autowired
	SegmentAudience audience;

	@Autowired
	RfmScoring rfm;

	@Autowired
	ShopSettings shop;

	@Autowired
	JdbcClient jdbc;

	String site;

	String prefix;

	long a;

	long b;

	long c;

	long d;

	@BeforeEach
	void customers() {
		this.site = SegmentFixtures.channel(this.channels);
		this.prefix = SegmentFixtures.unique("SEGI");
		Customer buyerA = SegmentFixtures.buyer("甲" + this.prefix);
		this.a = place(
				SegmentFixtures.completed(this.site, this.prefix + "-A1", buyerA, "SKU-A-" + this.prefix, "300.00", 5));
		place(SegmentFixtures.completed(this.site, this.prefix + "-A2", buyerA, "SKU-B-" + this.prefix, "200.00", 40));
		this.b = place(SegmentFixtures.completed(this.site, this.prefix + "-B1",
				SegmentFixtures.buyer("乙" + this.prefix), "SKU-B-" + this.prefix, "50.00", 100));
		this.c = place(SegmentFixtures.cancelled(this.site, this.prefix + "-C1",
				SegmentFixtures.buyer("丙" + this.prefix), "SKU-A-" + this.prefix, "80.00", 3));
		this.d = place(SegmentFixtures.completed(this.site, this.prefix + "-D1",
				SegmentFixtures.buyer("丁" + this.prefix), "SKU-C-" + this.prefix, "1000.00", 200));
		this.customers.tag(this.a, "VIP");
		this.customers.tag(this.a, "新客");
		this.customers.tag(this.d, "VIP");
		this.jdbc.sql("UPDATE customer SET tier_code = :tier WHERE id = :id")
			.param("tier", tier())
			.param("id", this.a)
			.update();
	}

	@Test
	void everyCriterionNarrowsToTheCustomersWhoMatch() {
		assertThat(members(filter())).containsExactly(this.a, this.b, this.c, this.d);
		assertThat(members(filter().tier(tier()))).containsExactly(this.a);
		assertThat(members(filter().tags("VIP"))).containsExactly(this.a, this.d);
		assertThat(members(filter().tags("新客", "nobody-has-this"))).containsExactly(this.a);
		// a cancelled order does not count as bought
		assertThat(members(filter().sku("SKU-A-" + this.prefix))).containsExactly(this.a);
		assertThat(members(filter().sku("SKU-B-" + this.prefix))).containsExactly(this.a, this.b);
		LocalDate today = LocalDate.now(zone());
		assertThat(members(filter().after(today.minusDays(10)))).containsExactly(this.a);
		assertThat(members(filter().before(today.minusDays(50)))).containsExactly(this.b, this.d);
		assertThat(members(filter().after(today.minusDays(150)).before(today.minusDays(50)))).containsExactly(this.b);
		assertThat(members(filter().spend("100", "600"))).containsExactly(this.a);
		assertThat(members(filter().spend("900", null))).containsExactly(this.d);
		assertThat(members(filter().spend(null, "50"))).containsExactly(this.b, this.c);
		assertThat(members(filter().tags("VIP").spend("600", null))).containsExactly(this.d);
		assertThat(this.query.count(filter().tags("VIP").build())).isEqualTo(2);
		assertThat(this.query.contains(filter().tags("VIP").build(), this.b)).isFalse();
		assertThat(this.query.contains(filter().tags("VIP").build(), this.d)).isTrue();
		assertThat(this.query.page(filter().build(), 0)).extracting(SegmentQuery.Member::id)
			.containsExactly(this.d, this.c, this.b, this.a);
		// tags alone and a SKU alone are counted from their own tables
		assertThat(this.query.count(new SegmentFilter(null, List.of("VIP", "新客"), null, null, null, null, null, null,
				null, null, null, null, null, null, null)))
			.isGreaterThanOrEqualTo(2);
		assertThat(this.query.count(new SegmentFilter(null, List.of(), null, null, null, null, null, null, null, null,
				null, null, null, null, "SKU-B-" + this.prefix)))
			.isEqualTo(2);
		assertThat(this.query.count(new SegmentFilter(null, List.of(), null, null, null, null, null, null, null, null,
				null, null, null, null, "SKU-A-" + this.prefix)))
			.isEqualTo(1);
	}

	@Test
	void rfmCriteriaMatchTheLastScoresAndNeverACustomerWithoutAPaidOrder() {
		this.rfm.recompute("test");
		for (long id : List.of(this.a, this.b, this.d)) {
			RfmScoring.Score score = this.rfm.of(id).orElseThrow();
			assertThat(members(filter().group(score.group()))).contains(id);
			assertThat(members(filter().scores(score.r(), score.r(), score.f(), score.f(), score.m(), score.m())))
				.contains(id);
		}
		RfmScoring.Score a = this.rfm.of(this.a).orElseThrow();
		RfmScoring.Score d = this.rfm.of(this.d).orElseThrow();
		// a bought 5 days ago, d 200 days ago: a's recency is at least d's, with 2 orders
		// a's frequency above d's
		assertThat(a.r()).isGreaterThanOrEqualTo(d.r());
		assertThat(a.f()).isGreaterThan(d.f());
		assertThat(members(filter().scores(1, 5, 1, 5, 1, 5))).containsExactly(this.a, this.b, this.d);
		// a filter of RFM criteria alone is counted from the scores alone
		SegmentFilter onlyRfm = new SegmentFilter(null, List.of(), a.group(), a.r(), a.r(), null, null, null, null,
				null, null, null, null, null, null);
		List<Long> everyone = new ArrayList<>();
		this.query.forEachBatch(onlyRfm, everyone::addAll);
		assertThat(everyone).contains(this.a);
		assertThat(this.query.count(onlyRfm)).isEqualTo(everyone.size());
		assertThat(this.rfm.of(this.c)).isEmpty();
	}

	@Test
	void countsWithoutCustomerCriteriaReadTheSideTablesAndAgreeWithTheMembers() {
		this.rfm.recompute("test");
		String skuB = "SKU-B-" + this.prefix;
		RfmScoring.Score a = this.rfm.of(this.a).orElseThrow();
		// counted from customer_tag, customer_rfm and customer_sku alone; the members are
		// read through customer: both must agree
		List<Builder> filters = List.of(filter().tags("VIP").sku(skuB), filter().tags("VIP", "新客").group(a.group()),
				filter().group(a.group()).sku(skuB), filter().tags("VIP").scores(a.r(), a.r(), 1, 5, 1, 5).sku(skuB));
		for (Builder filter : filters) {
			List<Long> members = members(filter);
			assertThat(members).contains(this.a);
			assertThat(this.query.count(filter.build())).isEqualTo(members.size());
		}
		assertThat(members(filter().tags("VIP").sku(skuB))).containsExactly(this.a);
		// after a merge the duplicate's SKUs and tags count once, for the survivor
		this.customers.merge(this.d, this.b);
		Builder vipWhoBoughtB = filter().tags("VIP").sku(skuB);
		assertThat(members(vipWhoBoughtB)).containsExactly(this.a, this.d);
		assertThat(this.query.count(vipWhoBoughtB.build())).isEqualTo(2);
		Builder boughtB = filter().sku(skuB);
		assertThat(members(boughtB)).containsExactly(this.a, this.d);
		assertThat(this.query.count(boughtB.build())).isEqualTo(2);
	}

	@Test
	void savedSegmentsAreAuditedAndServedByTheFacade() {
		String name = "VIP " + this.prefix;
		long id = this.book.create(name, filter().tags("VIP").build(), 2, "segment-tester");
		assertThatExceptionOfType(SegmentException.class)
			.isThrownBy(() -> this.book.create(name.toLowerCase(), SegmentFilter.ALL, 0, "segment-tester"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("segment.name.taken"));

		assertThat(this.segments.count(id)).isEqualTo(2);
		assertThat(this.segments.memberIds(id)).containsExactly(this.a, this.d);
		assertThat(this.segments.contains(id, this.a)).isTrue();
		assertThat(this.segments.contains(id, this.b)).isFalse();
		List<Long> streamed = new ArrayList<>();
		this.segments.forEachBatch(id, streamed::addAll);
		assertThat(streamed).containsExactly(this.a, this.d);
		assertThat(this.segments.list()).contains(new Segments.Summary(id, name, 2L));

		// the segment as an audience for unique coupon codes
		assertThat(this.audience.choices()).contains(new CouponAudience.Choice(String.valueOf(id), name));
		CouponAudience.Selection selection = this.audience.select(" " + id + " ");
		assertThat(selection.customerIds()).containsExactly(this.a, this.d);
		assertThat(selection.description()).isEqualTo(name);
		assertThatIllegalArgumentException().isThrownBy(() -> this.audience.select("999999999"))
			.withMessage("coupon.issue.value.unknown");
		assertThatIllegalArgumentException().isThrownBy(() -> this.audience.select("VIP"))
			.withMessage("coupon.issue.value.unknown");
		assertThat(this.segments.find(id)).hasValueSatisfying((s) -> assertThat(s.name()).isEqualTo(name));

		// the filter is stored and read back whole
		SegmentFilter full = filter().tier(tier())
			.tags("VIP", "新客")
			.group(RfmGroup.IMPORTANT_KEEP)
			.scores(1, 2, 3, 4, 5, 5)
			.after(LocalDate.of(2026, 1, 1))
			.before(LocalDate.of(2026, 12, 1))
			.spend("10.5", "99999.99")
			.sku("SKU-B-" + this.prefix)
			.build();
		this.book.update(id, name + " 2", full, 0);
		assertThat(this.book.get(id).filter()).isEqualTo(full);
		assertThat(this.book.get(id).name()).isEqualTo(name + " 2");
		this.book.update(id, name, filter().tags("VIP").build(), 2);

		// a customer merged away leaves the segment; the survivor stays
		this.customers.merge(this.a, this.d);
		assertThat(this.segments.memberIds(id)).containsExactly(this.a);
		assertThat(members(filter().sku("SKU-C-" + this.prefix))).containsExactly(this.a);

		assertThat(this.book.delete(id)).isTrue();
		assertThat(this.book.delete(id)).isFalse();
		assertThatExceptionOfType(SegmentNotFoundException.class).isThrownBy(() -> this.segments.count(id));
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'segment' AND object_id = :id ORDER BY id")
			.param("id", String.valueOf(id))
			.query(String.class)
			.list()).containsExactly("SEGMENT_CREATED", "SEGMENT_UPDATED", "SEGMENT_UPDATED", "SEGMENT_DELETED");
	}

	private List<Long> members(Builder filter) {
		List<Long> ids = new ArrayList<>();
		this.query.forEachBatch(filter.build(), ids::addAll);
		return ids;
	}

	private Builder filter() {
		return new Builder(this.site);
	}

	private String tier() {
		return "T" + this.prefix.substring(this.prefix.length() - 8);
	}

	private ZoneId zone() {
		return this.shop.current().timeZone();
	}

	private long place(OrderDraft draft) {
		return SegmentFixtures.customerOf(this.jdbc, this.orders.place(draft).order().id());
	}

	/** A filter of one channel and more. */
	static final class Builder {

		private final String channel;

		private String tier;

		private List<String> tags = List.of();

		private RfmGroup group;

		private Integer[] scores = new Integer[6];

		private LocalDate after;

		private LocalDate before;

		private BigDecimal spendMin;

		private BigDecimal spendMax;

		private String sku;

		Builder(String channel) {
			this.channel = channel;
		}

		Builder tier(String tier) {
			this.tier = tier;
			return this;
		}

		Builder tags(String... tags) {
			this.tags = List.of(tags);
			return this;
		}

		Builder group(RfmGroup group) {
			this.group = group;
			return this;
		}

		Builder scores(Integer rMin, Integer rMax, Integer fMin, Integer fMax, Integer mMin, Integer mMax) {
			this.scores = new Integer[] { rMin, rMax, fMin, fMax, mMin, mMax };
			return this;
		}

		Builder after(LocalDate day) {
			this.after = day;
			return this;
		}

		Builder before(LocalDate day) {
			this.before = day;
			return this;
		}

		Builder spend(String min, String max) {
			this.spendMin = (min != null) ? new BigDecimal(min) : null;
			this.spendMax = (max != null) ? new BigDecimal(max) : null;
			return this;
		}

		Builder sku(String sku) {
			this.sku = sku;
			return this;
		}

		SegmentFilter build() {
			return new SegmentFilter(this.tier, this.tags, this.group, this.scores[0], this.scores[1], this.scores[2],
					this.scores[3], this.scores[4], this.scores[5], this.after, this.before, this.spendMin,
					this.spendMax, this.channel, this.sku);
		}

	}

}
