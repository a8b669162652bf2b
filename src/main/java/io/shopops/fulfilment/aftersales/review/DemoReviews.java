package io.shopops.fulfilment.aftersales.review;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.shopops.platform.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo shop's reviews (profile {@code demo}, after the demo orders): fifteen
 * Chinese reviews of the products of the latest completed demo orders, written a day or
 * two after each order completed, by its buyer. Some are bad (one and two stars), some
 * already have the shop's reply, so that the list, the ratings by product and the home
 * card have something to show. It runs once: channels that already have demo reviews are
 * left alone.
 */
@Component
@Profile("demo")
@Order(45)
class DemoReviews implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoReviews.class);

	/** The channels of the demo orders. */
	static final List<String> CHANNELS = List.of("TMALL", "JD", "DOUYIN", "SITE");

	/** Stars, title, text and the shop's reply (or {@code null}) of each demo review. */
	static final List<Sample> SAMPLES = List.of(new Sample(5, "质量很好", "面料很舒服，做工也细致，和图片一样，会回购。", "感谢亲的支持，期待您再次光临！"),
			new Sample(5, null, "发货很快，第二天就到了，包装完好。", null), new Sample(1, "收到就是坏的", "打开包装发现有破损，联系客服半天没人回，非常失望。", null),
			new Sample(4, "还不错", "整体满意，就是颜色比图片稍微深一点。", "亲，不同显示器会有些许色差，感谢理解～"),
			new Sample(2, "尺码偏小", "按平时的尺码买的，穿上明显偏小，建议大家买大一码。", null),
			new Sample(5, "性价比高", "双11 价格很划算，已经推荐给朋友了。", null),
			new Sample(3, null, "东西一般，物流有点慢，等了四天。", "抱歉让您久等了，我们已反馈给快递公司。"),
			new Sample(5, "好评", "第三次回购了，品质一直很稳定。", null), new Sample(1, "与描述不符", "实物和详情页差别很大，材质很薄，申请退货中。", null),
			new Sample(4, null, "用了一周，感觉不错，客服态度也很好。", null), new Sample(5, "送礼很合适", "包装精美，送给妈妈的，她很喜欢。", "谢谢亲，祝阿姨生活愉快！"),
			new Sample(2, "有异味", "收到后有一股味道，晾了两天才散。", "非常抱歉，新品拆封后通风一下即可，如仍有问题请联系我们处理。"),
			new Sample(5, null, "很满意，和描述的一样。", null), new Sample(4, "挺好的", "做工不错，就是快递包装有点简陋。", null),
			new Sample(2, "掉色严重", "第一次洗就掉色，把别的衣服也染了。", null));

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final TransactionTemplate transactions;

	DemoReviews(JdbcClient jdbc, AuditLog auditLog, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void run(ApplicationArguments args) {
		int seeded = seed(CHANNELS, Instant.now());
		if (seeded > 0) {
			log.info("Demo reviews: {} seeded", seeded);
		}
	}

	/**
	 * Seeds the reviews of the latest completed orders of the given channels, unless
	 * those channels already have demo reviews.
	 * @param channels the channels' codes
	 * @param now the current time, no review is dated after it
	 * @return the number of reviews seeded
	 */
	int seed(List<String> channels, Instant now) {
		Integer seeded = this.transactions.execute((status) -> {
			long existing = this.jdbc
				.sql("SELECT count(*) FROM review WHERE source = 'DEMO' AND channel_code IN (:channels)")
				.param("channels", channels)
				.query(Long.class)
				.single();
			if (existing > 0) {
				return 0;
			}
			List<DemoOrder> orders = this.jdbc.sql("""
					SELECT DISTINCT ON (l.variant_id) o.id, o.number, c.code, o.customer_name, o.completed_at,
					       v.id, v.sku, p.id, p.handle
					FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
					JOIN order_line l ON l.order_id = o.id AND l.line_no = 1
					JOIN product_variant v ON v.id = l.variant_id JOIN product p ON p.id = v.product_id
					WHERE c.code IN (:channels) AND o.status = 'COMPLETED' AND o.completed_at IS NOT NULL
					ORDER BY l.variant_id, o.completed_at DESC, o.id DESC""")
				.param("channels", channels)
				.query((rs, row) -> new DemoOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getString(7), rs.getLong(8), rs.getString(9)))
				.list()
				.stream()
				.sorted(java.util.Comparator.comparing(DemoOrder::completedAt).reversed())
				.limit(SAMPLES.size())
				.toList();
			for (int i = 0; i < orders.size(); i++) {
				insert(orders.get(i), SAMPLES.get(i), i, now);
			}
			if (!orders.isEmpty()) {
				this.auditLog.record("REVIEWS_IMPORTED", "reviews", "demo", "demo reviews=" + orders.size());
			}
			return orders.size();
		});
		if (seeded == null || seeded == 0) {
			return 0;
		}
		return seeded;
	}

	private void insert(DemoOrder order, Sample sample, int index, Instant now) {
		Instant reviewedAt = min(order.completedAt().plus(Duration.ofHours(20 + 7L * index)), now);
		Instant repliedAt = min(reviewedAt.plus(Duration.ofHours(3)), now);
		this.jdbc.sql("""
				INSERT INTO review (channel_code, source, external_id, product_id, variant_id, sku, product_handle,
				    order_id, order_number, rating, title, body, author, reviewed_at, reply, reply_by, replied_at)
				VALUES (:channel, 'DEMO', :external, :product, :variant, :sku, :handle, :order, :number, :rating,
				    :title, :body, :author, :reviewed, :reply, :replyBy, :replied)""")
			.param("channel", order.channel())
			.param("external", "DEMO-" + order.number())
			.param("product", order.productId())
			.param("variant", order.variantId())
			.param("sku", order.sku())
			.param("handle", order.handle())
			.param("order", order.id())
			.param("number", order.number())
			.param("rating", sample.rating())
			.param("title", sample.title())
			.param("body", sample.body())
			.param("author", masked(order.customer()))
			.param("reviewed", Timestamp.from(reviewedAt))
			.param("reply", sample.reply())
			.param("replyBy", (sample.reply() != null) ? "客服小美" : null)
			.param("replied", (sample.reply() != null) ? Timestamp.from(repliedAt) : null)
			.update();
	}

	/** A buyer's name as marketplaces show it: the first character and stars. */
	static String masked(String name) {
		if (name == null || name.isBlank()) {
			return "匿名买家";
		}
		return name.strip().substring(0, 1) + "**";
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	record Sample(int rating, String title, String body, String reply) {
	}

	private record DemoOrder(long id, String number, String channel, String customer, Instant completedAt,
			long variantId, String sku, long productId, String handle) {
	}

}
