package io.shopops.fulfilment.aftersales.ticket;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's service tickets (profile {@code demo}, after the demo orders):
 * canned replies and eight Chinese tickets, most about the latest demo orders and their
 * buyers, in every status, with replies, notes and assignments, made through the same
 * service as the pages. Some are back-dated so that the queue shows late and breached
 * tickets. It runs only while its first canned reply does not exist, so re-running it
 * changes nothing.
 */
@Component
@Profile("demo")
@Order(55)
class DemoTickets implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTickets.class);

	static final String FIRST_CANNED_REPLY = "物流查询";

	private final JdbcClient jdbc;

	private final TicketService tickets;

	private final CannedReplies cannedReplies;

	DemoTickets(JdbcClient jdbc, TicketService tickets, CannedReplies cannedReplies) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.cannedReplies = cannedReplies;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM ticket_canned_reply WHERE title = :title")
			.param("title", FIRST_CANNED_REPLY)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		this.cannedReplies.create(FIRST_CANNED_REPLY, "您好，您的包裹已经发出，可以在订单详情里查看物流单号。快递一般 2–3 天送达，如有延误我们会第一时间为您跟进。");
		this.cannedReplies.create("退换货说明", "您好，商品签收后 7 天内支持无理由退换（不影响二次销售）。请在订单页提交售后申请，我们审核后会告诉您寄回地址。");
		this.cannedReplies.create("尺码建议", "您好，建议参考详情页的尺码表；如果您平时穿 M 码、喜欢宽松一些，可以选 L 码。");
		this.cannedReplies.create("致歉安抚", "非常抱歉给您带来不好的体验！我们已经记录您的问题，会在 24 小时内给您处理结果。");
		List<Buyer> buyers = this.jdbc.sql("""
				SELECT id, customer_name, coalesce(customer_phone, buyer_id) AS contact FROM shop_order
				WHERE source = 'DEMO' ORDER BY placed_at DESC, id DESC LIMIT 6""")
			.query((rs, n) -> new Buyer(rs.getLong("id"), rs.getString("customer_name"), rs.getString("contact")))
			.list();
		String operator = this.jdbc
			.sql("SELECT username FROM user_account WHERE enabled AND role = 'OPERATOR' ORDER BY id LIMIT 1")
			.query(String.class)
			.optional()
			.orElse(null);

		long late = open("快递三天没有更新物流", "下单后显示已发货，但是物流信息三天都没有变化，着急送人。", TicketPriority.HIGH, buyer(buyers, 0));
		backdate(late, 30);
		long size = open("毛衣尺码偏小，想换大一号", "平时穿 M，收到的 M 码袖子偏短，可以换 L 吗？", TicketPriority.NORMAL, buyer(buyers, 1));
		this.tickets.reply(size, "您好，可以的～请在订单页申请换货，选择 L 码，我们收到退回的商品后马上给您寄出新的。");
		this.tickets.changeStatus(size, TicketStatus.PENDING_CUSTOMER);
		long damaged = open("收到的杯子碎了", "外包装完好，打开发现杯子碎成两半，附图已经发在聊天里。", TicketPriority.URGENT, buyer(buyers, 2));
		backdate(damaged, 6);
		this.tickets.note(damaged, "客户很生气，已在聊天里道歉；需要主管确认是否直接补发。");
		assign(damaged, operator);
		long invoice = open("需要开具增值税普通发票", "公司报销需要发票，抬头：杭州某某科技有限公司。", TicketPriority.LOW, buyer(buyers, 3));
		this.tickets.reply(invoice, "您好，发票已开具，电子发票会发送到您的邮箱，请注意查收。");
		this.tickets.changeStatus(invoice, TicketStatus.RESOLVED);
		long coupon = open("优惠券没有自动抵扣", "结算时满 200 减 20 的券没用上，能退差价吗？", TicketPriority.NORMAL, buyer(buyers, 4));
		this.tickets.reply(coupon, "您好，已核实是活动规则问题，差价 20 元已通过原路退回，预计 1–3 个工作日到账。");
		this.tickets.changeStatus(coupon, TicketStatus.RESOLVED);
		this.tickets.changeStatus(coupon, TicketStatus.CLOSED);
		long stock = open("黑色款什么时候补货？", "想买黑色 L 码，一直显示缺货。", TicketPriority.NORMAL, null);
		assign(stock, operator);
		long address = open("下单后想改收货地址", "地址写错了小区名，还没发货的话麻烦改一下。", TicketPriority.HIGH, buyer(buyers, 5));
		this.tickets.reply(address, "您好，已为您修改地址，请在订单详情里核对一下～");
		this.tickets.changeStatus(address, TicketStatus.RESOLVED);
		this.tickets.changeStatus(address, TicketStatus.OPEN);
		this.tickets.note(address, "客户又来消息说电话也写错了，待确认新号码。");
		long wash = open("羊毛围巾可以机洗吗？", null, TicketPriority.LOW, null);
		backdate(wash, 2);
		log.info("Demo tickets: 8 tickets, 4 canned replies");
	}

	private long open(String subject, String body, TicketPriority priority, Buyer buyer) {
		return this.tickets.open(new TicketDraft(subject, body, priority, (buyer != null) ? buyer.orderId() : null,
				(buyer != null) ? buyer.name() : "访客", (buyer != null) ? buyer.contact() : null, "manual", null));
	}

	private void assign(long id, String username) {
		if (username != null) {
			this.tickets.assign(id, username);
		}
	}

	/**
	 * Moves a fresh ticket's clock into the past, as if it had been opened hours ago.
	 */
	private void backdate(long id, int hours) {
		this.jdbc.sql("""
				UPDATE ticket SET opened_at = opened_at - make_interval(hours => :hours),
				    first_response_due_at = first_response_due_at - make_interval(hours => :hours),
				    resolution_due_at = resolution_due_at - make_interval(hours => :hours)
				WHERE id = :id""").param("hours", hours).param("id", id).update();
	}

	private static Buyer buyer(List<Buyer> buyers, int index) {
		return (index < buyers.size()) ? buyers.get(index) : null;
	}

	private record Buyer(long orderId, String name, String contact) {
	}

}
