package io.shopops.fulfilment.order.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.fulfilment.order.web.OrderQuery.ExportLine;
import io.shopops.platform.CsvCells;

import org.springframework.stereotype.Component;

/**
 * Writes the order export: one row per order line, the order's fields repeated on each,
 * with stable English headers (README "Order export"). Times are ISO-8601 in the shop's
 * time zone with their offset; every text cell is made formula-safe.
 */
@Component
class OrderExport {

	static final List<String> HEADER = List.of("channel", "order_number", "status", "source", "currency", "placed_at",
			"paid_at", "shipped_at", "delivered_at", "completed_at", "cancelled_at", "closed_at", "customer_name",
			"customer_phone", "customer_email", "buyer_id", "ship_name", "ship_phone", "ship_province", "ship_city",
			"ship_district", "ship_address", "ship_postcode", "goods_amount", "shipping_fee", "order_discount",
			"paid_amount", "coupon_code", "utm_source", "utm_medium", "utm_campaign", "utm_content", "content_code",
			"note", "line_no", "sku", "title", "quantity", "unit_price", "line_discount", "line_amount",
			"shipped_quantity", "carrier", "tracking_number");

	private final OrderQuery query;

	OrderExport(OrderQuery query) {
		this.query = query;
	}

	void write(OrderFilter filter, ZoneId zone, CsvWriter csv) {
		DateTimeFormatter format = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
		csv.writeRecord(HEADER);
		this.query.forEachLine(filter, zone, (line) -> csv.writeRecord(cells(line, format)));
	}

	private static List<String> cells(ExportLine line, DateTimeFormatter format) {
		return List.of(text(line.channel()), text(line.number()), line.status().apiName(), line.source(),
				line.currency(), time(line.placedAt(), format), time(line.paidAt(), format),
				time(line.shippedAt(), format), time(line.deliveredAt(), format), time(line.completedAt(), format),
				time(line.cancelledAt(), format), time(line.closedAt(), format), text(line.customerName()),
				text(line.customerPhone()), text(line.customerEmail()), text(line.buyerId()), text(line.shipName()),
				text(line.shipPhone()), text(line.shipProvince()), text(line.shipCity()), text(line.shipDistrict()),
				text(line.shipLine1()), text(line.shipPostcode()), money(line.goodsAmount()), money(line.shippingFee()),
				money(line.discount()), money(line.paidAmount()), text(line.couponCode()), text(line.utmSource()),
				text(line.utmMedium()), text(line.utmCampaign()), text(line.utmContent()), text(line.contentCode()),
				text(line.note()), Integer.toString(line.lineNo()), text(line.sku()), text(line.title()),
				Integer.toString(line.quantity()), money(line.unitPrice()), money(line.lineDiscount()),
				money(line.amount()), Integer.toString(line.shippedQuantity()), text(line.carrier()),
				text(line.trackingNumber()));
	}

	private static String text(String value) {
		return CsvCells.neutralize(value);
	}

	private static String money(BigDecimal value) {
		return (value != null) ? value.toPlainString() : "";
	}

	private static String time(Instant instant, DateTimeFormatter format) {
		return (instant != null) ? format.format(instant) : "";
	}

}
