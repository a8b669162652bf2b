package io.shopops.growth.content;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import io.shopops.dashboard.PromotedProducts;
import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SKUs the content calendar promotes around a day, for the dashboard's alert on a
 * promoted SKU out of stock: the products of pieces scheduled or published from
 * {@link #DAYS} days before the day to {@link #DAYS} days after it, and of livestream
 * sessions that run on the day or start in the {@link #DAYS} days after it (local days of
 * the shop's time zone).
 */
@Component
class PromotedContentProducts implements PromotedProducts {

	static final int DAYS = 7;

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	PromotedContentProducts(JdbcClient jdbc, ShopSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<String> promotedSkus(LocalDate day) {
		ZoneId zone = this.settings.current().timeZone();
		Timestamp dayStart = Timestamp.from(day.atStartOfDay(zone).toInstant());
		Timestamp from = Timestamp.from(day.minusDays(DAYS).atStartOfDay(zone).toInstant());
		Timestamp to = Timestamp.from(day.plusDays(DAYS + 1).atStartOfDay(zone).toInstant());
		return new LinkedHashSet<>(this.jdbc.sql("""
				SELECT p.sku FROM content_piece_product p JOIN content_piece c ON c.id = p.piece_id
				WHERE c.status IN ('SCHEDULED', 'PUBLISHED') AND c.publish_at >= :from AND c.publish_at < :to
				UNION
				SELECT sp.sku FROM livestream_session_product sp JOIN livestream_session s ON s.id = sp.session_id
				WHERE s.ends_at > :dayStart AND s.starts_at < :to
				ORDER BY 1""")
			.param("from", from)
			.param("to", to)
			.param("dayStart", dayStart)
			.query(String.class)
			.list());
	}

}
