package io.shopops.fulfilment.order.importing;

import java.util.Locale;

import io.shopops.fulfilment.order.OrderStatus;

/**
 * How each layout's status values map to ours; {@code null} for a value the layout does
 * not know (a row problem). The README's order import section lists the same table.
 */
final class ChannelStatuses {

	private ChannelStatuses() {
	}

	/**
	 * The template: our API names ({@code paid}) or their Chinese labels ({@code 已付款}).
	 */
	static OrderStatus template(String value) {
		String text = value.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		return switch (text) {
			case "pending_payment", "待付款", "待支付" -> OrderStatus.PENDING_PAYMENT;
			case "paid", "已付款", "待发货" -> OrderStatus.PAID;
			case "shipped", "已发货" -> OrderStatus.SHIPPED;
			case "delivered", "已签收" -> OrderStatus.DELIVERED;
			case "completed", "已完成" -> OrderStatus.COMPLETED;
			case "cancelled", "canceled", "已取消" -> OrderStatus.CANCELLED;
			case "closed", "已关闭" -> OrderStatus.CLOSED;
			default -> null;
		};
	}

	/**
	 * 淘宝/天猫 订单状态. The shipped status comes as {@code 卖家已发货，等待买家确认} and, in cleaned files,
	 * with other separators, so any value starting {@code 卖家已发货} is shipped.
	 */
	static OrderStatus taobao(String value) {
		String text = value.strip();
		if (text.startsWith("卖家已发货") || text.startsWith("卖家部分发货")) {
			return OrderStatus.SHIPPED;
		}
		return switch (text) {
			case "等待买家付款", "等待付款", "没有创建支付宝交易" -> OrderStatus.PENDING_PAYMENT;
			case "买家已付款，等待卖家发货", "买家已付款,等待卖家发货", "等待卖家发货", "买家已付款" -> OrderStatus.PAID;
			case "买家已签收", "已签收" -> OrderStatus.DELIVERED;
			case "交易成功" -> OrderStatus.COMPLETED;
			case "交易关闭", "付款以后用户退款成功，交易自动关闭" -> OrderStatus.CLOSED;
			default -> null;
		};
	}

	/**
	 * 京东 订单状态.
	 */
	static OrderStatus jd(String value) {
		return switch (value.strip()) {
			case "等待付款", "待付款" -> OrderStatus.PENDING_PAYMENT;
			case "等待出库", "等待发货", "待出库", "暂停" -> OrderStatus.PAID;
			case "等待确认收货", "已出库", "待收货" -> OrderStatus.SHIPPED;
			case "完成", "已完成" -> OrderStatus.COMPLETED;
			case "已取消", "取消", "锁定" -> OrderStatus.CANCELLED;
			default -> null;
		};
	}

	/**
	 * 抖店 订单状态 with its 售后状态: a shipped or completed order whose refund succeeded is
	 * closed; one refunded before shipping is cancelled.
	 */
	static OrderStatus douyin(String value, String afterSale) {
		OrderStatus status = switch (value.strip()) {
			case "待支付", "待付款" -> OrderStatus.PENDING_PAYMENT;
			case "待发货", "备货中", "已支付" -> OrderStatus.PAID;
			case "已发货", "部分发货" -> OrderStatus.SHIPPED;
			case "已完成" -> OrderStatus.COMPLETED;
			case "已关闭" -> OrderStatus.CLOSED;
			case "已取消" -> OrderStatus.CANCELLED;
			default -> null;
		};
		if (status != null && afterSale != null && afterSale.strip().equals("退款成功")) {
			if (status == OrderStatus.PAID || status == OrderStatus.PENDING_PAYMENT) {
				return OrderStatus.CANCELLED;
			}
			if (status == OrderStatus.SHIPPED || status == OrderStatus.COMPLETED) {
				return OrderStatus.CLOSED;
			}
		}
		return status;
	}

	/**
	 * Shopify's financial and fulfillment status and its cancel time. Shopify exports no
	 * delivery status, so a fulfilled order is taken as done (completed); a partly
	 * fulfilled one as shipped (with a warning). A cancelled order is cancelled before
	 * fulfilment and closed after; refunded is closed, voided cancelled.
	 * @return the status, or {@code null} for an unknown financial status
	 */
	static OrderStatus shopify(String financial, String fulfillment, boolean cancelled) {
		String paid = (financial != null) ? financial.strip().toLowerCase(Locale.ROOT) : "";
		String shipped = (fulfillment != null) ? fulfillment.strip().toLowerCase(Locale.ROOT) : "";
		boolean fulfilled = shipped.equals("fulfilled") || shipped.equals("shipped");
		boolean partial = shipped.equals("partial") || shipped.equals("partially_fulfilled");
		if (!shipped.isEmpty() && !fulfilled && !partial && !shipped.equals("unfulfilled")
				&& !shipped.equals("restocked") && !shipped.equals("pending")) {
			return null;
		}
		if (cancelled) {
			return (fulfilled || partial) ? OrderStatus.CLOSED : OrderStatus.CANCELLED;
		}
		return switch (paid) {
			case "refunded" -> OrderStatus.CLOSED;
			case "voided", "expired" -> OrderStatus.CANCELLED;
			case "paid", "partially_refunded", "partially_paid", "pending", "authorized", "unpaid", "" -> {
				if (fulfilled) {
					yield OrderStatus.COMPLETED;
				}
				if (partial) {
					yield OrderStatus.SHIPPED;
				}
				boolean isPaid = paid.equals("paid") || paid.equals("partially_refunded")
						|| paid.equals("partially_paid");
				yield isPaid ? OrderStatus.PAID : OrderStatus.PENDING_PAYMENT;
			}
			default -> null;
		};
	}

}
