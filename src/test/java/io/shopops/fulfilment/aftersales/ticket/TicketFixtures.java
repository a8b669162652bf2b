package io.shopops.fulfilment.aftersales.ticket;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Orders and references with unique names, so that tests sharing the database never see
 * each other's rows.
 */
final class TicketFixtures {

	private TicketFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	/**
	 * A history order (it never touches stock) of a new channel, with its number and
	 * buyer.
	 */
	static long order(JdbcClient jdbc, String number, String customerName) {
		long channel = jdbc
			.sql("INSERT INTO sales_channel (code, name, platform) VALUES (:code, 'Ticket test', 'TMALL') RETURNING id")
			.param("code", unique("TK"))
			.query(Long.class)
			.single();
		return jdbc.sql("""
				INSERT INTO shop_order (channel_id, number, status, source, history, currency, goods_amount,
				    paid_amount, customer_name, customer_phone, placed_at, paid_at, completed_at)
				VALUES (:channel, :number, 'COMPLETED', 'IMPORT', true, 'CNY', 99, 99, :name, '138****0000',
				    now() - interval '3 days', now() - interval '3 days', now() - interval '1 day')
				RETURNING id""")
			.param("channel", channel)
			.param("number", number)
			.param("name", customerName)
			.query(Long.class)
			.single();
	}

}
